import pytest

from rathaus.voting.opendata import datasets
from rathaus.voting.services import ballot_cast, poll_close
from tests.voting.conftest import make_codes, make_poll, options

pytestmark = pytest.mark.django_db


def test_each_closed_poll_is_a_dataset_with_downloads_that_answer(client):
    budget = make_poll("budget", options=options("a", a="5"), budget=10, rule="greedy")
    ballot_cast(poll=budget, choices=["a"], code=make_codes(budget, 1)[0])
    poll_close(actor=None, poll=budget)
    make_poll("single")

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
    make_poll("single", title_de="Offene Umfrage am Start")

    assert "Offene Umfrage am Start" in client.get("/").content.decode()
