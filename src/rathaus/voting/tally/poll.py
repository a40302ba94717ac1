"""The definition of a poll as the tally sees it: plain values, no database.

The order of ``options`` is part of the definition: it is the order shown on the ballot and the
documented tie-break of every rule (the earlier option wins a tie). It is fixed before the poll
opens and published with the ballots, so a recount breaks ties the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType

YES, NO, ABSTAIN = "yes", "no", "abstain"
YES_NO_OPTIONS = (YES, NO, ABSTAIN)

Money = int | Decimal | Fraction


class Kind(StrEnum):
    YES_NO = "yes_no"
    SINGLE = "single"
    MULTIPLE = "multiple"
    RANKED = "ranked"
    BUDGET = "budget"


class Rule(StrEnum):
    """Outcome rules of a participatory budget."""

    GREEDY = "greedy"
    EQUAL_SHARES = "equal-shares"


class PollDefinitionError(ValueError):
    """The poll itself is inconsistent (a programming or configuration error, not a voter's)."""


@dataclass(frozen=True, kw_only=True)
class Poll:
    """A poll as the tally needs it.

    ``min_choices``/``max_choices`` limit the number of distinct options on a ballot (multiple,
    ranked, budget). For a budget poll, ``costs`` gives each project's cost, ``budget`` the money
    to distribute, ``max_cost`` an optional limit on the total cost of one ballot (usually the
    budget) and ``max_points`` switches to cumulative ballots: a ballot may name a project several
    times, each mention is one point, at most ``max_points`` in all.
    """

    kind: Kind
    options: tuple[str, ...]
    min_choices: int = 0
    max_choices: int | None = None
    budget: Money | None = None
    costs: Mapping[str, Money] = field(default_factory=dict)
    max_cost: Money | None = None
    max_points: int | None = None
    rule: Rule | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", Kind(self.kind))
        object.__setattr__(self, "options", tuple(self.options))
        object.__setattr__(self, "costs", MappingProxyType(dict(self.costs)))
        if self.rule is not None:
            object.__setattr__(self, "rule", Rule(self.rule))
        _check(self)

    @classmethod
    def yes_no(cls) -> Poll:
        return cls(kind=Kind.YES_NO, options=YES_NO_OPTIONS)

    @property
    def cumulative(self) -> bool:
        return self.max_points is not None


def _check(poll: Poll) -> None:
    if len(set(poll.options)) != len(poll.options) or not poll.options:
        raise PollDefinitionError("options must be distinct and not empty")
    if poll.kind is Kind.YES_NO and poll.options != YES_NO_OPTIONS:
        raise PollDefinitionError(f"a yes/no poll has exactly the options {YES_NO_OPTIONS}")
    if poll.min_choices < 0 or (
        poll.max_choices is not None and not poll.min_choices <= poll.max_choices
    ):
        raise PollDefinitionError("need 0 <= min_choices <= max_choices")
    if poll.kind is Kind.BUDGET:
        _check_budget(poll)
    elif poll.budget is not None or poll.costs or poll.rule or poll.max_points or poll.max_cost:
        raise PollDefinitionError("budget, costs, limits and rule belong to budget polls only")


def _check_budget(poll: Poll) -> None:
    if poll.rule is None or poll.budget is None:
        raise PollDefinitionError("a budget poll needs a budget and a rule")
    if set(poll.costs) != set(poll.options):
        raise PollDefinitionError("a budget poll needs a cost for every option, and only those")
    amounts = [poll.budget, poll.max_cost or 0, *poll.costs.values()]
    if any(isinstance(amount, float) for amount in amounts):
        raise PollDefinitionError("money is exact: use int or Decimal, not float")
    if poll.budget < 0 or any(cost < 0 for cost in poll.costs.values()):
        raise PollDefinitionError("budget and costs cannot be negative")
    if poll.max_points is not None and poll.max_points < 1:
        raise PollDefinitionError("max_points must be at least 1")
