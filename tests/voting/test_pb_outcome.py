import pytest

from rathaus.voting.pabulib import PabulibError
from rathaus.voting.pb_outcome import pb_outcome
from rathaus.voting.tally import Rule
from tests.voting.pabutools_reference import reference_file_outcome, shared_pabulib_dir

APPROVAL = """META
key;value
vote_type;approval
budget;100.5
PROJECTS
project_id;cost
10;50.25
9;50.25
8;60
VOTES
voter_id;vote
1;10,9
2;9,10
3;8
"""


@pytest.mark.parametrize("rule", ["greedy", "equal-shares"])
@pytest.mark.parametrize("name", ["dzbow", "mirow", "rakow"])
def test_pb_outcome_equals_pabutools_on_the_shared_pabulib_files(name, rule):
    path = shared_pabulib_dir() / f"poland_czestochowa_2020_{name}.pb"

    outcome = pb_outcome(path, rule)

    selected, cost = reference_file_outcome(path, Rule(rule))
    assert set(outcome["selected"]) == selected
    assert outcome["cost"] == cost


def test_pb_outcome_of_the_rakow_file_under_equal_shares():
    path = shared_pabulib_dir() / "poland_czestochowa_2020_rakow.pb"

    outcome = pb_outcome(path, "equal-shares")

    assert sorted(outcome["selected"], key=int) == [
        "12", "71", "86", "90", "130", "208", "294", "305", "449", "495", "578", "580", "583", "599"
    ]  # fmt: skip
    assert outcome["cost"] == 459146


def test_pb_outcome_breaks_ties_by_project_id_as_text_and_reports_decimal_cost(tmp_path):
    path = tmp_path / "approval.pb"
    path.write_text(APPROVAL, encoding="utf-8")

    outcome = pb_outcome(path, "greedy")

    assert outcome == {"selected": ["10", "9"], "cost": "100.50"}


def test_pb_outcome_refuses_ballots_the_budget_rules_cannot_count(tmp_path):
    path = tmp_path / "ordinal.pb"
    path.write_text(APPROVAL.replace("approval", "ordinal"), encoding="utf-8")

    with pytest.raises(PabulibError, match="approval or cumulative"):
        pb_outcome(path, "greedy")


def test_pb_outcome_refuses_an_unknown_rule(tmp_path):
    path = tmp_path / "approval.pb"
    path.write_text(APPROVAL, encoding="utf-8")

    with pytest.raises(ValueError, match="'phragmen' is not a valid Rule"):
        pb_outcome(path, "phragmen")
