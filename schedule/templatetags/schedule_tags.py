from django import template

from schedule import services

register = template.Library()


@register.simple_tag
def ect_schedule_summary(ect):
    """Compute an ECT's FTE terms and reports for `_ect_summary.html`."""
    return services.schedule_summary(ect)


@register.filter
def fraction_days(value) -> str:
    """Show an exact number of days to one decimal place where it is not whole."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.1f}"
