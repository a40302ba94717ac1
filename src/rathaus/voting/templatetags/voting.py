from decimal import Decimal

from django import template
from django.utils import timezone

from rathaus.voting.explanations import money
from rathaus.voting.models import Poll

register = template.Library()


@register.filter
def euros(amount) -> str:
    """An amount in euros as the active language writes it."""
    return "" if amount in (None, "") else money(Decimal(amount))


@register.filter
def spelled(text: str) -> str:
    """A tracker or code with spaces between its characters, so screen readers spell it."""
    return " ".join(char if char != "-" else "–" for char in str(text))


@register.simple_tag
def open_polls(limit: int = 3):
    """The polls open now, closing soonest first (for the start page)."""
    now = timezone.now()
    return list(
        Poll.objects.filter(opens_at__lte=now, closes_at__gt=now, closed_at__isnull=True).order_by(
            "closes_at"
        )[:limit]
    )
