"""The dog tax in "download all my data" and in deleting an account."""

import io
import json
import os
import zipfile
from datetime import date

import pytest
from django.core.files.base import ContentFile

from rathaus.accounts.privacy import account_delete, personal_data_export
from rathaus.core.models import AuditEntry
from rathaus.dogtax.models import AssessmentItem, AssessmentRun, Dog, TaxAccount
from rathaus.dogtax.services import (
    dog_deregister,
    notice_record,
)
from tests.dogtax.factories import ADDRESS, DogFactory, TaxAccountFactory
from tests.factories import UserFactory


def export(user) -> dict:
    archive = zipfile.ZipFile(io.BytesIO(personal_data_export(user=user)))
    return json.loads(archive.read("data.json"))


def test_the_export_holds_accounts_dogs_tags_and_notices(stored_statute):
    user = UserFactory()
    account = TaxAccountFactory(keeper=user, name="Clara Citizen")
    DogFactory(account=account, name="Bello", breed="Pudel", kept_since=date(2024, 5, 10))
    notice_record(account=account, year=2026, kind="annual")
    TaxAccountFactory(keeper=UserFactory(), name="Someone Else", address={})

    data = export(user)["dogtax"]["tax_accounts"]

    assert len(data) == 1
    assert data[0]["tax_account"] == account.number and data[0]["address"] == ADDRESS
    assert data[0]["dogs"][0]["name"] == "Bello"
    assert data[0]["dogs"][0]["tags"][0]["number"] == "00001"
    assert data[0]["notices"][0]["total"] == "120.00"


def test_deleting_the_account_keeps_the_tax_record_detached(stored_statute):
    user = UserFactory()
    account = TaxAccountFactory(keeper=user, name="Clara Citizen")
    DogFactory(account=account, name="Bello", kept_since=date(2024, 5, 10))

    account_delete(user=user)

    account.refresh_from_db()
    assert account.keeper is None and account.keeper_name == "Clara Citizen"
    assert Dog.objects.get().name == "Bello"
    assert AuditEntry.objects.filter(action="dogtax.account.detach").exists()


def test_a_household_past_the_retention_period_is_anonymised(stored_statute):
    user = UserFactory()
    account = TaxAccountFactory(keeper=user, name="Clara Citizen")
    TaxAccount.objects.filter(pk=account.pk).update(created_at="2010-01-01T00:00Z")
    dog = DogFactory(account=account, name="Bello", kept_since=date(2010, 1, 1))
    dog_deregister(
        dog=dog,
        given_up_on=date(2012, 3, 1),
        reason="given_away",
        new_keeper_name="Nora Neu",
        new_keeper_address="Weg 1",
    )

    run = AssessmentRun.objects.create(year=2011, issued_on=date(2011, 1, 10))
    item = AssessmentItem.objects.create(
        run=run, account=account, state="done", file=ContentFile(b"%PDF-1.7", name="notice.pdf")
    )
    stored = item.file.path

    assert account_delete(user=user)["dogtax"] == {"accounts_kept": 0, "accounts_anonymised": 1}

    item.refresh_from_db()
    assert not item.file and not os.path.exists(stored)

    account.refresh_from_db()
    assert account.keeper_name == "–" and account.street == ""
    dog.refresh_from_db()
    assert dog.name == "–" and dog.new_keeper_name == ""
    assert dog.tags.exists()  # the numbers stay used, never given again


@pytest.mark.django_db
def test_a_person_without_dogs_has_an_empty_part():
    assert export(UserFactory())["dogtax"] == {"tax_accounts": []}
