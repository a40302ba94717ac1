from decimal import Decimal
from fractions import Fraction

from rathaus.voting.tally import BudgetResult, Kind, Poll, RankedResult, Rule, tally


def test_a_yes_no_poll_counts_votes_and_shares_of_the_ballots():
    ballots = [("yes",)] * 6 + [("no",)] * 3 + [("abstain",)]

    result = tally(Poll.yes_no(), ballots)

    assert result.ballots_counted == 10
    assert result.votes == {"yes": 6, "no": 3, "abstain": 1}
    assert result.shares == {
        "yes": Fraction(3, 5),
        "no": Fraction(3, 10),
        "abstain": Fraction(1, 10),
    }
    assert result.invalid == {}


def test_invalid_ballots_are_reported_by_reason_and_not_counted():
    ballots = [("yes",), ("yes", "no"), (), ("maybe",), ("no",)]

    result = tally(Poll.yes_no(), ballots)

    assert result.ballots_counted == 2
    assert result.votes == {"yes": 1, "no": 1, "abstain": 0}
    assert result.invalid == {"too_many_choices": 1, "empty": 1, "unknown_option": 1}


def test_a_poll_without_ballots_has_zero_shares():
    result = tally(Poll(kind=Kind.SINGLE, options=("a", "b")), [])

    assert result.ballots_counted == 0
    assert result.shares == {"a": 0, "b": 0}


def test_multiple_choice_counts_every_approval_and_shares_per_ballot():
    poll = Poll(kind=Kind.MULTIPLE, options=("park", "pool", "library"), max_choices=2)

    result = tally(poll, [("park", "pool"), ("pool",), ("library", "pool"), ()])

    assert result.votes == {"park": 1, "pool": 3, "library": 1}
    assert result.shares["pool"] == Fraction(3, 4)


def test_a_ranked_poll_gives_first_preferences_and_the_schulze_ranking():
    poll = Poll(kind=Kind.RANKED, options=("a", "b", "c"))
    ballots = [("b", "a", "c")] * 3 + [("a", "c", "b")] * 2 + [("c", "b", "a")] * 2

    result = tally(poll, ballots)

    assert isinstance(result, RankedResult)
    assert result.votes == {"a": 2, "b": 3, "c": 2}
    assert result.ranking == ("b", "a", "c")
    assert result.pairwise["b"]["a"] == 5


def budget_poll(rule, **limits):
    return Poll(
        kind=Kind.BUDGET,
        options=("a1", "a2", "a3", "b1"),
        costs={"a1": Decimal("30.00"), "a2": 30, "a3": 30, "b1": 30},
        budget=90,
        rule=rule,
        **limits,
    )


def test_a_budget_poll_funds_by_greedy_and_reports_cost_and_support():
    ballots = [("a1", "a2", "a3")] * 6 + [("b1",)] * 4

    result = tally(budget_poll(Rule.GREEDY), ballots)

    assert isinstance(result, BudgetResult)
    assert result.selected == ("a1", "a2", "a3")
    assert result.cost == Decimal("90.00")
    assert result.votes == {"a1": 6, "a2": 6, "a3": 6, "b1": 4}
    assert result.points == result.votes


def test_a_budget_poll_funds_by_equal_shares_proportionally():
    ballots = [("a1", "a2", "a3")] * 6 + [("b1",)] * 4

    result = tally(budget_poll(Rule.EQUAL_SHARES), ballots)

    assert sorted(result.selected) == ["a1", "a2", "b1"]


def test_cumulative_budget_ballots_give_a_point_per_mention():
    ballots = [("b1", "b1", "b1")] * 2 + [("a1", "a2", "a3")] * 3

    result = tally(budget_poll(Rule.GREEDY, max_points=3), ballots)

    assert result.points == {"a1": 3, "a2": 3, "a3": 3, "b1": 6}
    assert result.votes == {"a1": 3, "a2": 3, "a3": 3, "b1": 2}
    assert result.selected == ("b1", "a1", "a2")
