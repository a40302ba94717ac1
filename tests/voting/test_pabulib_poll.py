from collections import Counter
from datetime import UTC, date, datetime

from rathaus.voting import pabulib
from rathaus.voting.pabulib_poll import election_from_poll, meta_dates, poll_from_election
from rathaus.voting.publication import count

CUMULATIVE = """META
key;value
description;Bürgerhaushalt Probe
budget;100
vote_type;cumulative
rule;greedy
max_sum_points;3
date_begin;6.09.2019
date_end;2019-09-25
PROJECTS
project_id;cost;name;district
b;40;Brunnen;Nord
a;60;Spielplatz;Süd
VOTES
voter_id;vote;points
1;a,b;2,1
2;b;3
"""
OPENS, CLOSES = datetime(2019, 9, 6, tzinfo=UTC), datetime(2019, 9, 26, tzinfo=UTC)


def imported():
    return poll_from_election(pabulib.loads(CUMULATIVE), opens_at=OPENS, closes_at=CLOSES)


def test_projects_become_options_in_the_order_of_their_ids():
    spec = imported().spec

    assert [(o.key, o.title_de, o.district, o.cost) for o in spec.options] == [
        ("a", "Spielplatz", "Süd", 60),
        ("b", "Brunnen", "Nord", 40),
    ]
    assert (spec.kind, spec.budget, spec.max_points, spec.rule) == ("budget", 100, 3, "greedy")
    assert spec.title_de == "Bürgerhaushalt Probe"


def test_cumulative_votes_name_a_project_once_per_point():
    assert imported().ballots == [("a", "a", "b"), ("b", "b", "b")]


def test_a_poll_exported_to_pabulib_has_the_same_projects_votes_and_outcome():
    source = imported()
    definition = {
        "title_de": source.spec.title_de,
        "kind": "budget",
        "budget": "100",
        "max_points": 3,
        "max_cost": None,
        "rule": "greedy",
        "min_choices": 0,
        "max_choices": None,
        "opens_at": OPENS.isoformat(),
        "closes_at": CLOSES.isoformat(),
        "options": [
            {"key": o.key, "title_de": o.title_de, "cost": str(o.cost), "district": o.district}
            for o in source.spec.options
        ],
    }
    result = count(definition, source.ballots)

    exported = election_from_poll(definition, source.ballots, result, unit="Kaiserslautern")

    again = pabulib.loads(pabulib.dumps(exported))
    assert {p.project_id: p.cost for p in again.projects} == {"a": 60, "b": 40}
    assert Counter((v.vote, v.points) for v in again.votes) == Counter(
        (v.vote, v.points) for v in pabulib.loads(CUMULATIVE).votes
    )
    assert {p.project_id: p.fields["selected"] for p in again.projects} == {"a": "1", "b": "1"}
    assert again.meta["vote_type"] == "cumulative" and again.meta["max_sum_points"] == "3"


def test_meta_dates_are_read_in_both_usual_forms():
    meta = pabulib.loads(CUMULATIVE).meta

    assert meta_dates(meta) == (date(2019, 9, 6), date(2019, 9, 25))
