"""Splitting a year's tax into instalments that sum exactly to the assessed total.

Each instalment is the tax of the months it covers. A dog's months are exact fractions of a cent
only when an annual rate is not a multiple of 12 cents; the rounding residue then goes where the
dog's running total crosses a half cent: the dog's share of the k-th instalment is its running
total to the end of the k-th instalment's months, rounded, minus the same for the (k-1)-th. The
shares of a dog therefore add up to its rounded amount, and no share is off by a cent or more.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from rathaus.core.months import add_months

from .money import round_to_cent
from .statute import DueDate, Statute

ZERO = Decimal("0.00")


@dataclass(frozen=True, kw_only=True)
class Installment:
    due_on: date
    amount: Decimal
    covers: tuple[int, ...]
    """The months of the year whose tax this instalment is."""


def quarterly_installments(
    *,
    statute: Statute,
    year: int,
    monthly_amounts: Iterable[dict[int, Fraction]],
    notice_on: date | None,
) -> tuple[Installment, ...]:
    """``monthly_amounts``: per dog, the exact tax of each month of the year it is charged."""
    dates = sorted(statute.installment_dates, key=lambda d: (d.month, d.day))
    shares = [ZERO] * len(dates)
    for by_month in monthly_amounts:
        running, paid = Fraction(0), ZERO
        for k, due in enumerate(dates):
            running += sum((by_month.get(month, Fraction(0)) for month in due.covers), Fraction(0))
            rounded = round_to_cent(running)
            shares[k] += rounded - paid
            paid = rounded
    return _payable(
        statute,
        notice_on,
        ((due, year, share, due.covers) for due, share in zip(dates, shares, strict=True)),
    )


def whole_year_installment(
    *, statute: Statute, year: int, total: Decimal, notice_on: date | None
) -> tuple[Installment, ...]:
    if statute.whole_year_due is None:
        raise ValueError("the statute offers no whole-year payment")
    return _payable(
        statute, notice_on, [(statute.whole_year_due, year, total, tuple(range(1, 13)))]
    )


def _payable(
    statute: Statute,
    notice_on: date | None,
    items: Iterable[tuple[DueDate, int, Decimal, Sequence[int]]],
) -> tuple[Installment, ...]:
    """Move amounts whose due date had passed when the notice was issued to the late due date,
    merge amounts due on the same day, and leave out what is zero."""
    amounts: dict[date, Decimal] = defaultdict(lambda: ZERO)
    covers: dict[date, list[int]] = defaultdict(list)
    for due, year, amount, months in items:
        due_on = due.on(year)
        if notice_on is not None and notice_on > due_on:
            due_on = add_months(notice_on, statute.late_assessment_due_months)
        amounts[due_on] += amount
        covers[due_on].extend(months)
    return tuple(
        Installment(due_on=due_on, amount=amounts[due_on], covers=tuple(sorted(covers[due_on])))
        for due_on in sorted(amounts)
        if amounts[due_on] != 0
    )
