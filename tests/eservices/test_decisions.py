import hashlib
from decimal import Decimal

import pytest
from django.core import mail

from rathaus.eservices import workflow
from rathaus.eservices.handlers import Decision, Outcome
from rathaus.eservices.models import Notice, PaymentRequest
from rathaus.eservices.models.immutable import ImmutableError
from rathaus.eservices.services.cases import TransitionNotAllowed
from rathaus.eservices.services.decisions import case_decide
from tests.eservices.pdfcheck import pdf_facts
from tests.factories import UserFactory


def test_deciding_issues_an_archivable_notice_into_the_mailbox(
    make_case, citizen, tax_clerk, django_capture_on_commit_callbacks
):
    case = make_case(citizen)

    with django_capture_on_commit_callbacks(execute=True):
        notice = case_decide(
            case=case,
            decision=Decision(outcome=Outcome.GRANTED, text="The proof is complete."),
            actor=tax_clerk,
        )

    case.refresh_from_db()
    assert (case.status, case.outcome) == (workflow.DECIDED, "granted")
    content = notice.file.read()
    assert notice.sha256 == hashlib.sha256(content).hexdigest()
    facts = pdf_facts(content)
    assert facts["pdfa_part"]
    assert case.reference in facts["text"]
    assert "The proof is complete." in facts["text"]
    assert "Widerspruch" in facts["text"]
    assert len(mail.outbox) == 1 and "complete" not in mail.outbox[0].body


def test_a_notice_with_an_amount_asks_for_payment_with_a_girocode(make_case, citizen, tax_clerk):
    case = make_case(citizen)

    notice = case_decide(
        case=case,
        decision=Decision(outcome=Outcome.GRANTED, text="Fee due.", amount=Decimal("30.70")),
        actor=tax_clerk,
    )

    payment = PaymentRequest.objects.get(case=case)
    assert payment.amount == Decimal("30.70")
    assert payment.remittance == f"{case.reference}-1"
    text = pdf_facts(notice.file.read())["text"]
    assert payment.remittance in text
    assert "30,70" in text


def test_the_notice_speaks_the_applicants_language(make_case, tax_clerk):
    english = UserFactory(english=True)
    case = make_case(english)

    notice = case_decide(
        case=case, decision=Decision(outcome=Outcome.REJECTED, text="Missing."), actor=tax_clerk
    )

    assert notice.language == "en"
    assert notice.title.startswith("Notice on your application")
    assert "is rejected" in pdf_facts(notice.file.read())["text"]


def test_a_notice_cannot_be_changed_once_issued(make_case, tax_clerk):
    notice = case_decide(
        case=make_case(), decision=Decision(outcome=Outcome.NOTED, text="ok"), actor=tax_clerk
    )

    notice.title = "Something else"
    with pytest.raises(ImmutableError):
        notice.save()
    with pytest.raises(ImmutableError):
        Notice.objects.filter(pk=notice.pk).update(title="x")


def test_a_decided_case_cannot_be_decided_again(make_case, tax_clerk):
    case = make_case()
    case_decide(case=case, decision=Decision(outcome=Outcome.GRANTED, text="ok"), actor=tax_clerk)

    with pytest.raises(TransitionNotAllowed):
        case_decide(
            case=case, decision=Decision(outcome=Outcome.REJECTED, text="no"), actor=tax_clerk
        )

    assert Notice.objects.count() == 1
