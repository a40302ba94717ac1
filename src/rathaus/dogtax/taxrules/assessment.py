"""The dog tax of one household for one year.

Each liable month costs the annual rate of the dog's rank that month divided by 12 (rates valid on
the first day of the month); a dog's amount is the exact sum of its months, rounded half up to the
cent once. Ranks are given each month among the household's taxable dogs (liable, not exempt),
ordered by the start of liability, ties by the order of the input.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from rathaus.core.months import first_day, month_of_year

from .errors import raise_if_any
from .household import Dog, Keeper
from .installments import Installment, quarterly_installments, whole_year_installment
from .liability import Liability, exemptions_of, liability_of
from .money import round_to_cent
from .statute import RatePeriod, Statute, statute_problems
from .validation import household_problems


@dataclass(frozen=True, kw_only=True)
class MonthCharge:
    month: int
    rank: int | None
    """The dog's place among the taxable dogs; None when exempt (or a dangerous dog paying a
    flat rate outside a ranking that leaves dangerous dogs out)."""
    exempt: bool
    annual_rate: Decimal
    """The annual rate charged for this month; 0 when exempt."""

    @property
    def exact_amount(self) -> Fraction:
        return Fraction(self.annual_rate) / 12

    @property
    def amount(self) -> Decimal:
        """The month's tax shown to the cent; the dog's amount is summed from exact months."""
        return round_to_cent(self.exact_amount)


@dataclass(frozen=True, kw_only=True)
class DogAssessment:
    ref: str
    amount: Decimal
    months: tuple[MonthCharge, ...]
    """The dog's liable months of the year, exempt ones included; none when not liable."""


@dataclass(frozen=True, kw_only=True)
class Assessment:
    year: int
    currency: str
    total: Decimal
    dogs: tuple[DogAssessment, ...]
    installments: tuple[Installment, ...]


def assess(
    *,
    statute: Statute,
    year: int,
    dogs: Sequence[Dog],
    keeper: Keeper | None = None,
    whole_year: bool = False,
    notice_on: date | None = None,
) -> Assessment:
    """Raises ``InvalidInput`` listing every problem of the statute or the household."""
    keeper = keeper or Keeper()
    raise_if_any(
        (
            *statute_problems(statute),
            *household_problems(
                statute=statute, year=year, keeper=keeper, dogs=dogs, whole_year=whole_year
            ),
        )
    )
    charges = _month_charges(statute=statute, year=year, keeper=keeper, dogs=dogs)
    results = tuple(
        DogAssessment(
            ref=dog.ref,
            amount=round_to_cent(sum((c.exact_amount for c in months), Fraction(0))),
            months=tuple(months),
        )
        for dog, months in zip(dogs, charges, strict=True)
    )
    total = sum((r.amount for r in results), Decimal("0.00"))
    if whole_year:
        installments = whole_year_installment(
            statute=statute, year=year, total=total, notice_on=notice_on
        )
    else:
        installments = quarterly_installments(
            statute=statute,
            year=year,
            monthly_amounts=[{c.month: c.exact_amount for c in r.months} for r in results],
            notice_on=notice_on,
        )
    return Assessment(
        year=year, currency=statute.currency, total=total, dogs=results, installments=installments
    )


def _month_charges(
    *, statute: Statute, year: int, keeper: Keeper, dogs: Sequence[Dog]
) -> list[list[MonthCharge]]:
    liabilities = [
        liability_of(dog, late_deregistration=statute.late_deregistration) for dog in dogs
    ]
    exemptions = [
        exemptions_of(dog, keeper=keeper, statute=statute, liability=liability)
        for dog, liability in zip(dogs, liabilities, strict=True)
    ]
    charges: list[list[MonthCharge]] = [[] for _ in dogs]
    for month in range(1, 13):
        index = month_of_year(year, month)
        period = statute.rate_period_on(first_day(index))
        if period is None:  # validation has ruled this out
            raise LookupError(f"no rate period on {first_day(index)}")
        liable = [i for i, liability in enumerate(liabilities) if liability.covers(index)]
        exempt = {i for i in liable if any(e.covers(index) for e in exemptions[i])}
        ranks = _ranks(statute, period, dogs, liabilities, [i for i in liable if i not in exempt])
        for i in liable:
            charges[i].append(
                MonthCharge(month=month, rank=None, exempt=True, annual_rate=Decimal("0.00"))
                if i in exempt
                else MonthCharge(
                    month=month,
                    rank=ranks.get(i),
                    exempt=False,
                    annual_rate=period.annual_rate(rank=ranks.get(i), dangerous=dogs[i].dangerous),
                )
            )
    return charges


def _ranks(
    statute: Statute,
    period: RatePeriod,
    dogs: Sequence[Dog],
    liabilities: Sequence[Liability],
    taxable: list[int],
) -> dict[int, int]:
    outside = period.dangerous is not None and not statute.dangerous_dogs_rank
    ranked = sorted(
        (i for i in taxable if not (outside and dogs[i].dangerous)),
        key=lambda i: (liabilities[i].first, i),
    )
    return {i: place for place, i in enumerate(ranked, start=1)}
