"""The database holds no link between a voter and a ballot: not in the schema, not in the data,
not in the order of the rows, not in the audit log."""

import uuid
from types import SimpleNamespace

import pytest
from django.db import connection, models

from rathaus.core.models import AuditEntry
from rathaus.voting.models import Ballot, Poll, RollEntry
from rathaus.voting.services import ballot_cast, poll_close
from tests.voting.factories import PollFactory, make_codes, make_resident

VOTERS = 30


def table_columns(model) -> set[str]:
    with connection.cursor() as cursor:
        return {
            column.name
            for column in connection.introspection.get_table_description(
                cursor, model._meta.db_table
            )
        }


def table_relations(model) -> set[str]:
    """The tables the model's table has foreign keys to."""
    with connection.cursor() as cursor:
        relations = connection.introspection.get_relations(cursor, model._meta.db_table)
    return {table for _, table in relations.values()}


def storage_order(poll) -> list[str]:
    """The ballots' trackers in the order the database stores the rows."""
    position = "ctid" if connection.vendor == "postgresql" else "rowid"
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT tracker FROM voting_ballot WHERE poll_id = %s ORDER BY {position}",  # noqa: S608
            [poll.pk],
        )
        return [row[0] for row in cursor.fetchall()]


@pytest.mark.django_db
def test_the_roll_and_the_box_have_no_key_and_no_column_in_common_but_the_poll():
    assert table_relations(Ballot) == {Poll._meta.db_table}
    assert table_relations(RollEntry) == {Poll._meta.db_table}
    assert table_columns(Ballot) == {"id", "poll_id", "tracker", "choices"}
    assert table_columns(RollEntry) == {"id", "poll_id", "voter", "voted_on"}


@pytest.mark.django_db
def test_the_roll_knows_only_the_day_and_the_box_no_time_at_all():
    def time_fields(model):
        return {
            type(field).__name__
            for field in model._meta.get_fields()
            if isinstance(field, (models.DateField, models.TimeField, models.DurationField))
        }

    assert time_fields(Ballot) == set()
    assert time_fields(RollEntry) == {"DateField"}


@pytest.fixture
def voted(transactional_db):
    """A poll in which VOTERS people voted one after another (each in its own transaction)."""
    poll = PollFactory(kind="single", eligibility="residents")
    residents = [make_resident(email=f"voter{n}@example.org") for n in range(VOTERS)]
    trackers = [
        ballot_cast(poll=poll, choices=["abc"[n % 3]], user=person)
        for n, person in enumerate(residents)
    ]
    return SimpleNamespace(poll=poll, residents=residents, trackers=trackers)


def test_no_value_of_the_roll_appears_in_the_box(voted):
    roll = list(RollEntry.objects.filter(poll=voted.poll).values())
    box = list(Ballot.objects.filter(poll=voted.poll).values())

    assert len(roll) == len(box) == VOTERS
    roll_values = {str(value) for row in roll for key, value in row.items() if key != "poll_id"}
    box_values = {str(value) for row in box for key, value in row.items() if key != "poll_id"}
    assert roll_values.isdisjoint(box_values)
    assert all(uuid.UUID(str(row["id"])).version == 4 for row in roll + box)


def test_ballots_are_read_in_tracker_order_not_in_the_order_cast(voted):
    read = list(Ballot.objects.filter(poll=voted.poll).values_list("tracker", flat=True))

    assert read == sorted(voted.trackers) != voted.trackers


def test_ballot_ids_do_not_grow_with_time(voted):
    ids = [Ballot.objects.get(tracker=tracker).id for tracker in voted.trackers]

    assert ids != sorted(ids)


def test_after_closing_the_stored_order_of_the_ballots_is_tracker_order(voted):
    poll_close(actor=None, poll=voted.poll)

    assert storage_order(voted.poll) == sorted(voted.trackers) != voted.trackers
    assert Ballot.objects.filter(tracker__in=voted.trackers).count() == VOTERS


def transaction_ids(table: str, poll) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT DISTINCT xmin::text FROM {table} WHERE poll_id = %s", [poll.pk])  # noqa: S608
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.postgres
def test_after_closing_all_ballots_carry_one_transaction_id(voted):
    if connection.vendor != "postgresql":
        pytest.skip("transaction ids (xmin) are PostgreSQL's")

    poll_close(actor=None, poll=voted.poll)

    ballot_xids = transaction_ids("voting_ballot", voted.poll)
    assert len(ballot_xids) == 1
    assert ballot_xids.isdisjoint(transaction_ids("voting_rollentry", voted.poll))


def test_the_audit_log_names_no_voter_next_to_a_ballot(voted):
    entries = list(AuditEntry.objects.filter(action="ballot.cast").values())

    assert len(entries) == VOTERS
    text = repr(entries)
    assert all(entry["actor_id"] is None for entry in entries)
    assert not any(
        f"user:{person.pk}" in text or person.email in text for person in voted.residents
    )
    assert not any(tracker in text for tracker in voted.trackers)


def test_a_code_voters_roll_entry_is_the_codes_digest_not_the_code(transactional_db):
    poll = PollFactory(kind="single")
    code = make_codes(poll, 1)[0]

    ballot_cast(poll=poll, choices=["a"], code=code)

    voter = RollEntry.objects.get(poll=poll).voter
    assert voter.startswith("code:") and code.replace("-", "") not in voter
