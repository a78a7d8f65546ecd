from django.conf import settings


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "membership": getattr(request, "membership", None),
        "all_memberships": getattr(request, "all_memberships", []),
    }
