"""Data versions remembered per process for GEODATA_VERSION_TTL: what is cached and what is not.

These tests run outside a wrapping transaction (inside one the database is always asked), with
the clock of `versions` moved by hand instead of waiting.
"""

import pytest
from django.db.models import F

from rathaus.geodata import versions
from rathaus.geodata.boundaries import parse_boundaries
from rathaus.geodata.models import DataVersion, District
from rathaus.geodata.services import DISTRICTS, districts_replace

pytestmark = pytest.mark.django_db(transaction=True)

ITEMS = "/ogc/collections/districts/items"


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock(monkeypatch, settings):
    settings.GEODATA_VERSION_TTL = 5.0
    versions.forget()
    ticking = Clock()
    monkeypatch.setattr(versions.time, "monotonic", ticking)
    yield ticking
    versions.forget()


@pytest.fixture
def districts(shared_districts_text):
    boundaries = parse_boundaries(shared_districts_text)
    districts_replace(boundaries=boundaries, source="test")
    return boundaries


def test_within_the_ttl_a_cached_items_answer_asks_the_database_nothing(
    client, clock, districts, django_assert_num_queries
):
    client.get(ITEMS)

    with django_assert_num_queries(0):
        assert client.get(ITEMS).status_code == 200


def test_replacing_the_districts_is_served_at_once_by_the_changing_process(
    client, clock, districts
):
    before = client.get(ITEMS)

    districts_replace(boundaries=districts[1:], source="test")

    after = client.get(ITEMS)
    assert after["ETag"] != before["ETag"]
    assert after.json()["numberMatched"] == 9


def test_a_change_by_another_process_is_served_once_the_ttl_has_passed(client, clock, districts):
    before = client.get(ITEMS)
    # Another process renames a district and bumps the version (this process forgets nothing).
    District.objects.filter(number=1).update(name="Neustadt")
    DataVersion.objects.filter(key=DISTRICTS).update(number=F("number") + 1)

    clock.now += 4.9
    assert client.get(ITEMS)["ETag"] == before["ETag"]

    clock.now += 0.2
    after = client.get(ITEMS)
    assert after["ETag"] != before["ETag"]
    names = {item["properties"]["name"] for item in after.json()["features"]}
    assert "Neustadt" in names


def test_inside_a_transaction_the_version_is_always_read(clock, districts):
    from django.db import transaction

    from rathaus.geodata.selectors import data_version

    outside = data_version(DISTRICTS)
    with transaction.atomic():
        DataVersion.objects.filter(key=DISTRICTS).update(number=F("number") + 1)
        assert data_version(DISTRICTS) != outside
        transaction.set_rollback(True)


def test_without_a_ttl_every_request_reads_the_version(client, settings, districts):
    settings.GEODATA_VERSION_TTL = 0
    before = client.get(ITEMS)
    DataVersion.objects.filter(key=DISTRICTS).update(number=F("number") + 1)

    assert client.get(ITEMS)["ETag"] != before["ETag"]
    assert versions._remembered == {}
