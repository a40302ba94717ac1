from decimal import Decimal

from django import template

from rathaus.voting.explanations import money

register = template.Library()


@register.filter
def euros(amount) -> str:
    """An amount in euros as the active language writes it."""
    return "" if amount in (None, "") else money(Decimal(amount))


@register.filter
def spelled(text: str) -> str:
    """A tracker or code with spaces between its characters, so screen readers spell it."""
    return " ".join(char if char != "-" else "–" for char in str(text))
