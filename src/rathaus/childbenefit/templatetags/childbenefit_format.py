"""``{{ amount|euro }}`` and ``{{ month|month_label }}`` (a ``Month``, ``YYYY-MM`` or a date)."""

from datetime import date

from django import template

from rathaus.childbenefit.benefitrules import Month
from rathaus.childbenefit.texts import euro as format_euro
from rathaus.childbenefit.texts import month_label as format_month

register = template.Library()


@register.filter
def euro(amount) -> str:
    return format_euro(amount)


@register.filter
def month_label(value) -> str:
    return format_month(Month.of(value) if isinstance(value, date) else value)
