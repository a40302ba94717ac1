"""Amounts and ranks as the dog-tax pages show them."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()

SYMBOLS = {"EUR": "€"}


@register.filter
def money(amount: Decimal | None, currency: str = "EUR") -> str:
    """``120.00`` → "120,00 €" in German, "€120.00" in English."""
    if amount is None:
        return ""
    number = number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)
    symbol = SYMBOLS.get(currency, currency)
    return f"{symbol}{number}" if get_language() == "en" else f"{number}\N{NO-BREAK SPACE}{symbol}"


@register.filter
def rank_label(rank: int | None) -> str:
    if rank is None:
        return ""
    if rank == 1:
        return _("first dog")
    if rank == 2:
        return _("second dog")
    return _("further dog")


@register.filter
def exemption_name(code: str, names: dict[str, str]) -> str:
    """The exemption's name from the statute (``shelter`` → "Hund aus dem Tierheim")."""
    return names.get(code, code)
