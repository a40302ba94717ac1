from decimal import Decimal

import pytest

from rathaus.voting.tally import BallotRefused, Kind, Poll, Refusal, Rule, refusal, validate_ballot

YES_NO = Poll.yes_no()
SINGLE = Poll(kind=Kind.SINGLE, options=("a", "b", "c"))
MULTIPLE = Poll(kind=Kind.MULTIPLE, options=("a", "b", "c"), min_choices=1, max_choices=2)
RANKED = Poll(kind=Kind.RANKED, options=("a", "b", "c", "d"), max_choices=3)
COSTS = {"a": Decimal("60.50"), "b": 40, "c": 30}


def budget_poll(rule, **limits):
    return Poll(
        kind=Kind.BUDGET, options=("a", "b", "c"), budget=100, costs=COSTS, rule=rule, **limits
    )


APPROVAL_BUDGET = budget_poll(Rule.GREEDY, max_cost=100, max_choices=2)
CUMULATIVE_BUDGET = budget_poll(Rule.EQUAL_SHARES, max_points=3)

ACCEPTED = [
    (YES_NO, ("yes",)),
    (YES_NO, ("abstain",)),
    (SINGLE, ("b",)),
    (MULTIPLE, ("a",)),
    (MULTIPLE, ("c", "a")),
    (RANKED, ("c",)),
    (RANKED, ("d", "a", "b")),
    (RANKED, ()),
    (APPROVAL_BUDGET, ("b", "c")),
    (APPROVAL_BUDGET, ("a", "c")),
    (APPROVAL_BUDGET, ()),
    (CUMULATIVE_BUDGET, ("a", "a", "b")),
    (CUMULATIVE_BUDGET, ("a", "b", "c")),
]

REFUSED = [
    (YES_NO, (), Refusal.EMPTY),
    (YES_NO, ("yes", "no"), Refusal.TOO_MANY_CHOICES),
    (YES_NO, ("maybe",), Refusal.UNKNOWN_OPTION),
    (YES_NO, ("yes", "yes"), Refusal.DUPLICATE_OPTION),
    (YES_NO, ["yes"], Refusal.MALFORMED),
    (YES_NO, "yes", Refusal.MALFORMED),
    (SINGLE, ("a", 1), Refusal.MALFORMED),
    (SINGLE, (), Refusal.EMPTY),
    (SINGLE, ("a", "b"), Refusal.TOO_MANY_CHOICES),
    (MULTIPLE, (), Refusal.TOO_FEW_CHOICES),
    (MULTIPLE, ("a", "b", "c"), Refusal.TOO_MANY_CHOICES),
    (MULTIPLE, ("a", "a"), Refusal.DUPLICATE_OPTION),
    (RANKED, ("a", "b", "a"), Refusal.DUPLICATE_OPTION),
    (RANKED, ("a", "b", "c", "d"), Refusal.TOO_MANY_CHOICES),
    (RANKED, ("e",), Refusal.UNKNOWN_OPTION),
    (APPROVAL_BUDGET, ("a", "b"), Refusal.OVER_COST_LIMIT),
    (APPROVAL_BUDGET, ("a", "c", "b"), Refusal.TOO_MANY_CHOICES),
    (APPROVAL_BUDGET, ("b", "b"), Refusal.DUPLICATE_OPTION),
    (CUMULATIVE_BUDGET, ("a", "a", "a", "b"), Refusal.TOO_MANY_POINTS),
    (CUMULATIVE_BUDGET, ("x",), Refusal.UNKNOWN_OPTION),
]


@pytest.mark.parametrize(("poll", "ballot"), ACCEPTED)
def test_valid_ballots_are_accepted(poll, ballot):
    assert refusal(poll, ballot) is None
    assert validate_ballot(poll, ballot) == ballot


@pytest.mark.parametrize(("poll", "ballot", "reason"), REFUSED)
def test_invalid_ballots_are_refused_with_a_stable_reason(poll, ballot, reason):
    assert refusal(poll, ballot) is reason

    with pytest.raises(BallotRefused) as refused:
        validate_ballot(poll, ballot)

    assert refused.value.reason is reason
    assert str(refused.value) == reason.value


def test_the_reason_codes_are_stable():
    assert [reason.value for reason in Refusal] == [
        "malformed",
        "empty",
        "unknown_option",
        "duplicate_option",
        "too_few_choices",
        "too_many_choices",
        "over_cost_limit",
        "too_many_points",
    ]
