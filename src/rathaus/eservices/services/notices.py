"""Issuing a notice: render the letter to PDF/A once, keep it unchangeably with its checksum."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation

from rathaus.accounts.selectors import verified_attributes
from rathaus.core.audit import audit_record
from rathaus.eservices.documents.pdf import render_pdf, sha256_hex
from rathaus.eservices.handlers import NoticeSpec
from rathaus.eservices.models import Case, CaseEvent, Notice, PaymentRequest
from rathaus.eservices.models.cases import EventKind


def recipient_for(case: Case) -> dict:
    """Name and postal address: the first address answered in the form, else the verified one."""
    address = next(
        (
            value
            for value in case.answers.values()
            if isinstance(value, dict) and {"street", "postal_code", "city"} <= set(value)
        ),
        None,
    )
    if address is None and case.applicant is not None:
        verified = verified_attributes(case.applicant).get("address")
        if verified is not None and isinstance(verified.value, dict):
            address = {
                "street": verified.value.get("street_address", ""),
                "postal_code": verified.value.get("postal_code", ""),
                "city": verified.value.get("locality", ""),
            }
    address = address or {"street": "", "postal_code": "", "city": ""}
    return {"name": case.applicant_name, **address}


def payment_context(payment: PaymentRequest | None) -> dict | None:
    """What the letter prints about paying: transfer with GiroCode, or the direct debit."""
    if payment is None:
        return None
    section = {
        "amount": payment.amount,
        "reference": payment.remittance,
        "text": payment.purpose[:100],
        "due_on": payment.due_on,
    }
    if payment.mandate is not None:
        section["direct_debit"] = {
            "mandate_reference": payment.mandate.reference,
            "iban": payment.mandate.iban,
        }
    return section


def _signatory(actor) -> dict | None:
    if not getattr(actor, "is_authenticated", False):
        return None
    return {"name": actor.display_name or actor.email, "on_behalf": True}


@transaction.atomic
def notice_issue(
    *,
    case: Case,
    spec: NoticeSpec,
    actor,
    payment: PaymentRequest | None = None,
    legal_remedy: bool = True,
) -> Notice:
    """Render the notice in the applicant's language and store it with its SHA-256."""
    now = timezone.now()
    with translation.override(case.language):
        context = {
            "recipient": recipient_for(case),
            "department": case.unit.name,
            "contact": {"phone": case.unit.phone, "email": case.unit.email},
            "reference": case.reference,
            "date": timezone.localdate(now),
            "subject": spec.title,
            # A notice that assesses a charge: an objection does not suspend payment.
            "legal_remedy": ({"levy": True} if payment else True) if legal_remedy else False,
            "payment": payment_context(payment),
            "signatory": _signatory(actor),
            **spec.context,
        }
        content = render_pdf(template=spec.template, context=context, language=case.language)
    notice = Notice(
        case=case,
        title=str(spec.title)[:200],
        template=spec.template,
        language=case.language,
        sha256=sha256_hex(content),
        issued_at=now,
        issued_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    notice.file.save(f"{case.reference}-notice.pdf", ContentFile(content), save=False)
    notice.save()
    CaseEvent.objects.create(case=case, at=now, kind=EventKind.NOTICE, actor=notice.issued_by)
    audit_record(
        actor=actor,
        action="eservices.notice.issue",
        target=case,
        after={"notice": notice.pk, "sha256": notice.sha256, "template": spec.template},
    )
    return notice
