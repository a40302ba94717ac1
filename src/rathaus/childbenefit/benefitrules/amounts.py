"""Child benefit per child and month, as dated data (§ 66 (1) EStG)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from decimal import Decimal

from rathaus.core.months import Month, joined_runs, months_between


@dataclass(frozen=True, slots=True)
class AmountPeriod:
    """The monthly amount from ``valid_from`` to ``valid_until`` (both included).

    ``by_ordinal`` holds the amount for the 1st, 2nd, 3rd ... child; its last entry applies to
    every further child, so a single entry is the same amount for every child.
    """

    valid_from: Month
    valid_until: Month
    by_ordinal: tuple[Decimal, ...]

    def __post_init__(self) -> None:
        if self.valid_until < self.valid_from:
            raise ValueError(f"amount period {self.valid_from} ends before it starts")
        if not self.by_ordinal:
            raise ValueError(f"amount period from {self.valid_from} needs at least one amount")
        if any(amount < 0 for amount in self.by_ordinal):
            raise ValueError(f"amount period from {self.valid_from} has a negative amount")

    def covers(self, month: Month) -> bool:
        return self.valid_from <= month <= self.valid_until

    def amount_for(self, ordinal: int) -> Decimal:
        """The amount for the ``ordinal``-th child (1 is the eldest child counted)."""
        if ordinal < 1:
            raise ValueError(f"child ordinals start at 1, not {ordinal}")
        return self.by_ordinal[min(ordinal, len(self.by_ordinal)) - 1]


@dataclass(frozen=True, slots=True)
class AmountSchedule:
    periods: tuple[AmountPeriod, ...]

    def __post_init__(self) -> None:
        ordered = sorted(self.periods, key=lambda period: period.valid_from)
        for earlier, later in itertools.pairwise(ordered):
            if later.valid_from <= earlier.valid_until:
                raise ValueError(
                    f"amount periods from {earlier.valid_from} and {later.valid_from} overlap"
                )
        object.__setattr__(self, "periods", tuple(ordered))

    def period_for(self, month: Month) -> AmountPeriod | None:
        return next((period for period in self.periods if period.covers(month)), None)

    def amount_for(self, month: Month, ordinal: int) -> Decimal:
        period = self.period_for(month)
        if period is None:
            raise LookupError(f"no child benefit amount is known for {month}")
        return period.amount_for(ordinal)

    def gaps(self, first: Month, last: Month) -> list[tuple[Month, Month]]:
        """The runs of months from ``first`` to ``last`` that no period covers, as (from, to)."""
        return joined_runs(
            (month, month)
            for month in months_between(first, last)
            if self.period_for(month) is None
        )
