from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from rathaus.core.models import AuditEntry
from rathaus.voting.errors import PollChangeRefused, PollInvalid
from rathaus.voting.services import ballot_cast, poll_close, poll_update
from tests.voting.factories import PollFactory, make_codes, options, spec

pytestmark = pytest.mark.django_db


def test_a_yes_no_poll_gets_yes_no_and_abstain_in_both_languages():
    poll = PollFactory(kind="yes_no")

    assert [(o.key, o.title_de, o.title_en) for o in poll.options.all()] == [
        ("yes", "Ja", "Yes"),
        ("no", "Nein", "No"),
        ("abstain", "Enthaltung", "Abstain"),
    ]


def test_an_inconsistent_poll_is_refused_with_a_message_per_field():
    with pytest.raises(PollInvalid) as refused:
        PollFactory(kind="budget", options=options("a", "b"))

    assert refused.value.errors[0] == ("options[0].cost", "Dieses Feld ist ein Pflichtfeld.")
    assert ("rule", "Dieses Feld ist ein Pflichtfeld.") in refused.value.errors


def test_a_poll_can_be_changed_before_it_opens():
    poll = PollFactory(kind="single", opens=2, closes=30)

    poll_update(actor=None, poll=poll, spec=spec("multiple", opens=2, options=options("x", "y")))

    poll.refresh_from_db()
    assert poll.kind == "multiple"
    assert [option.key for option in poll.options.all()] == ["x", "y"]
    assert AuditEntry.objects.filter(action="poll.update", target_id=str(poll.pk)).exists()


def test_an_open_poll_cannot_be_changed():
    poll = PollFactory(kind="single")

    with pytest.raises(PollChangeRefused) as refused:
        poll_update(actor=None, poll=poll, spec=spec("single"))

    assert refused.value.code == "poll_started"


def test_closing_counts_the_ballots_and_ends_the_vote_early():
    poll = PollFactory(kind="single")
    for code, choice in zip(make_codes(poll, 3), "aab", strict=True):
        ballot_cast(poll=poll, choices=[choice], code=code)
    now = timezone.now()

    closed = poll_close(actor=None, poll=poll, now=now)

    assert closed.closed_at == now and closed.closes_at == now
    assert closed.result["ballots"] == 3
    assert [row["votes"] for row in closed.result["options"]] == [2, 1, 0]


def test_closing_twice_changes_nothing():
    poll = PollFactory(kind="single")
    first = poll_close(actor=None, poll=poll)

    again = poll_close(actor=None, poll=poll, now=timezone.now() + timedelta(days=1))

    assert again.closed_at == first.closed_at
    assert AuditEntry.objects.filter(action="poll.close").count() == 1


def test_a_poll_that_has_not_opened_cannot_be_closed():
    poll = PollFactory(kind="single", opens=1)

    with pytest.raises(PollChangeRefused):
        poll_close(actor=None, poll=poll)


def test_a_closed_budget_poll_knows_its_funded_projects():
    poll = PollFactory(
        kind="budget",
        options=options("a", "b", "c", a="60", b="50", c="40"),
        budget=Decimal(100),
        rule="equal-shares",
    )
    for code, choices in zip(make_codes(poll, 3), (["a", "c"], ["a"], ["b", "c"]), strict=True):
        ballot_cast(poll=poll, choices=choices, code=code)

    closed = poll_close(actor=None, poll=poll)

    assert closed.result["selected"] == ["a", "c"]
    assert closed.result["cost"] == "100.00"
