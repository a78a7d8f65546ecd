from django import template

from schedule import services
from schedule.engine import one_place_down

register = template.Library()


@register.simple_tag
def ect_schedule_summary(ect):
    """Compute an ECT's FTE terms and reports for `_ect_summary.html`."""
    return services.schedule_summary(ect)


@register.filter
def fte(value) -> str:
    """Show exact FTE terms to one decimal place, never rounded up."""
    return str(one_place_down(value))
