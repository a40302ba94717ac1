"""List pages and endpoints read in a constant number of queries, however many rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rathaus.voting.services import ballot_cast
from tests.voting.factories import PollFactory, make_codes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _profile_exists(client):
    """The municipality profile is created on first use; create it before counting."""
    client.get("/votes/")


def queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_the_poll_list_does_not_grow_with_the_polls(client):
    PollFactory(kind="single")
    few = queries(client, "/votes/")
    for _ in range(5):
        PollFactory(kind="single")
        PollFactory(kind="yes_no", opens=3, closes=5)

    assert queries(client, "/votes/") == few


def test_the_tracker_list_does_not_grow_with_the_ballots(client):
    poll = PollFactory(kind="single")
    codes = make_codes(poll, 12)
    ballot_cast(poll=poll, choices=["a"], code=codes[0])
    few = (
        queries(client, f"/api/v1/polls/{poll.pk}/trackers"),
        queries(client, f"/votes/{poll.pk}/trackers/"),
    )
    for code in codes[1:]:
        ballot_cast(poll=poll, choices=["b"], code=code)

    many = (
        queries(client, f"/api/v1/polls/{poll.pk}/trackers"),
        queries(client, f"/votes/{poll.pk}/trackers/"),
    )

    assert many == few
