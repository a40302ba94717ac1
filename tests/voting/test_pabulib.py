from decimal import Decimal

import pytest

from rathaus.voting import pabulib
from rathaus.voting.pabulib import PabulibError, PbElection, PbProject, PbVote
from tests.voting.pabutools_reference import shared_pabulib_dir

ORDINAL = "\n".join(
    [
        "META",
        "key;value",
        'description;"Ranking; with a quoted ""field"""',
        "vote_type;ordinal",
        "budget;100",
        "PROJECTS",
        "project_id;cost;name",
        '1;60;"Park; north"',
        "2;40.50;Pool",
        "VOTES",
        "voter_id;vote;age",
        "v1;2,1;34",
        "v2;1;",
        "",
    ]
)


@pytest.mark.parametrize("name", ["dzbow", "mirow", "rakow"])
def test_a_shared_pabulib_file_is_read_whole_and_written_back_byte_for_byte(name):
    path = shared_pabulib_dir() / f"poland_czestochowa_2020_{name}.pb"
    text = path.read_text(encoding="utf-8")

    election = pabulib.load(path)

    assert len(election.projects) == int(election.meta["num_projects"])
    assert len(election.votes) == int(election.meta["num_votes"])
    assert election.vote_type == "cumulative"
    assert all(len(vote.points) == len(vote.vote) for vote in election.votes)
    assert pabulib.dumps(election) == text


def test_an_ordinal_file_keeps_rankings_quoted_fields_and_extra_columns():
    election = pabulib.loads(ORDINAL)

    assert election.meta["description"] == 'Ranking; with a quoted "field"'
    assert election.budget == 100
    assert election.projects[0] == PbProject("1", Decimal(60), {"name": "Park; north"})
    assert election.projects[1].cost == Decimal("40.50")
    assert election.votes == (
        PbVote("v1", ("2", "1"), None, {"age": "34"}),
        PbVote("v2", ("1",), None, {"age": ""}),
    )


def test_an_ordinal_file_round_trips():
    election = pabulib.loads(ORDINAL)

    assert pabulib.loads(pabulib.dumps(election)) == election


@pytest.mark.parametrize(
    ("vote_type", "points"),
    [("approval", None), ("cumulative", ("3", "2")), ("scoring", ("-1.5", "4"))],
)
def test_an_election_written_from_scratch_reads_back_equal(vote_type, points, tmp_path):
    election = PbElection(
        meta={"vote_type": vote_type, "budget": "1000", "unit": "Kaiserslautern"},
        projects=(PbProject("a", Decimal("250.75")), PbProject("b", Decimal(600))),
        votes=(
            PbVote("1", ("a", "b"), points and tuple(Decimal(p) for p in points)),
            PbVote("2", (), points and ()),
        ),
        vote_columns=("voter_id", "vote") + (("points",) if points else ()),
    )
    path = tmp_path / "written.pb"

    pabulib.dump(election, path)

    assert pabulib.load(path) == election


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("META\nkey;value\nbudget;5\nPROJECTS\nproject_id;cost\n1;5\n", "VOTES"),
        (ORDINAL.replace("v1;2,1;34", "v1;2,3;34"), "unknown project"),
        (ORDINAL.replace("2;40.50;Pool", "2;forty;Pool"), "cost of project 2"),
        (ORDINAL.replace("v2;1;", "v2;1;;extra"), "more fields"),
        ("1;5\nMETA\nkey;value\n", "before the first section"),
        (
            "META\nkey;value\nbudget;5\nPROJECTS\nproject_id;cost\n1;5\n"
            "VOTES\nvoter_id;vote;points\n7;1;2,3\n",
            "1 projects but 2 points",
        ),
    ],
)
def test_a_malformed_file_is_refused_with_a_clear_message(text, message):
    with pytest.raises(PabulibError, match=message):
        pabulib.loads(text)
