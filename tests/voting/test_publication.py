import pytest

from rathaus.voting.publication import ExportError, api_result, count, recount

BUDGET = {
    "kind": "budget",
    "budget": "100.00",
    "max_cost": None,
    "max_points": None,
    "rule": "greedy",
    "min_choices": 0,
    "max_choices": None,
    "options": [
        {"key": "a", "cost": "60.00", "district": "Nord"},
        {"key": "b", "cost": "50.00", "district": "Süd"},
        {"key": "c", "cost": "40.00", "district": "Nord"},
    ],
}


def test_a_single_choice_count_gives_votes_and_six_place_shares():
    definition = {"kind": "single", "options": [{"key": "x"}, {"key": "y"}]}

    document = count(definition, [["x"], ["x"], ["y"]])

    assert document["ballots"] == 3
    assert document["options"] == [
        {"key": "x", "votes": 2, "share": "0.666667"},
        {"key": "y", "votes": 1, "share": "0.333333"},
    ]


def test_invalid_ballots_are_reported_not_counted():
    definition = {"kind": "single", "options": [{"key": "x"}, {"key": "y"}]}

    document = count(definition, [["x"], ["x", "y"], ["z"], "x"])

    assert document["ballots"] == 1
    assert document["invalid"] == {"malformed": 1, "too_many_choices": 1, "unknown_option": 1}


def test_a_budget_count_reports_selection_cost_and_money_per_district():
    document = count(BUDGET, [["a", "c"], ["a"], ["b", "c"]])

    assert document["selected"] == ["a", "c"]
    assert document["cost"] == "100.00"
    assert document["budget"] == "100.00"
    assert document["districts"] == [
        {"district": "Nord", "cost": "100.00", "selected": ["a", "c"]},
        {"district": "Süd", "cost": "0", "selected": []},
    ]


def test_the_api_result_has_ballots_votes_and_the_selection():
    document = count(BUDGET, [["a", "c"], ["a"], ["b", "c"]])

    assert api_result(document) == {
        "ballots": 3,
        "options": [{"key": "a", "votes": 2}, {"key": "b", "votes": 1}, {"key": "c", "votes": 2}],
        "selected": ["a", "c"],
        "cost": "100.00",
    }


def test_a_recount_of_an_export_gives_the_same_document():
    ballots = [["a", "c"], ["a"], ["b", "c"]]
    export = {
        "format": "rathaus-poll-export",
        "version": 1,
        "poll": BUDGET,
        "ballots": [{"tracker": str(n), "choices": choices} for n, choices in enumerate(ballots)],
    }

    assert recount(export) == count(BUDGET, ballots)


def test_a_recount_refuses_a_document_of_another_format():
    with pytest.raises(ExportError):
        recount({"format": "something", "version": 1})
