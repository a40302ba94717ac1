"""A participatory budget as the outcome rules see it: projects, costs, budget and ballots."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from math import lcm

from rathaus.voting.tally.poll import Money


@dataclass(frozen=True, kw_only=True)
class BudgetProfile:
    """``projects`` is the tie-break order: of two projects equal for a rule, the earlier wins.

    Each ballot maps a project to the points the voter gave it; an approval ballot gives 1 to
    every approved project. Projects a ballot gives no (or zero) points are not supported by it.
    """

    projects: tuple[str, ...]
    costs: Mapping[str, Money]
    budget: Money
    ballots: Sequence[Mapping[str, int]]

    def scores(self) -> dict[str, int]:
        """Total points per project (for approval ballots: the number of supporters)."""
        total: Counter[str] = Counter()
        for ballot in self.ballots:
            total.update({key: points for key, points in ballot.items() if points > 0})
        return {key: total[key] for key in self.projects}

    def supporters(self) -> dict[str, int]:
        total: Counter[str] = Counter()
        for ballot in self.ballots:
            total.update(key for key, points in ballot.items() if points > 0)
        return {key: total[key] for key in self.projects}

    def integral(self) -> tuple[int, dict[str, int], int]:
        """(scale, costs, budget) with costs and budget multiplied by the smallest ``scale``
        that makes them all integers, so that the rules can compute with exact integers."""
        amounts = {key: Fraction(cost) for key, cost in self.costs.items()}
        budget = Fraction(self.budget)
        scale = lcm(budget.denominator, *(amount.denominator for amount in amounts.values()))
        return (
            scale,
            {key: int(amount * scale) for key, amount in amounts.items()},
            int(budget * scale),
        )
