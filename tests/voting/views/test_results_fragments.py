"""A poll's result page is a cached fragment (topic "voting"): a change of the poll shows at
once, each language has its own, and its queries do not grow with the options or ballots."""

import pytest
from django.test import Client

from rathaus.voting.models import Poll
from rathaus.voting.services import ballot_cast, poll_close
from tests.pages import page, queries
from tests.voting.factories import PollFactory, make_codes, options

pytestmark = pytest.mark.django_db


def closed_poll(keys: str, votes: list[list[str]], **fields) -> Poll:
    poll = PollFactory(options=options(*keys), **fields)
    for code, choices in zip(make_codes(poll, len(votes)), votes, strict=True):
        ballot_cast(poll=poll, choices=choices, code=code)
    return poll_close(actor=None, poll=poll)


def test_a_changed_poll_shows_on_its_result_page_at_once(client):
    poll = closed_poll("abc", [["a"], ["b"]], title_de="Brücke")
    assert "Brücke" in page(client, f"/votes/{poll.pk}/results/")

    poll.title_de = "Neue Brücke über die Lauter"
    poll.save(update_fields=["title_de"])

    assert "Neue Brücke über die Lauter" in page(client, f"/votes/{poll.pk}/results/")


def test_the_result_page_is_cached_per_language():
    poll = closed_poll("abc", [["a"], ["a"], ["b"]], title_de="Brücke", title_en="Bridge")

    assert "66,7 %" in page(Client(), f"/votes/{poll.pk}/results/")
    english = page(Client(), f"/en/votes/{poll.pk}/results/")
    assert "66.7 %" in english and "Bridge" in english


def test_an_open_poll_has_no_result_page_even_after_another_polls_result_was_cached(client):
    closed = closed_poll("abc", [["a"]])
    page(client, f"/votes/{closed.pk}/results/")
    running = PollFactory()

    assert client.get(f"/votes/{running.pk}/results/").status_code == 403


def test_the_result_page_costs_the_same_queries_for_few_and_many_options_and_ballots():
    few_poll = closed_poll("abc", [["a"], ["b"]])
    many_poll = closed_poll("abcdefghijkl", [[key] for key in "abcdefghijkl" * 3])

    few = queries(f"/votes/{few_poll.pk}/results/")

    assert queries(f"/votes/{many_poll.pk}/results/") <= few
    assert queries(f"/votes/{many_poll.pk}/results/", cold=False) <= 2
