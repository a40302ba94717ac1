"""``{{ amount|euro }}``, ``{{ month|month_label }}`` (a ``Month``, ``YYYY-MM`` or a date) and
``{{ period.kind|qualifying_kind }}`` (why a child of 18 or over counts, in words)."""

from datetime import date

from django import template

from rathaus.childbenefit.benefitrules import Month
from rathaus.childbenefit.messages import KIND_LABELS
from rathaus.childbenefit.messages import euro as format_euro
from rathaus.childbenefit.messages import month_label as format_month

register = template.Library()


@register.filter
def euro(amount) -> str:
    return format_euro(amount)


@register.filter
def month_label(value) -> str:
    return format_month(Month.of(value) if isinstance(value, date) else value)


@register.filter
def qualifying_kind(kind: str) -> str:
    return str(KIND_LABELS.get(kind, kind))
