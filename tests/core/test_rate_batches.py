"""Rate-limit counts gathered per process and added to the shared counter in batches
(rathaus.core.ratebatch, ADR 0451): the limit holds, the statements are few, nothing grows."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from rathaus.core import ratebatch
from rathaus.core.ratebatch import BatchedCounter, batch_size, parse_rate

NOW = 1_800_000_000.0  # the start of a minute


@pytest.mark.parametrize(
    ("rate", "expected"), [("300/m", (300, 60)), ("60/10m", (60, 600)), ("5/h", (5, 3600))]
)
def test_rates_are_read_as_django_ratelimit_writes_them(rate, expected):
    assert parse_rate(rate) == expected


@pytest.mark.parametrize("rate", ["", "300", "x/m", "300/w", "-1/m"])
def test_a_malformed_rate_is_refused(rate):
    with pytest.raises(ValueError, match="not a rate"):
        parse_rate(rate)


@pytest.mark.parametrize(("limit", "size"), [(2, 1), (300, 6), (1_000_000, 50)])
def test_a_batch_is_a_fiftieth_of_the_limit_between_1_and_50(limit, size):
    assert batch_size(limit) == size


def test_one_process_refuses_exactly_the_request_over_the_limit():
    counter = BatchedCounter("geodata", "300/m")
    answers = [counter.hit("203.0.113.5", NOW + i / 10) for i in range(301)]
    assert answers[:300] == [None] * 300
    assert answers[300] == 30  # seconds until the next minute


def test_every_process_adds_to_the_same_shared_count():
    first, second = BatchedCounter("geodata", "300/m"), BatchedCounter("geodata", "300/m")
    accepted = 0
    for i in range(400):
        process = first if i % 2 else second
        accepted += process.hit("203.0.113.5", NOW + i / 10) is None
    assert 300 <= accepted <= 300 + 2 * (batch_size(300) - 1)


def test_clients_are_counted_apart_and_a_new_window_starts_afresh():
    counter = BatchedCounter("geodata", "2/m")
    assert counter.hit("203.0.113.5", NOW) is None
    assert counter.hit("203.0.113.5", NOW + 1) is None
    assert counter.hit("203.0.113.5", NOW + 2) == 58
    assert counter.hit("198.51.100.7", NOW + 3) is None
    assert counter.hit("203.0.113.5", NOW + 60) is None


@pytest.mark.django_db
def test_the_shared_counter_is_written_once_per_batch(database_counters):
    counter = BatchedCounter("geodata", "300/m")
    with CaptureQueriesContext(connection) as captured:
        for i in range(12):
            counter.hit("203.0.113.5", NOW + i)
    adds = [q for q in captured if q["sql"].startswith(("INSERT", "UPDATE"))]
    assert len(adds) == 2  # (the first also takes expired counters away)


@pytest.mark.django_db
def test_an_add_to_a_live_counter_is_not_counted_twice(database_counters):
    assert database_counters.add("k", 6, 60) is True
    assert database_counters.add("k", 6, 60) is False
    assert database_counters.incr("k", 6) == 12
    assert database_counters.incr("k", 1) == 13


def test_a_failing_store_lets_the_client_through(monkeypatch):
    class Broken:
        def add(self, *args, **kwargs):
            raise ConnectionError("store down")

    monkeypatch.setattr(ratebatch, "caches", {"default": Broken()})
    counter = BatchedCounter("geodata", "1/m")
    assert [counter.hit("203.0.113.5", NOW + i) for i in range(3)] == [None, None, None]


def test_a_process_remembers_a_bounded_number_of_clients(monkeypatch):
    monkeypatch.setattr(ratebatch, "MAX_CLIENTS", 100)
    counter = BatchedCounter("geodata", "300/m")
    for i in range(15_000):
        counter.hit(f"10.0.{i // 256}.{i % 256}", NOW)
    assert len(counter._counts) == 100
    assert counter.hit("10.0.0.0", NOW + 60) is None
    assert len(counter._counts) == 1


@pytest.mark.django_db
@override_settings(RATE_LIMITS={"geodata": "3/m"}, RATE_LIMIT_BATCHED=["geodata"])
def test_the_ogc_api_answers_429_in_json_over_the_batched_limit(client):
    answers = [client.get("/ogc/conformance").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    assert client.get("/ogc/conformance").json()["detail"]
