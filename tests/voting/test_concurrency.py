"""One person, one vote under parallel load: PostgreSQL, real API, real transactions."""

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client

from rathaus.voting.models import Ballot, RollEntry
from rathaus.voting.publication import api_result, recount
from rathaus.voting.services import poll_close
from tests.voting.factories import PollFactory, make_codes

CODES = 100
THREADS = 16

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_each_code_used_twice_at_once_counts_once(settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL)")
    # Every request comes from one test client address: no rate limit on the code attempts here.
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "voting_code": ""}
    poll = PollFactory(kind="single")
    codes = make_codes(poll, CODES)
    meeting = {code: threading.Barrier(2, timeout=30) for code in codes}
    choice = {code: "abc"[n % 3] for n, code in enumerate(codes)}

    def cast(code):
        try:
            meeting[code].wait()
            response = Client(enforce_csrf_checks=True).post(
                f"/api/v1/polls/{poll.pk}/ballots",
                json.dumps({"code": code, "choices": [choice[code]]}),
                content_type="application/json",
            )
            return response.status_code, response.json().get("tracker")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        answers = list(pool.map(cast, [code for code in codes for _ in range(2)]))

    statuses = [status for status, _ in answers]
    trackers = sorted(tracker for _, tracker in answers if tracker)
    assert statuses.count(201) == CODES and statuses.count(409) == CODES
    assert Ballot.objects.filter(poll=poll).count() == CODES
    assert RollEntry.objects.filter(poll=poll).count() == CODES
    listed = Client().get(f"/api/v1/polls/{poll.pk}/trackers").json()["trackers"]
    assert listed == trackers
    closed = poll_close(actor=None, poll=poll)
    export = Client().get(f"/api/v1/polls/{poll.pk}/export").json()
    assert [ballot["tracker"] for ballot in export["ballots"]] == trackers
    expected_votes = [sum(1 for c in codes if choice[c] == key) for key in "abc"]
    assert [row["votes"] for row in closed.result["options"]] == expected_votes
    assert recount(export) == closed.result
    assert api_result(recount(export)) == Client().get(f"/api/v1/polls/{poll.pk}/results").json()
