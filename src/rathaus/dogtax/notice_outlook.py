"""What a dog-tax notice announces for the following year.

Every recorded notice line carries the dog's amount for the year after the notice's year as the
household stands (``next_year_amount``, computed by the tax rules when the notice is recorded,
see ``services.register``). The registration/change notice and the annual assessment letter both
read it from here, so a dog not liable in the notice's year is announced with the yearly amount
from the next year on in the same way on both.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal


def next_year_amount(line: dict) -> Decimal | None:
    """The dog's amount for the following year, ``None`` when it is not liable then."""
    value = line.get("next_year_amount")
    return Decimal(value) if value not in (None, "") else None


def next_year_context(year: int, lines: list[dict]) -> dict:
    """The template context of the outlook: the following year, its first day and the yearly
    amount for the notice's dogs (``None`` when none of them is liable then)."""
    following = [amount for amount in map(next_year_amount, lines) if amount]
    return {
        "next_year": year + 1,
        "next_year_start": date(year + 1, 1, 1),
        "next_year_total": sum(following, Decimal(0)) if following else None,
    }
