"""Plain results of a tally. Shares are exact fractions; presentation rounds them."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from rathaus.voting.tally.poll import Kind, Money, Rule


@dataclass(frozen=True, kw_only=True)
class CountResult:
    """``votes`` per option in the poll's order: ballots choosing it (approving it for multiple
    choice and budget polls, ranking it first for ranked polls). ``shares``: votes divided by the
    ballots counted. ``invalid``: refused ballots per reason code; they are not counted."""

    kind: Kind
    ballots_counted: int
    invalid: dict[str, int]
    votes: dict[str, int]
    shares: dict[str, Fraction]


@dataclass(frozen=True, kw_only=True)
class RankedResult(CountResult):
    ranking: tuple[str, ...]
    """Schulze ranking, best first, ties broken by the poll's option order."""
    tie_broken: tuple[tuple[str, str], ...]
    """Neighbours in ``ranking`` ordered by the tie-break rather than by the ballots."""
    pairwise: dict[str, dict[str, int]]
    strongest_paths: dict[str, dict[str, int]]


@dataclass(frozen=True, kw_only=True)
class BudgetResult(CountResult):
    rule: Rule
    selected: tuple[str, ...]
    """Funded projects in the order the rule chose them."""
    cost: Money
    points: dict[str, int]
    """Points per project (equal to ``votes`` for approval ballots)."""
