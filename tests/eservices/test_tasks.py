"""What happens after a submission: receipt, confirmation, automatic decision, hand-off."""

import json
from pathlib import Path

import pytest
from django.core import mail

from rathaus.eservices import handlers, workflow
from rathaus.eservices.handlers import Decision, Outcome, ServiceHandler
from rathaus.eservices.models import Delivery
from tests.eservices.documents.conftest import Pdf
from tests.eservices.pdfcheck import pdf_facts


@pytest.fixture
def auto_handler(service):
    class AlwaysGrant(ServiceHandler):
        key = "test.always_grant"

        def decide_automatically(self, *, case):
            return Decision(outcome=Outcome.GRANTED, text="Decided automatically.")

    handlers.register_handler(AlwaysGrant)
    service.handler = AlwaysGrant.key
    service.save()
    yield AlwaysGrant
    handlers._HANDLERS.pop(AlwaysGrant.key)


def test_a_submission_gets_a_pdf_receipt_and_a_mail_without_personal_data(
    make_case, citizen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(citizen)

    case.refresh_from_db()
    content = case.receipt.read()
    facts = pdf_facts(content)
    assert facts["pdfa_part"]
    assert case.reference in facts["text"]
    assert "Marktstraße 1" in facts["text"]
    _, name_y = Pdf(content).position_of(case.applicant_name)
    assert 62.7 < name_y < 90  # addressed to the applicant in the window of the letter
    assert len(mail.outbox) == 1
    body = mail.outbox[0].subject + mail.outbox[0].body
    assert case.reference in body
    for private in ("Clara", "Marktstraße", "proof", "Nachweis"):
        assert private not in body


def test_a_handler_can_decide_right_after_submission(
    auto_handler, make_case, citizen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(citizen)

    case.refresh_from_db()
    assert case.status == workflow.DECIDED
    assert case.notices.get().issued_by is None
    transition = case.events.get(kind="status")
    assert transition.actor is None


def test_cases_of_a_service_with_an_outbox_are_delivered_as_json_and_pdfs(
    service, make_case, citizen, settings, django_capture_on_commit_callbacks
):
    service.outboxes = ["folder"]
    service.save()

    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(citizen)

    folder = Path(settings.ESERVICES_OUTBOX_DIR) / case.reference
    data = json.loads((folder / "case.json").read_text())
    assert data["reference"] == case.reference
    assert data["service"]["leika"] == service.leika
    assert data["answers"]["details"] == "Here is my proof."
    assert (folder / f"{case.reference}-receipt.pdf").exists()
    assert any(path.name.startswith("proof-") for path in folder.iterdir())
    assert Delivery.objects.get().status == "delivered"


def test_the_hand_off_is_scheduled_with_the_submission_itself(service, make_case):
    service.outboxes = ["folder"]
    service.save()

    case = make_case()

    assert Delivery.objects.get(case=case).status == "pending"


def test_a_receipt_that_fails_now_stops_neither_mail_nor_hand_off(
    service, make_case, citizen, monkeypatch, settings, django_capture_on_commit_callbacks
):
    service.outboxes = ["folder"]
    service.save()

    def broken(**kwargs):
        raise RuntimeError("fonts missing")

    monkeypatch.setattr("rathaus.eservices.services.receipts.render_pdf", broken)
    with django_capture_on_commit_callbacks(execute=True):
        case = make_case(citizen)

    case.refresh_from_db()
    assert not case.receipt
    assert len(mail.outbox) == 1
    assert (Path(settings.ESERVICES_OUTBOX_DIR) / case.reference / "case.json").exists()
