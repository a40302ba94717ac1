from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from rathaus.core.models import AuditEntry
from rathaus.eservices.models import Mandate, PaymentRequest
from rathaus.eservices.payments.camt import CamtError
from rathaus.eservices.payments.sepa import validate_pain008
from rathaus.eservices.services.payments import (
    AlreadyImported,
    mandate_grant,
    payment_request_create,
    sepa_export_create,
    statement_import,
)
from tests.eservices.factories import DEBTOR_IBAN, statement


@pytest.fixture
def payment(make_case, citizen, tax_clerk):
    case = make_case(citizen)
    return payment_request_create(
        case=case,
        amount=Decimal("30.70"),
        purpose="Bewohnerparkausweis",
        due_on=timezone.localdate() + timedelta(days=14),
        actor=tax_clerk,
    )


def test_a_citizen_grants_a_mandate_with_a_checked_iban(payment, citizen):
    mandate = mandate_grant(
        payment=payment,
        user=citizen,
        debtor_name="Clara Citizen",
        iban="de89 3704 0044 0532 0130 00",
        signed_on=date(2026, 3, 1),
    )

    assert mandate.iban == DEBTOR_IBAN
    assert mandate.bic == "COBADEFFXXX"
    assert mandate.reference.startswith("KL-")
    payment.refresh_from_db()
    assert payment.mandate == mandate


def test_a_wrong_iban_is_explained(payment, citizen):
    with pytest.raises(ValueError, match="Prüfziffern"):
        mandate_grant(
            payment=payment,
            user=citizen,
            debtor_name="C",
            iban="DE88370400440532013000",
            signed_on=date(2026, 3, 1),
        )

    assert not Mandate.objects.exists()


def test_the_direct_debit_file_is_schema_valid_and_marks_the_payments_as_collecting(
    payment, citizen, tax_clerk, tax_office
):
    mandate_grant(
        payment=payment,
        user=citizen,
        debtor_name="Clara Citizen",
        iban=DEBTOR_IBAN,
        signed_on=date(2026, 3, 1),
    )
    collection = timezone.localdate() + timedelta(days=20)

    export = sepa_export_create(
        actor=tax_clerk, unit_ids={tax_office.pk}, collection_date=collection
    )

    xml = export.file.read()
    validate_pain008(xml)
    assert b"<SeqTp>FRST</SeqTp>" in xml
    assert payment.remittance.encode() in xml
    assert (export.count, export.total) == (1, Decimal("30.70"))
    payment.refresh_from_db()
    assert payment.status == "collecting"
    assert Mandate.objects.get().collections == 1
    assert (
        sepa_export_create(actor=tax_clerk, unit_ids={tax_office.pk}, collection_date=collection)
        is None
    )


def test_another_departments_payments_are_not_collected(
    payment, citizen, family_clerk, family_office
):
    mandate_grant(
        payment=payment,
        user=citizen,
        debtor_name="Clara Citizen",
        iban=DEBTOR_IBAN,
        signed_on=date(2026, 3, 1),
    )

    export = sepa_export_create(
        actor=family_clerk,
        unit_ids={family_office.pk},
        collection_date=timezone.localdate() + timedelta(days=20),
    )

    assert export is None


def test_a_bank_statement_marks_the_matching_payment_as_paid(payment, tax_clerk):
    content = statement(
        ("30.70", f"{payment.remittance} Parkausweis", ""), ("99.00", "unrelated", "")
    )

    record = statement_import(content=content, actor=tax_clerk)

    payment.refresh_from_db()
    assert (payment.status, payment.paid_at) == ("paid", date(2026, 3, 3))
    assert (record.entries, record.matched) == (2, 1)
    assert AuditEntry.objects.filter(action="eservices.payment.paid").count() == 1


def test_a_wrong_amount_or_a_repeated_statement_pays_nothing(payment, tax_clerk):
    statement_import(content=statement(("30.00", payment.remittance, "")), actor=tax_clerk)

    payment.refresh_from_db()
    assert payment.status == "open"
    with pytest.raises(AlreadyImported):
        statement_import(content=statement(("30.00", payment.remittance, "")), actor=tax_clerk)


def test_a_collected_direct_debit_is_found_by_its_end_to_end_id(payment, tax_clerk):
    PaymentRequest.objects.filter(pk=payment.pk).update(status="collecting")

    statement_import(
        content=statement(("30.70", "SEPA-LASTSCHRIFT", payment.remittance)), actor=tax_clerk
    )

    payment.refresh_from_db()
    assert payment.status == "paid"


def test_a_file_that_is_no_statement_is_refused_with_a_reason(tax_clerk, db):
    with pytest.raises(CamtError):
        statement_import(content=b"<html><body>bank</body></html>", actor=tax_clerk)


def test_a_later_notice_prints_the_direct_debit_instead_of_a_girocode(payment, citizen, tax_clerk):
    from rathaus.eservices.services.notices import payment_context

    mandate_grant(
        payment=payment,
        user=citizen,
        debtor_name="Clara Citizen",
        iban=DEBTOR_IBAN,
        signed_on=date(2026, 3, 1),
    )
    payment.refresh_from_db()

    assert payment_context(payment)["direct_debit"]["iban"] == DEBTOR_IBAN
