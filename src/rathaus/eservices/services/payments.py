"""Payment requests, SEPA mandates, the pain.008 export and the camt.053 import."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from rathaus.core.audit import audit_record
from rathaus.core.municipality import municipality
from rathaus.eservices import conf
from rathaus.eservices.handlers import handler_for
from rathaus.eservices.models import (
    Case,
    CaseEvent,
    Mandate,
    PaymentRequest,
    SepaExport,
    StatementImport,
)
from rathaus.eservices.models.cases import EventKind
from rathaus.eservices.models.payments import PaymentStatus
from rathaus.eservices.payments.camt import (
    PaymentRequestRecord,
    match_entries,
    parse_camt053,
)
from rathaus.eservices.payments.mandates import (
    bic_for_iban,
    new_mandate_reference,
    normalize_iban,
)
from rathaus.eservices.payments.sepa import (
    Creditor,
    DirectDebit,
    build_pain008,
    validate_pain008,
)
from rathaus.eservices.selectors.payments import collectable_payments


class AlreadyImported(Exception):
    """This bank statement file was imported before."""


@transaction.atomic
def payment_request_create(
    *, case: Case, amount: Decimal, purpose: str, due_on: date, actor
) -> PaymentRequest:
    number = PaymentRequest.objects.filter(case=case).count() + 1
    payment = PaymentRequest.objects.create(
        case=case,
        amount=amount,
        purpose=purpose[:140],
        remittance=f"{case.reference}-{number}",
        due_on=due_on,
    )
    CaseEvent.objects.create(case=case, kind=EventKind.PAYMENT, actor=None)
    audit_record(
        actor=actor,
        action="eservices.payment.request",
        target=case,
        after={"payment": payment.pk, "amount": str(amount), "due_on": due_on.isoformat()},
    )
    return payment


@transaction.atomic
def mandate_grant(
    *, payment: PaymentRequest, user, debtor_name: str, iban: str, signed_on: date
) -> Mandate:
    """The citizen authorises the city to collect this payment by direct debit."""
    payment = PaymentRequest.objects.select_for_update().get(pk=payment.pk)
    if payment.status != PaymentStatus.OPEN:
        raise ValueError("Only open payments can be paid by direct debit.")
    compact = normalize_iban(iban)
    mandate = Mandate.objects.create(
        reference=uuid.uuid4().hex[:35],
        user=user,
        debtor_name=debtor_name.strip()[:70],
        iban=compact,
        bic=bic_for_iban(compact) or "",
        signed_on=signed_on,
    )
    mandate.reference = new_mandate_reference(prefix=conf.reference_prefix(), number=mandate.pk)
    mandate.save(update_fields=["reference"])
    payment.mandate = mandate
    payment.save(update_fields=["mandate"])
    audit_record(
        actor=user,
        action="eservices.mandate.grant",
        target=payment.case,
        after={"mandate": mandate.reference, "payment": payment.pk},
    )
    if payment.case is not None:
        handler_for(payment.case.service).on_mandate_granted(case=payment.case, mandate=mandate)
    return mandate


@transaction.atomic
def sepa_export_create(*, actor, unit_ids, collection_date: date) -> SepaExport | None:
    """A schema-valid pain.008 of every collectable payment of the units (None if none)."""
    payments = list(
        collectable_payments(unit_ids=unit_ids, collection_date=collection_date).select_for_update(
            of=("self",)
        )
    )
    if not payments:
        return None
    profile = municipality()
    creditor = Creditor(
        name=profile.bank_account_holder,
        iban=profile.iban,
        bic=profile.bic,
        creditor_id=profile.sepa_creditor_id,
    )
    debits = [
        DirectDebit(
            mandate_reference=payment.mandate.reference,
            mandate_signed_on=payment.mandate.signed_on,
            debtor_name=payment.mandate.debtor_name,
            debtor_iban=payment.mandate.iban,
            debtor_bic=payment.mandate.bic,
            amount=payment.amount,
            end_to_end_id=payment.remittance,
            remittance=f"{payment.remittance} {payment.purpose}"[:140],
            sequence_type="FRST" if payment.mandate.collections == 0 else "RCUR",
        )
        for payment in payments
    ]
    now = timezone.now()
    message_id = f"{conf.reference_prefix()}-{now:%Y%m%d%H%M%S}-{uuid.uuid4().hex[:8]}"
    xml = build_pain008(
        creditor=creditor, collection_date=collection_date, debits=debits, message_id=message_id
    )
    validate_pain008(xml)
    export = SepaExport(
        message_id=message_id,
        created_at=now,
        created_by=actor,
        collection_date=collection_date,
        count=len(payments),
        total=sum((payment.amount for payment in payments), Decimal("0")),
    )
    export.file.save(f"{message_id}.xml", ContentFile(xml), save=False)
    export.save()
    for payment in payments:
        payment.status = PaymentStatus.COLLECTING
        payment.export = export
        payment.save(update_fields=["status", "export"])
        Mandate.objects.filter(pk=payment.mandate_id).update(
            collections=payment.mandate.collections + 1
        )
    audit_record(
        actor=actor,
        action="eservices.payment.sepa_export",
        target=export,
        after={"count": export.count, "total": str(export.total)},
    )
    return export


@transaction.atomic
def statement_import(*, content: bytes, actor) -> StatementImport:
    """Book a camt.053 statement: each incoming amount that matches an unpaid request pays it.

    Raises CamtError (a ValueError with a translated message) for a file that is not a
    statement, AlreadyImported for a file booked before. Matching is the toolkit's: exact
    amount, the payment reference in the remittance text or end-to-end id (ADR 0023).
    """
    digest = hashlib.sha256(content).hexdigest()
    if StatementImport.objects.filter(sha256=digest).exists():
        raise AlreadyImported
    entries = parse_camt053(content)
    unpaid = {
        payment.pk: payment
        for payment in PaymentRequest.objects.select_for_update(of=("self",))
        .filter(status__in=[PaymentStatus.OPEN, PaymentStatus.COLLECTING])
        .select_related("case")
        .order_by("due_on", "pk")
    }
    records = [
        PaymentRequestRecord(request_id=pk, reference=payment.remittance, amount=payment.amount)
        for pk, payment in unpaid.items()
    ]
    matched = 0
    for entry, payment_id in match_entries(entries, records):
        payment = unpaid[payment_id]
        payment.status = PaymentStatus.PAID
        payment.paid_at = entry.booking_date
        payment.save(update_fields=["status", "paid_at"])
        CaseEvent.objects.create(case=payment.case, kind=EventKind.PAYMENT)
        audit_record(
            actor=actor,
            action="eservices.payment.paid",
            target=payment.case,
            after={"payment": payment.pk, "booked_on": entry.booking_date.isoformat()},
        )
        matched += 1
    record = StatementImport.objects.create(
        sha256=digest,
        imported_at=timezone.now(),
        imported_by=actor,
        entries=len(entries),
        matched=matched,
    )
    audit_record(
        actor=actor,
        action="eservices.payment.statement_import",
        target=record,
        after={"entries": len(entries), "matched": matched},
    )
    return record
