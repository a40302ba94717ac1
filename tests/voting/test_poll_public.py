"""``selectors.poll_public``: the poll a ballot is cast in, read without compiling ORM queries,
is the poll ``polls_public`` gives (fields, options in order, process and phases)."""

import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rathaus.participation import phases
from rathaus.voting import selectors
from tests.participation.factories import ProcessFactory
from tests.voting.factories import PollFactory, make_codes, options

pytestmark = pytest.mark.django_db


def same(poll_id):
    ours = selectors.poll_public(poll_id)
    theirs = selectors.polls_public().get(pk=poll_id)
    fields = [f.attname for f in type(theirs)._meta.concrete_fields]
    assert [getattr(ours, name) for name in fields] == [getattr(theirs, name) for name in fields]
    with CaptureQueriesContext(connection) as queries:
        mine = [(o.pk, o.key, o.cost, o.poll_id) for o in ours.options.all()]
        assert all(option.poll is ours for option in ours.options.all())
        state, definition = ours.state(), selectors.poll_definition(ours)
    assert len(queries) == 0
    assert mine == [(o.pk, o.key, o.cost, o.poll_id) for o in theirs.options.all()]
    assert state is theirs.state()
    assert definition == selectors.poll_definition(theirs)
    return ours


def test_a_budget_poll_reads_as_the_orm_reads_it():
    poll = PollFactory(
        kind="budget",
        options=options("c", "a", "b", a="1200.50", b="300", c="99.99"),
        budget=Decimal("1500.00"),
        rule="equal-shares",
        sealed=True,
    )
    ours = same(poll.pk)
    assert [o.key for o in ours.options.all()] == ["c", "a", "b"]


def test_a_poll_in_a_process_brings_its_process_and_phases():
    process = ProcessFactory(running=phases.VOTING, slug="innenstadt")
    poll = PollFactory(kind="single", process=process.pk)
    ours = same(poll.pk)
    with CaptureQueriesContext(connection) as queries:
        ours.voting_phase()
    assert len(queries) == 0


def test_an_unknown_poll_is_none_and_a_404_for_a_ballot(client):
    assert selectors.poll_public(999_999) is None
    poll = PollFactory(kind="single")
    (code,) = make_codes(poll, 1)
    answer = client.post(
        "/api/v1/polls/999999/ballots",
        json.dumps({"code": code, "choices": ["a"]}),
        content_type="application/json",
    )
    assert answer.status_code == 404


def test_the_poll_and_its_options_are_one_query_and_a_poll_without_options_has_none():
    poll = PollFactory(kind="single")
    with CaptureQueriesContext(connection) as queries:
        ours = selectors.poll_public(poll.pk)
    assert len(queries) == 1
    assert len(ours.options.all()) == poll.options.count() > 0

    poll.options.all().delete()
    assert list(same(poll.pk).options.all()) == []
