"""Count the ballots of a poll: one function per kind, one dispatcher, ``tally``.

The platform and the ``recount`` of published ballots call the same ``tally``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from fractions import Fraction

from rathaus.voting.tally.budget_profile import BudgetProfile
from rathaus.voting.tally.equal_shares import equal_shares
from rathaus.voting.tally.greedy import greedy
from rathaus.voting.tally.poll import Kind, Poll, Rule
from rathaus.voting.tally.results import BudgetResult, CountResult, RankedResult
from rathaus.voting.tally.schulze import schulze
from rathaus.voting.tally.validation import Ballot, refusal

BUDGET_RULES: dict[Rule, Callable[[BudgetProfile], list[str]]] = {
    Rule.GREEDY: greedy,
    Rule.EQUAL_SHARES: equal_shares,
}


def tally(poll: Poll, ballots: Iterable[object]) -> CountResult:
    """Validate every ballot, count the valid ones with the poll's kind, report the others."""
    valid: list[Ballot] = []
    invalid: Counter[str] = Counter()
    for ballot in ballots:
        reason = refusal(poll, ballot)
        if reason is None:
            valid.append(ballot)  # type: ignore[arg-type]
        else:
            invalid[reason.value] += 1
    return TALLIES[poll.kind](poll, valid, dict(invalid))


def tally_choices(poll: Poll, ballots: list[Ballot], invalid: dict[str, int]) -> CountResult:
    """Yes/no, single and multiple choice: each ballot counts once for every option on it."""
    votes = _votes(poll, (option for ballot in ballots for option in ballot))
    return CountResult(kind=poll.kind, **_counts(ballots, invalid, votes))


def tally_ranked(poll: Poll, ballots: list[Ballot], invalid: dict[str, int]) -> RankedResult:
    votes = _votes(poll, (ballot[0] for ballot in ballots if ballot))
    outcome = schulze(poll.options, ballots)
    return RankedResult(
        kind=poll.kind,
        **_counts(ballots, invalid, votes),
        ranking=outcome.ranking,
        tie_broken=outcome.tie_broken,
        pairwise=outcome.pairwise,
        strongest_paths=outcome.strongest_paths,
    )


def tally_budget(poll: Poll, ballots: list[Ballot], invalid: dict[str, int]) -> BudgetResult:
    profile = BudgetProfile(
        projects=poll.options,
        costs=poll.costs,
        budget=poll.budget,
        ballots=[Counter(ballot) for ballot in ballots],
    )
    selected = BUDGET_RULES[poll.rule](profile)
    votes = _votes(poll, (option for ballot in ballots for option in set(ballot)))
    return BudgetResult(
        kind=poll.kind,
        **_counts(ballots, invalid, votes),
        rule=poll.rule,
        selected=tuple(selected),
        cost=sum((poll.costs[key] for key in selected), 0),
        points=profile.scores(),
    )


TALLIES: dict[Kind, Callable[[Poll, list[Ballot], dict[str, int]], CountResult]] = {
    Kind.YES_NO: tally_choices,
    Kind.SINGLE: tally_choices,
    Kind.MULTIPLE: tally_choices,
    Kind.RANKED: tally_ranked,
    Kind.BUDGET: tally_budget,
}


def _votes(poll: Poll, chosen: Iterable[str]) -> dict[str, int]:
    counted = Counter(chosen)
    return {option: counted[option] for option in poll.options}


def _counts(ballots: list[Ballot], invalid: dict[str, int], votes: dict[str, int]) -> dict:
    counted = len(ballots)
    return {
        "ballots_counted": counted,
        "invalid": invalid,
        "votes": votes,
        "shares": {
            key: Fraction(n, counted) if counted else Fraction(0) for key, n in votes.items()
        },
    }
