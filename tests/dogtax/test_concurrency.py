"""Races on PostgreSQL: parallel registrations take distinct tag and account numbers.

Run with DATABASE_URL=postgres://… (skipped on SQLite, whose single writer serialises anyway).
"""

import time
from datetime import date

import pytest
from django.db import connection

from rathaus.core import audit
from rathaus.dogtax.models import Tag, TaxAccount
from rathaus.dogtax.services import account_for_keeper, dog_register, statute_seed, tag_replace
from tests.eservices.test_concurrency import run_together
from tests.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")


@pytest.fixture
def slow_audit(monkeypatch):
    """Hold each transaction a little longer, so that the racing threads really overlap."""
    original = audit.audit_record

    def slow(**kwargs):
        time.sleep(0.2)
        return original(**kwargs)

    monkeypatch.setattr("rathaus.dogtax.services.register.audit_record", slow)


def test_parallel_accounts_and_dogs_get_distinct_numbers(slow_audit):
    statute_seed()
    users = [UserFactory() for _ in range(4)]

    def register(user):
        def call():
            account = account_for_keeper(user=user, name="Keeper")
            return dog_register(account=account, name="Dog", kept_since=date(2024, 1, 1))

        return call

    results = run_together(*(register(user) for user in users))

    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted(TaxAccount.objects.values_list("number", flat=True)) == [
        f"HSt-{n:06d}" for n in range(1, 5)
    ]
    assert sorted(Tag.objects.values_list("number", flat=True)) == [f"{n:05d}" for n in range(1, 5)]


def test_a_tag_replaced_twice_at_once_is_replaced_once(slow_audit):
    statute_seed()
    account = account_for_keeper(user=UserFactory(), name="Keeper")
    tag = dog_register(account=account, name="Dog", kept_since=date(2024, 1, 1)).tags.get()

    results = run_together(lambda: tag_replace(tag=tag), lambda: tag_replace(tag=tag))

    assert len([r for r in results if isinstance(r, Tag)]) == 1
    assert Tag.objects.filter(invalidated_on__isnull=True).count() == 1
