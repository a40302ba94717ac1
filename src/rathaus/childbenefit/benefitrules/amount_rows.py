"""Amounts as the rows a Familienkasse edits, and how rows become an ``AmountSchedule``.

A row holds one amount per child and month for the months from ``valid_from`` to
``valid_until`` (both included), either for every child (``ordinal`` ``None``) or for the
``ordinal``-th child and every further child, up to the next ordinal given for the same months.
So 2022 is four rows (1st: 219, 2nd: 219, 3rd: 225, 4th: 250) and 2026 one row (259).

Rows are consistent when no two of them hold an amount for the same child in the same month (a
row for every child meets every other row in its months) and every month with amounts by ordinal
has one for the first child.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from rathaus.childbenefit.benefitrules.amount_data import AmountDataError
from rathaus.childbenefit.benefitrules.amounts import AmountPeriod, AmountSchedule
from rathaus.core.months import Month, joined_runs


@dataclass(frozen=True, slots=True)
class AmountRow:
    valid_from: Month
    valid_until: Month
    amount: Decimal
    ordinal: int | None = None
    """``None``: every child; ``n``: the n-th child and further children up to the next ordinal."""

    def shares_months_with(self, other: AmountRow) -> bool:
        return self.valid_from <= other.valid_until and other.valid_from <= self.valid_until

    def collides_with(self, other: AmountRow) -> bool:
        """Both rows hold an amount for the same child in at least one month."""
        same_children = None in (self.ordinal, other.ordinal) or self.ordinal == other.ordinal
        return same_children and self.shares_months_with(other)


class RowIssueCode(StrEnum):
    ENDS_BEFORE_START = "ends_before_start"
    NEGATIVE_AMOUNT = "negative_amount"
    INVALID_ORDINAL = "invalid_ordinal"
    OVERLAP = "overlap"
    """``params``: ``from``, ``until`` and ``ordinal`` (empty for every child) of the other row."""
    NO_FIRST_CHILD = "no_first_child"
    """``params``: ``from`` and ``to`` of months with amounts by ordinal but none for child 1."""


@dataclass(frozen=True)
class RowIssue:
    field: str
    """``valid_from``, ``valid_until``, ``amount`` or ``ordinal``."""
    code: RowIssueCode
    params: dict[str, str] = field(default_factory=dict)


def row_issues(row: AmountRow, *, others: Iterable[AmountRow]) -> list[RowIssue]:
    """What is wrong with adding ``row`` to ``others`` (the other rows as they are stored)."""
    issues = []
    if row.valid_until < row.valid_from:
        issues.append(RowIssue("valid_until", RowIssueCode.ENDS_BEFORE_START))
    if row.amount < 0:
        issues.append(RowIssue("amount", RowIssueCode.NEGATIVE_AMOUNT))
    if row.ordinal is not None and row.ordinal < 1:
        issues.append(RowIssue("ordinal", RowIssueCode.INVALID_ORDINAL))
    if issues:
        return issues
    others = list(others)
    issues += [
        RowIssue(
            "valid_from",
            RowIssueCode.OVERLAP,
            {
                "from": str(other.valid_from),
                "until": str(other.valid_until),
                "ordinal": "" if other.ordinal is None else str(other.ordinal),
            },
        )
        for other in others
        if row.collides_with(other)
    ]
    if not issues:
        issues += [
            RowIssue("ordinal", RowIssueCode.NO_FIRST_CHILD, {"from": str(first), "to": str(last)})
            for first, last in first_child_gaps([*others, row])
        ]
    return issues


def first_child_gaps(rows: Sequence[AmountRow]) -> list[tuple[Month, Month]]:
    """Runs of months with amounts by ordinal but no amount for the first child."""
    return joined_runs(
        (first, last)
        for first, last, covering in _segments(rows)
        if not any(row.ordinal in (None, 1) for row in covering)
    )


def schedule_from_rows(rows: Sequence[AmountRow]) -> AmountSchedule:
    """The schedule the rows describe; raises ``AmountDataError`` if they are not consistent."""
    try:
        return AmountSchedule(
            tuple(
                AmountPeriod(first, last, _amounts_by_ordinal(first, covering))
                for first, last, covering in _segments(rows)
            )
        )
    except ValueError as error:
        raise AmountDataError(str(error)) from error


def rows_from_schedule(schedule: AmountSchedule) -> list[AmountRow]:
    """One row per period with one amount, one row per ordinal for amounts by ordinal."""
    rows = []
    for period in schedule.periods:
        if len(period.by_ordinal) == 1:
            rows.append(AmountRow(period.valid_from, period.valid_until, period.by_ordinal[0]))
            continue
        rows += [
            AmountRow(period.valid_from, period.valid_until, amount, ordinal)
            for ordinal, amount in enumerate(period.by_ordinal, start=1)
        ]
    return rows


def missing_default_rows(
    *, existing: Sequence[AmountRow], defaults: Sequence[AmountRow]
) -> list[AmountRow]:
    """The default rows for months that no existing row covers, to add without changing any.

    Defaults sharing the same months form one period and are added together or not at all, so
    a period given by ordinal is never mixed with an amount someone entered for those months.
    """
    missing = []
    for _months, group in itertools.groupby(
        defaults, key=lambda row: (row.valid_from, row.valid_until)
    ):
        period_rows = list(group)
        if not any(row.shares_months_with(other) for row in period_rows for other in existing):
            missing += period_rows
    return missing


def _segments(rows: Sequence[AmountRow]) -> list[tuple[Month, Month, list[AmountRow]]]:
    """The runs of months in which the same rows apply, with those rows (empty runs left out)."""
    bounds = sorted(
        {row.valid_from.index for row in rows} | {row.valid_until.index + 1 for row in rows}
    )
    segments = []
    for start, end in itertools.pairwise(bounds):
        covering = [
            row
            for row in rows
            if row.valid_from.index <= start and end - 1 <= row.valid_until.index
        ]
        if covering:
            segments.append((Month.from_index(start), Month.from_index(end - 1), covering))
    return segments


def _amounts_by_ordinal(first: Month, covering: list[AmountRow]) -> tuple[Decimal, ...]:
    if any(row.ordinal is None for row in covering):
        if len(covering) > 1:
            raise AmountDataError(f"amount rows for every child overlap other rows in {first}")
        return (covering[0].amount,)
    by_ordinal = {row.ordinal: row.amount for row in covering if row.ordinal is not None}
    if len(by_ordinal) < len(covering):
        raise AmountDataError(f"amount rows for the same child overlap in {first}")
    if 1 not in by_ordinal:
        raise AmountDataError(f"no amount for the first child in {first}")
    amounts = [by_ordinal[1]]
    for ordinal in range(2, max(by_ordinal) + 1):
        amounts.append(by_ordinal.get(ordinal, amounts[-1]))
    return tuple(amounts)
