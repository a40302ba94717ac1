"""Each trait of the case factory makes a case in the state it names."""

import pytest

from rathaus.eservices import workflow
from rathaus.eservices.models import Notice
from rathaus.eservices.models.payments import PaymentStatus
from tests.eservices.factories import FEE, CaseFactory, ServiceFactory

pytestmark = pytest.mark.django_db


def test_a_service_has_its_form_published():
    service = ServiceFactory()

    assert service.is_open
    assert service.versions.get().schema == service.form_working_copy


def test_a_case_is_submitted_by_default_and_with_the_submitted_trait():
    for case in (CaseFactory(), CaseFactory(submitted=True)):
        assert case.status == workflow.SUBMITTED
        assert case.reference and case.answers["given_name"] == "Clara"


def test_a_case_in_review_is_being_worked_on():
    case = CaseFactory(in_review=True)

    assert case.status == workflow.IN_REVIEW and case.is_open


def test_a_decided_case_has_a_notice_and_no_payment():
    case = CaseFactory(decided=True)

    assert (case.status, case.outcome) == (workflow.DECIDED, "granted")
    assert case.decided_at is not None
    assert Notice.objects.filter(case=case).count() == 1
    assert not case.payments.exists()


def test_a_paid_case_was_decided_with_a_fee_that_a_statement_paid():
    case = CaseFactory(paid=True)

    payment = case.payments.get()
    assert case.status == workflow.DECIDED
    assert (payment.amount, payment.status) == (FEE, PaymentStatus.PAID)
    assert payment.paid_at is not None


def test_a_closed_case_is_final():
    case = CaseFactory(closed=True)

    assert case.status == workflow.CLOSED
    assert case.decided_at is not None and case.finished_at is not None
