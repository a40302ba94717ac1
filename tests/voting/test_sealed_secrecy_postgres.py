"""While a sealed poll is open, no readable ballot exists anywhere (ADR 171), checked on
PostgreSQL: every column of every table (the task queue's table included) as text, the SQL sent,
the logs and the cache hold none of the choices, and the ``xmin`` join of issue 17 that linked a
voter to a ballot finds no choice."""

from __future__ import annotations

import json
import logging

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rathaus.voting.errors import SealingRefused
from rathaus.voting.models import Ballot, Poll, SealedBallot
from rathaus.voting.services import ballot_cast, poll_close, poll_seal, poll_unseal
from tests.voting.factories import PollFactory, make_codes, options

pytestmark = pytest.mark.postgres

KEYS = ("opt-quokka", "opt-narwhal", "opt-axolotl")
BALLOTS = [["opt-quokka"], ["opt-narwhal", "opt-axolotl"], ["opt-quokka", "opt-axolotl"]] * 4
XMIN_JOIN = (
    "SELECT r.voter, b.choices FROM voting_rollentry r JOIN voting_ballot b ON b.xmin = r.xmin"
)


def every_row_as_text() -> set[tuple[str, str]]:
    """(table, row as text) for every row of every table: all columns, whatever their type."""
    rows = set()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT t::text FROM "{table}" t')  # noqa: S608
            rows.update((table, text) for (text,) in cursor.fetchall())
    return rows


def naming_a_choice(texts) -> list:
    return [text for text in texts if any(key in str(text) for key in KEYS)]


@pytest.fixture
def sealed_open_poll(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    poll = PollFactory(kind="multiple", options=options(*KEYS), sealed=True)
    shares = poll_seal(actor=None, poll=poll, trustees=["A", "B", "C"], threshold=2)
    return Poll.objects.get(pk=poll.pk), shares, make_codes(poll, len(BALLOTS))


def test_an_open_sealed_poll_holds_no_readable_ballot_anywhere(sealed_open_poll, client, caplog):
    poll, shares, codes = sealed_open_poll
    before = every_row_as_text()
    cache.clear()
    caplog.set_level(logging.DEBUG)

    with CaptureQueriesContext(connection) as queries:
        for code, choices in zip(codes, BALLOTS, strict=True):
            response = client.post(
                f"/api/v1/polls/{poll.pk}/ballots",
                json.dumps({"code": code, "choices": choices}),
                content_type="application/json",
            )
            assert response.status_code == 201, response.content

    after = every_row_as_text()
    new_rows = after - before
    assert {table for table, _ in new_rows} >= {"voting_rollentry", "voting_sealedballot"}
    assert naming_a_choice(text for _, text in new_rows) == []
    assert naming_a_choice(query["sql"] for query in queries.captured_queries) == []
    assert naming_a_choice(record.getMessage() for record in caplog.records) == []
    assert naming_a_choice(repr(value) for value in cache._cache.values()) == []
    assert "django_tasks_database_dbtaskresult" in {table for table, _ in after} | set(
        connection.introspection.table_names()
    )
    assert not Ballot.objects.filter(poll=poll).exists()
    with connection.cursor() as cursor:
        cursor.execute(XMIN_JOIN)
        assert cursor.fetchall() == []
        cursor.execute(
            "SELECT r.voter, s.sealed FROM voting_rollentry r "
            "JOIN voting_sealedballot s ON s.xmin = r.xmin"
        )
        linked = cursor.fetchall()
    assert len(linked) == len(BALLOTS)  # the link exists, but only to a sealed ballot
    assert naming_a_choice(bytes(sealed) for _, sealed in linked) == []

    # The search does find a readable ballot: one cast into an unsealed twin poll.
    twin = PollFactory(kind="multiple", options=options(*KEYS))
    [twin_code] = make_codes(twin, 1)
    before_twin = every_row_as_text()
    ballot_cast(poll=twin, choices=["opt-narwhal"], code=twin_code)
    assert naming_a_choice(text for _, text in every_row_as_text() - before_twin)

    poll_close(actor=None, poll=poll)
    with pytest.raises(SealingRefused):  # one share opens nothing
        poll_unseal(actor=None, poll=poll, shares=shares[:1])
    assert not Ballot.objects.filter(poll=poll).exists()
    poll = poll_unseal(actor=None, poll=poll, shares=shares[1:])

    counted = {row["key"]: row["votes"] for row in poll.result["options"]}
    assert counted == {"opt-quokka": 8, "opt-narwhal": 4, "opt-axolotl": 8}
    assert SealedBallot.objects.filter(poll=poll).count() == len(BALLOTS)
    assert Ballot.objects.filter(poll=poll).count() == len(BALLOTS)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(DISTINCT b.xmin::text) FROM voting_ballot b WHERE poll_id = %s",
            [poll.pk],
        )
        assert cursor.fetchone() == (1,)  # written in one transaction, in random order
        cursor.execute(XMIN_JOIN + " WHERE b.poll_id = %s", [poll.pk])
        assert cursor.fetchall() == []  # the twin's ballot is still linked: it was not sealed
