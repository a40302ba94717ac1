"""Each trait of the poll factory makes a poll in the state it names."""

import pytest

from rathaus.voting.window import PollState
from tests.voting.factories import TRUSTEES, PollFactory

pytestmark = pytest.mark.django_db


def test_a_poll_is_open_by_default_and_with_the_open_trait():
    assert PollFactory().state() is PollState.OPEN
    assert PollFactory(open=True).state() is PollState.OPEN


def test_an_upcoming_poll_has_not_opened():
    assert PollFactory(upcoming=True).state() is PollState.UPCOMING


def test_an_ended_poll_is_past_its_closing_time_and_not_counted():
    poll = PollFactory(ended=True)

    assert poll.state() is PollState.ENDED
    assert poll.closed_at is None


def test_a_closed_poll_is_counted():
    poll = PollFactory(closed=True)

    assert poll.state() is PollState.CLOSED
    assert poll.result is not None


def test_a_poll_sealed_by_trustees_has_a_key_and_a_share_for_each_trustee():
    poll = PollFactory(sealed_by_trustees=True)

    assert poll.sealed and len(poll.public_key) == 64
    assert (poll.trustees, poll.threshold) == (TRUSTEES, 2)
    assert len(poll.shares) == len(TRUSTEES)
    assert poll.state() is PollState.OPEN
