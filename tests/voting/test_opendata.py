import csv
import io
from decimal import Decimal

import pytest
from django.utils import timezone, translation

from rathaus.opendata.datasets import get_dataset
from rathaus.voting.opendata import budget_by_district, datasets
from rathaus.voting.services import ballot_cast, poll_close
from tests.voting.factories import PollFactory, make_codes, options

pytestmark = pytest.mark.django_db


def test_each_closed_poll_is_a_dataset_with_downloads_that_answer(client):
    budget = PollFactory(kind="budget", options=options("a", a="5"), budget=10, rule="greedy")
    ballot_cast(poll=budget, choices=["a"], code=make_codes(budget, 1)[0])
    poll_close(actor=None, poll=budget)
    PollFactory(kind="single")

    found = datasets()

    assert [dataset["identifier"] for dataset in found] == [f"voting-poll-{budget.pk}"]
    dataset = found[0]
    assert dataset["title_de"] == "Ergebnis der Abstimmung: Umfrage budget"
    assert dataset["title_en"] == "Result of the vote: Poll budget"
    formats = [distribution["format"] for distribution in dataset["distributions"]]
    assert formats == ["CSV", "JSON", "JSON", "pabulib"]
    for distribution in dataset["distributions"]:
        assert client.get(distribution["url"]).status_code == 200
    assert client.get(dataset["landing_page"]).status_code == 200


def test_the_start_page_shows_open_votes(client):
    PollFactory(kind="single", title_de="Offene Umfrage am Start")

    assert "Offene Umfrage am Start" in client.get("/").content.decode()


def closed_budget():
    budget = PollFactory(
        kind="budget",
        options=options(
            "a", "b", "c",
            a="40", a_district="Erfenbach",
            b="30", b_district="",
            c="50", c_district="Siegelbach",
        ),
        budget=80,
        rule="greedy",
    )  # fmt: skip
    for code, choices in zip(make_codes(budget, 3), (["a", "b"], ["a"], ["c"]), strict=True):
        ballot_cast(poll=budget, choices=choices, code=code)
    return poll_close(actor=None, poll=budget)


def test_the_poll_results_dataset_has_every_option_of_every_closed_poll(client):
    budget = closed_budget()
    PollFactory(kind="single")

    response = client.get("/opendata/datasets/poll-results.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))

    assert [(row["option"], row["votes"], row["funded"]) for row in rows] == [
        ("a", "2", "1"),
        ("b", "1", "1"),
        ("c", "1", "0"),
    ]
    first = rows[0]
    assert first["poll"] == f"voting-poll-{budget.pk}"
    assert (first["poll_title_de"], first["kind"], first["ballots"]) == (
        "Umfrage budget",
        "budget",
        "3",
    )
    assert (first["cost_eur"], first["district"]) == ("40.00", "Erfenbach")
    assert first["results_page"] == f"http://127.0.0.1:8000/votes/{budget.pk}/results/"
    assert (
        client.get(first["ballots_export"].removeprefix("http://127.0.0.1:8000")).status_code == 200
    )


def test_the_poll_results_are_listed_only_once_a_poll_is_closed(client):
    PollFactory(kind="single")

    assert client.get("/opendata/datasets/poll-results.csv").status_code == 404

    closed_budget()
    assert client.get("/opendata/datasets/poll-results.json").status_code == 200


def test_the_budget_by_district_sums_the_funded_projects(db, imported_districts):
    closed_budget()

    with translation.override("de"):
        rows = dict(budget_by_district())

    assert rows["Erfenbach"] == Decimal("40.00")
    assert rows["Ganze Stadt"] == Decimal("30.00")
    assert rows["Siegelbach"] == 0 and rows["Innenstadt"] == 0


def test_the_poll_results_are_listed_once_a_poll_is_counted_and_cover_its_days():
    assert get_dataset("poll-results") is None

    poll = PollFactory(ended=True, closed=True)

    dataset = get_dataset("poll-results")
    assert dataset.modified() == poll.closed_at
    assert dataset.temporal() == (
        timezone.localtime(poll.opens_at).date(),
        timezone.localtime(poll.closes_at).date(),
    )
