"""Rate-limit counters in the database (rathaus.core.ratecounters): what django-ratelimit asks
of a cache, counted atomically in one table that every process shares."""

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import override_settings
from django.utils import timezone

from rathaus.core.models import RateCounter
from rathaus.core.ratecounters import DatabaseCounters
from tests.voting.factories import PollFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def process():
    """Another process's view of the counters: a backend of its own."""
    return DatabaseCounters("", {})


def test_a_counter_starts_then_grows_by_one_per_request(database_counters):
    assert database_counters.add("k", 1, 60) is True
    assert database_counters.add("k", 1, 60) is False
    assert database_counters.incr("k") == 2
    assert database_counters.add("k", 1, 60) is False
    assert database_counters.incr("k") == 3
    assert database_counters.get("k") == 3
    assert database_counters.get("other", "none") == "none"


def test_every_process_counts_on_the_same_counter(database_counters):
    first, second = process(), process()
    assert first.add("k", 1, 60) is True
    for backend, expected in [(second, 2), (first, 3), (second, 4)]:
        assert backend.add("k", 1, 60) is False
        assert backend.incr("k") == expected
    assert second.incr("k") == 5, "an incr without add is its own statement"
    assert RateCounter.objects.get().value == 5


def test_an_expired_counter_starts_again_and_takes_expired_ones_away(database_counters):
    database_counters.add("old", 1, 60)
    database_counters.add("older", 1, 60)
    RateCounter.objects.update(expires=timezone.now() - timedelta(seconds=1))
    assert database_counters.get("old") is None
    with pytest.raises(ValueError):
        database_counters.incr("old")
    assert database_counters.add("old", 1, 60) is True
    assert list(RateCounter.objects.values_list("key", "value")) == [
        (database_counters.make_key("old"), 1)
    ]
    database_counters.delete("old")
    assert not RateCounter.objects.exists()


@override_settings(RATE_LIMITS={"voting_code": "2/m", "quote": "2/m"})
def test_the_limits_hold_with_the_counters_in_the_database(client, database_counters):
    poll = PollFactory(kind="single")
    path = f"/api/v1/polls/{poll.pk}/ballots"
    body = json.dumps({"choices": ["a"], "code": "WRONG-CODE-1"})
    answers = [
        client.post(path, body, content_type="application/json").status_code for _ in range(3)
    ]
    assert answers[:2] != [429, 429] and answers[2] == 429
    assert (
        client.post("/api/v1/dogtax/quote", "{}", content_type="application/json").status_code
        != 429
    )
    assert RateCounter.objects.count() == 2
    assert sorted(RateCounter.objects.values_list("value", flat=True)) == [1, 3]


def _counters_of(**variables) -> list:
    """(RATE_LIMIT_COUNTERS, RATELIMIT_USE_CACHE) as rathaus.settings computes them."""
    code = (
        "import json, rathaus.settings as s; print(json.dumps([s.RATE_LIMIT_COUNTERS, "
        "getattr(s, 'RATELIMIT_USE_CACHE', 'default')]))"
    )
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"CACHE_URL", "DATABASE_URL", "RATE_LIMIT_COUNTERS"}
    }
    environment.update(DJANGO_ENV="development", PYTHONPATH=str(ROOT / "src"), **variables)
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, check=True
    ).stdout
    return json.loads(output)


POSTGRES = "postgres://postgres@127.0.0.1:5432/rathaus"


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({"DATABASE_URL": POSTGRES}, ["database", "ratelimit"]),
        ({"DATABASE_URL": POSTGRES, "CACHE_URL": "redis://127.0.0.1:6379/7"}, ["cache", "default"]),
        ({}, ["cache", "default"]),  # SQLite
        ({"DATABASE_URL": POSTGRES, "RATE_LIMIT_COUNTERS": "cache"}, ["cache", "default"]),
    ],
)
def test_the_counters_go_to_the_database_on_postgresql_without_redis(variables, expected):
    assert _counters_of(**variables) == expected
