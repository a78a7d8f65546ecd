from django import template
from django.utils import timezone

from security.models import SecurityProfile

register = template.Library()


@register.inclusion_tag("security/_two_factor_banner.html", takes_context=True)
def two_factor_banner(context):
    """Draw the banner inviting a person to switch on two-factor sign-in, unless it is on or hidden."""
    request = context["request"]
    profile = SecurityProfile.objects.filter(user=request.user).first()
    hidden = profile is not None and (
        profile.two_factor_on
        or (profile.two_factor_banner_hidden_until and profile.two_factor_banner_hidden_until > timezone.now())
    )
    return {"show": not hidden, "request": request}
