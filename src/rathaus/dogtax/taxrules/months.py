"""Calendar months as consecutive integers (``year * 12 + month - 1``) and month arithmetic."""

from __future__ import annotations

import calendar
from datetime import date, timedelta


def month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def month_of_year(year: int, month: int) -> int:
    return year * 12 + month - 1


def first_day(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def last_day(index: int) -> date:
    return first_day(index + 1) - timedelta(days=1)


def first_month_on_or_after(day: date) -> int:
    """The first month whose first day is ``day`` or later."""
    return month_index(day) if day.day == 1 else month_index(day) + 1


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the end of a shorter month (31 Jan → 28 Feb)."""
    index = month_index(day) + months
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
