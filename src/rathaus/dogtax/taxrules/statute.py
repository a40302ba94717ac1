"""A dog-tax statute (Hundesteuersatzung) as data with validity dates.

Nothing here knows a city: the figures come from a statute file or from staff-edited records.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from .errors import Code, Problem


class ExemptionLevel(StrEnum):
    DOG = "dog"
    """Granted for one dog (shelter, assistance, rescue dogs)."""
    KEEPER = "keeper"
    """Granted to the keeper and so to all the keeper's dogs (NATO forces)."""


@dataclass(frozen=True, kw_only=True)
class LocalizedText:
    de: str
    en: str


@dataclass(frozen=True, kw_only=True)
class RatePeriod:
    """Annual rates per dog, valid from ``valid_from`` to ``valid_until`` (inclusive, or open)."""

    valid_from: date
    valid_until: date | None = None
    first: Decimal
    second: Decimal
    further: Decimal
    dangerous: Decimal | None = None
    """A flat rate for a dangerous dog, whatever its rank; None: dangerous dogs pay by rank."""

    def covers(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    def annual_rate(self, *, rank: int | None, dangerous: bool) -> Decimal:
        if dangerous and self.dangerous is not None:
            return self.dangerous
        if rank is None:
            raise ValueError("a dog without a rank needs the dangerous-dog rate")
        return (self.first, self.second)[rank - 1] if rank <= 2 else self.further


@dataclass(frozen=True, kw_only=True)
class ExemptionKind:
    code: str
    level: ExemptionLevel
    name: LocalizedText
    condition: LocalizedText
    """Who or which dogs qualify."""
    evidence: LocalizedText
    duration_months: int | None = None
    """Exempt for this many months from the start of the dog's liability; None: while granted."""
    once_in_years: int | None = None
    """A household gets this exemption at most once in this many years; None: no limit."""
    clerk_check: bool = True
    """The evidence needs a clerk's check (it is not machine-verifiable)."""


@dataclass(frozen=True, kw_only=True)
class DueDate:
    month: int
    day: int

    def on(self, year: int) -> date:
        return date(year, self.month, self.day)


@dataclass(frozen=True, kw_only=True)
class InstallmentDate(DueDate):
    """An instalment due on ``day``.``month``., being the tax of the months it ``covers``."""

    covers: tuple[int, ...]


@dataclass(frozen=True, kw_only=True)
class LateDeregistration:
    """Charge ``extra_months`` more when giving up is reported more than ``grace_days`` after
    the end of the month of giving up."""

    enabled: bool = False
    grace_days: int = 14
    extra_months: int = 1


@dataclass(frozen=True, kw_only=True)
class Statute:
    name: str
    currency: str = "EUR"
    rate_periods: tuple[RatePeriod, ...]
    exemption_kinds: tuple[ExemptionKind, ...] = ()
    installment_dates: tuple[InstallmentDate, ...]
    whole_year_due: DueDate | None = None
    """The due date of the whole year's tax when the keeper asks to pay once; None: not offered."""
    late_assessment_due_months: int = 1
    """An amount assessed after its due date is due this many months after the notice."""
    late_deregistration: LateDeregistration = LateDeregistration()
    dangerous_dogs_rank: bool = True
    """Dangerous dogs take a place in the ranking of the household's dogs."""

    def rate_period_on(self, day: date) -> RatePeriod | None:
        return next((p for p in self.rate_periods if p.covers(day)), None)

    def exemption_kind(self, code: str, level: ExemptionLevel) -> ExemptionKind | None:
        return next((k for k in self.exemption_kinds if k.code == code and k.level == level), None)


def statute_problems(statute: Statute) -> tuple[Problem, ...]:
    """Everything that makes a statute unusable; empty when it is sound."""
    return (
        *_rate_period_problems(statute.rate_periods),
        *_exemption_problems(statute.exemption_kinds),
        *_due_date_problems(statute),
    )


def _rate_period_problems(periods: tuple[RatePeriod, ...]) -> Iterator[Problem]:
    for i, period in enumerate(periods):
        path = f"rate_periods[{i}]"
        if period.valid_until is not None and period.valid_until < period.valid_from:
            yield Problem(field=f"{path}.valid_until", code=Code.ENDS_BEFORE_START)
        for name in ("first", "second", "further", "dangerous"):
            rate = getattr(period, name)
            if rate is not None and rate < 0:
                yield Problem(field=f"{path}.{name}", code=Code.NEGATIVE_AMOUNT)
        if any(_overlap(period, earlier) for earlier in periods[:i]):
            yield Problem(field=f"{path}.valid_from", code=Code.PERIODS_OVERLAP)


def _overlap(a: RatePeriod, b: RatePeriod) -> bool:
    return (a.valid_until is None or b.valid_from <= a.valid_until) and (
        b.valid_until is None or a.valid_from <= b.valid_until
    )


def _exemption_problems(kinds: tuple[ExemptionKind, ...]) -> Iterator[Problem]:
    counts = Counter((k.code, k.level) for k in kinds)
    for i, kind in enumerate(kinds):
        if counts[kind.code, kind.level] > 1:
            yield Problem(field=f"exemption_kinds[{i}].code", code=Code.DUPLICATE_CODE)
        for name in ("duration_months", "once_in_years"):
            value = getattr(kind, name)
            if value is not None and value <= 0:
                yield Problem(field=f"exemption_kinds[{i}].{name}", code=Code.NEGATIVE_AMOUNT)


def _due_date_problems(statute: Statute) -> Iterator[Problem]:
    covered = Counter(m for d in statute.installment_dates for m in d.covers)
    if any(covered[m] != 1 for m in range(1, 13)) or set(covered) - set(range(1, 13)):
        yield Problem(field="installment_dates", code=Code.MONTHS_NOT_COVERED_ONCE)
    dates: list[tuple[str, DueDate]] = [
        (f"installment_dates[{i}]", d) for i, d in enumerate(statute.installment_dates)
    ]
    if statute.whole_year_due is not None:
        dates.append(("whole_year_due", statute.whole_year_due))
    for path, due in dates:
        try:
            due.on(2023)  # not a leap year: a due date must exist every year
        except ValueError:
            yield Problem(field=path, code=Code.INVALID_DATE)
    if statute.late_assessment_due_months < 0:
        yield Problem(field="late_assessment_due_months", code=Code.NEGATIVE_AMOUNT)
