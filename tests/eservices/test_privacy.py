import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.utils import timezone

from rathaus.accounts.models import User
from rathaus.accounts.personal_data import (
    AccountNotDeletable,
    account_delete,
    personal_data_export,
)
from rathaus.core.models import AuditEntry
from rathaus.eservices import workflow
from rathaus.eservices.handlers import Decision, Outcome
from rathaus.eservices.models import Case, Draft
from rathaus.eservices.services.cases import case_transition
from rathaus.eservices.services.decisions import case_decide
from rathaus.eservices.services.drafts import draft_start
from tests.eservices.factories import PDF
from tests.factories import sign_in


@pytest.fixture(autouse=True)
def _quick_pdfs(monkeypatch):
    monkeypatch.setattr("rathaus.eservices.documents.pdf.render_pdf", lambda **kwargs: PDF)


def test_the_export_holds_all_data_and_documents(make_case, citizen, tax_clerk, service):
    case = make_case(citizen)
    case_decide(case=case, decision=Decision(outcome=Outcome.GRANTED, text="ok"), actor=tax_clerk)
    from rathaus.eservices.services.receipts import receipt_store

    receipt_store(case=case)

    archive = zipfile.ZipFile(io.BytesIO(personal_data_export(user=citizen)))

    data = json.loads(archive.read("data.json"))
    assert data["account"]["email"] == citizen.email
    assert data["services"]["cases"][0]["reference"] == case.reference
    assert data["services"]["cases"][0]["answers"]["details"] == "Here is my proof."
    names = archive.namelist()
    assert f"services/receipts/{case.reference}.pdf" in names
    assert any(name.startswith("services/notices/") for name in names)
    assert any(name.startswith(f"services/uploads/{case.reference}/") for name in names)
    assert AuditEntry.objects.filter(action="user.personal_data_export").exists()


def test_the_export_page_downloads_a_zip(client, citizen, make_case):
    make_case(citizen)
    sign_in(client, citizen)

    response = client.post("/my-account/data/export/")

    assert response["Content-Type"] == "application/zip"
    assert zipfile.ZipFile(io.BytesIO(response.content)).read("data.json")


def test_deleting_the_account_keeps_retained_cases_detached_and_withdraws_open_ones(
    make_case, citizen, tax_clerk, service
):
    open_case = make_case(citizen)
    old_case = make_case(citizen)
    case_transition(
        case=old_case, to=workflow.WITHDRAWN, actor=citizen, actor_kind=workflow.CITIZEN
    )
    Case.objects.filter(pk=old_case.pk).update(
        finished_at=timezone.now() - timedelta(days=service.case_retention_days + 1)
    )
    draft_start(user=citizen, service=service)

    result = account_delete(user=citizen)

    assert result["services"] == {
        "drafts_deleted": 1,
        "cases_withdrawn": 1,
        "cases_kept": 1,
        "cases_anonymised": 1,
    }
    assert AuditEntry.objects.filter(action="user.account_delete").exists()
    assert not User.objects.filter(email="citizen@example.org").exists()
    assert not Draft.objects.filter(case__isnull=True).exists()
    open_case.refresh_from_db()
    old_case.refresh_from_db()
    assert (open_case.status, open_case.applicant, open_case.answers["details"]) == (
        "withdrawn",
        None,
        "Here is my proof.",
    )
    assert (old_case.anonymised_at is not None, old_case.answers) == (True, {})


def test_staff_cannot_delete_their_own_account_here(tax_clerk):
    with pytest.raises(AccountNotDeletable):
        account_delete(user=tax_clerk)


def test_the_delete_page_asks_for_the_email_address(client, citizen):
    sign_in(client, citizen)

    refused = client.post("/my-account/data/delete/", {"email": "someone@example.org"})
    assert refused.status_code == 400
    assert User.objects.filter(pk=citizen.pk).exists()

    done = client.post("/my-account/data/delete/", {"email": "Citizen@example.org"})
    assert done["Location"] == "/"
    assert not User.objects.filter(pk=citizen.pk).exists()
