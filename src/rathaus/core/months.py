"""Calendar months and month arithmetic for the rule cores (pure: no Django import).

The dog tax counts months as consecutive integers, a month's *index* (``year * 12 + month - 1``,
months since January of year 0), so that differences of indexes count months; child benefit
works with `Month` values (``2026-05``), which carry the same index. Both rule cores use this
module and nothing else for month arithmetic. Months run from 0001-01 to 9999-12, the range
of `datetime.date`; an index outside it raises `ValueError` when it becomes a month or a day.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

_MONTH_PATTERN = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True, order=True, slots=True)
class Month:
    """A calendar month such as ``2026-05``; ordered, and written as ISO ``YYYY-MM``."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if not 1 <= self.year <= 9999 or not 1 <= self.month <= 12:
            raise ValueError(f"no such month: {self.year}-{self.month}")

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, text: str) -> Month:
        """Read ``YYYY-MM``; anything else (``2026-5``, ``2026-13``) raises ``ValueError``."""
        match = _MONTH_PATTERN.fullmatch(text)
        if match is None:
            raise ValueError(f"not a month in the form YYYY-MM: {text!r}")
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def from_index(cls, index: int) -> Month:
        """The month with this ``index`` (see ``index``)."""
        year, month_zero = divmod(index, 12)
        return cls(year, month_zero + 1)

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def index(self) -> int:
        """Months since January of year 0; differences of indexes count months."""
        return self.year * 12 + self.month - 1

    def shifted(self, months: int) -> Month:
        return Month.from_index(self.index + months)

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])


def months_between(first: Month, last: Month) -> Iterator[Month]:
    """Every month from ``first`` to ``last``, both included; nothing if ``last`` is earlier."""
    for offset in range(last.index - first.index + 1):
        yield first.shifted(offset)


def joined_runs(spans: Iterable[tuple[Month, Month]]) -> list[tuple[Month, Month]]:
    """Ordered ``(first, last)`` spans with every span that continues the previous one joined."""
    runs: list[tuple[Month, Month]] = []
    for first, last in spans:
        if runs and runs[-1][1].shifted(1) == first:
            runs[-1] = (runs[-1][0], last)
        else:
            runs.append((first, last))
    return runs


def month_index(day: date) -> int:
    """The index of the month ``day`` lies in."""
    return Month.of(day).index


def month_of_year(year: int, month: int) -> int:
    """The index of ``month`` (1–12) of ``year``."""
    return Month(year, month).index


def first_day(index: int) -> date:
    return Month.from_index(index).first_day


def last_day(index: int) -> date:
    return Month.from_index(index).last_day


def first_month_on_or_after(day: date) -> int:
    """The index of the first month whose first day is ``day`` or later."""
    return month_index(day) if day.day == 1 else month_index(day) + 1


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the end of a shorter month (31 Jan → 28 Feb)."""
    month = Month.of(day).shifted(months)
    return date(month.year, month.month, min(day.day, month.last_day.day))
