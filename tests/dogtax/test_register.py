"""The dog register's services: accounts, dogs, tags, exemptions, assessment, notice records."""

from datetime import date
from decimal import Decimal

import pytest

from rathaus.core.models import AuditEntry
from rathaus.dogtax.models import DogEvent, Tag, TaxNotice
from rathaus.dogtax.selectors import assess_account
from rathaus.dogtax.services import (
    RegisterError,
    account_change_address,
    account_for_keeper,
    dog_deregister,
    dog_register,
    exemption_grant,
    notice_record,
    tag_issue,
    tag_replace,
)
from tests.dogtax.factories import ADDRESS, TaxAccountFactory
from tests.factories import UserFactory


@pytest.fixture
def account(stored_statute):
    return TaxAccountFactory(keeper=UserFactory(), name="Clara Citizen")


def test_an_account_is_opened_once_per_keeper_with_a_running_number(stored_statute):
    user = UserFactory()
    first = account_for_keeper(user=user, name="Clara Citizen", address=ADDRESS)
    again = account_for_keeper(user=user, name="Clara C.", address={})
    other = account_for_keeper(user=None, name="Imported Household")
    assert first == again
    assert first.number == "HSt-000001"
    assert other.number == "HSt-000002"
    assert AuditEntry.objects.filter(action="dogtax.account.open").count() == 2


def test_registering_issues_a_tag_and_is_idempotent_per_case(account):
    dog = dog_register(account=account, name="Bello", kept_since=date(2024, 5, 10), source="KL-1")
    same = dog_register(account=account, name="Bello", kept_since=date(2024, 5, 10), source="KL-1")
    assert same == dog
    assert [tag.number for tag in dog.tags.all()] == ["00001"]
    assert DogEvent.objects.filter(account=account, kind=DogEvent.Kind.REGISTERED).count() == 1


def test_tag_numbers_are_unique_and_never_reused(account):
    dog = dog_register(account=account, name="Bello", kept_since=date(2024, 5, 10))
    first = dog.tags.get()
    second = tag_replace(tag=first)
    first.refresh_from_db()
    assert first.invalidation_reason == "lost" and first.invalidated_on is not None
    assert second.number == "00002"
    luna = dog_register(account=account, name="Luna", kept_since=date(2025, 1, 1), with_tag=False)
    third = tag_issue(dog=luna)
    assert third.number == "00003"
    assert Tag.objects.count() == len({tag.number for tag in Tag.objects.all()}) == 3
    with pytest.raises(RegisterError):
        tag_replace(tag=first)


def test_a_second_dog_has_rank_two(account):
    bello = dog_register(account=account, name="Bello", kept_since=date(2020, 1, 1))
    luna = dog_register(account=account, name="Luna", kept_since=date(2026, 3, 3))
    result = assess_account(account, 2026)
    by_ref = {dog.ref: dog for dog in result.dogs}
    assert by_ref[str(bello.pk)].amount == Decimal("120.00")
    assert by_ref[str(luna.pk)].amount == Decimal("126.00")
    assert {month.rank for month in by_ref[str(luna.pk)].months} == {2}


def test_deregistration_ends_liability_and_invalidates_the_tag(account):
    first = dog_register(account=account, name="Bello", kept_since=date(2020, 1, 1))
    dog_register(account=account, name="Luna", kept_since=date(2021, 1, 1))
    dog_deregister(dog=first, given_up_on=date(2026, 6, 20), reason="died")
    assert assess_account(account, 2026).total == Decimal("204.00")  # 60 + 144
    assert first.tags.get().invalidation_reason == "returned"
    with pytest.raises(RegisterError):
        dog_deregister(dog=first, given_up_on=date(2026, 7, 1), reason="died")


def test_exemptions_are_granted_once_in_ten_years(account):
    first = dog_register(account=account, name="Bello", kept_since=date(2025, 12, 1))
    exemption_grant(dog=first, code="shelter")
    assert assess_account(account, 2026).total == Decimal("0.00")
    second = dog_register(account=account, name="Luna", kept_since=date(2026, 2, 1))
    with pytest.raises(RegisterError) as refused:
        exemption_grant(dog=second, code="shelter")
    assert refused.value.code == "exemption_limit_exceeded"
    second.refresh_from_db()
    assert second.exemption_code == ""
    with pytest.raises(RegisterError):
        exemption_grant(dog=second, code="cat")


def test_notices_supersede_each_other(account):
    dog_register(account=account, name="Bello", kept_since=date(2020, 1, 1))
    first = notice_record(account=account, year=2026, kind="registration")
    dog_register(account=account, name="Luna", kept_since=date(2026, 3, 3))
    second = notice_record(account=account, year=2026, kind="change")
    first.refresh_from_db()
    assert first.superseded_by == second
    assert second.previous_total == Decimal("120.00") and second.total == Decimal("246.00")
    assert [line["tag"] for line in second.dogs] == ["00001", "00002"]
    assert TaxNotice.objects.filter(superseded_by__isnull=True).get() == second


def test_an_address_change_is_audited_and_in_the_history(account):
    account_change_address(account=account, street="Neue Str. 2", postal_code="67657", city="KL")
    account.refresh_from_db()
    assert account.street == "Neue Str. 2"
    entry = AuditEntry.objects.get(action="dogtax.account.address")
    assert entry.before["street"] == "Marktstraße 1"
    assert account.events.filter(kind=DogEvent.Kind.ADDRESS_CHANGED).exists()
