from decimal import Decimal

import pytest

from rathaus.voting.tally import Kind, Poll, PollDefinitionError, Rule


def test_a_yes_no_poll_offers_yes_no_and_abstain():
    assert Poll.yes_no().options == ("yes", "no", "abstain")


@pytest.mark.parametrize(
    "definition",
    [
        {"kind": Kind.YES_NO, "options": ("yes", "no")},
        {"kind": Kind.SINGLE, "options": ()},
        {"kind": Kind.SINGLE, "options": ("a", "a")},
        {"kind": Kind.MULTIPLE, "options": ("a", "b"), "min_choices": 2, "max_choices": 1},
        {"kind": Kind.SINGLE, "options": ("a",), "budget": 10},
        {"kind": Kind.BUDGET, "options": ("a",), "costs": {"a": 1}, "rule": Rule.GREEDY},
        {"kind": Kind.BUDGET, "options": ("a",), "costs": {"a": 1}, "budget": 5},
        {
            "kind": Kind.BUDGET,
            "options": ("a", "b"),
            "costs": {"a": 1},
            "budget": 5,
            "rule": "greedy",
        },
        {
            "kind": Kind.BUDGET,
            "options": ("a",),
            "costs": {"a": 1.5},
            "budget": 5,
            "rule": "greedy",
        },
        {"kind": Kind.BUDGET, "options": ("a",), "costs": {"a": -1}, "budget": 5, "rule": "greedy"},
        {"kind": "poll", "options": ("a",)},
    ],
)
def test_an_inconsistent_poll_is_rejected(definition):
    with pytest.raises(ValueError):
        Poll(**definition)


def test_poll_definition_errors_are_value_errors_of_their_own():
    with pytest.raises(PollDefinitionError, match="budget and a rule"):
        Poll(kind=Kind.BUDGET, options=("a",), costs={"a": 1})


def test_kinds_and_rules_may_be_given_as_their_stored_values():
    poll = Poll(
        kind="budget", options=("a",), costs={"a": Decimal("9.99")}, budget=10, rule="equal-shares"
    )

    assert (poll.kind, poll.rule, poll.cumulative) == (Kind.BUDGET, Rule.EQUAL_SHARES, False)
