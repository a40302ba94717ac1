"""A citizen's rights: download all their data, delete their account (GDPR Art. 15, 17, 20)."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from rathaus.core.audit import audit_record
from rathaus.eservices import workflow
from rathaus.eservices.models import Case, Draft, Mandate
from rathaus.eservices.services.cases import case_transition
from rathaus.eservices.services.drafts import draft_delete
from rathaus.eservices.services.retention import case_anonymise


class AccountNotDeletable(Exception):
    """Staff accounts are removed by an administrator, not by the person."""


def _case_data(case: Case) -> dict:
    return {
        "reference": case.reference,
        "service": case.service.name_de,
        "leika": case.service.leika,
        "status": case.status,
        "outcome": case.outcome,
        "submitted_at": case.submitted_at,
        "decided_at": case.decided_at,
        "answers": case.answers,
        "timeline": [
            {"at": event.at, "kind": event.kind, "status": event.to_status}
            for event in case.events.all()
            if event.visible_to_citizen
        ],
        "messages": [
            {
                "at": message.created_at,
                "from": "department" if message.from_staff else "you",
                "text": message.body,
                "attachments": [upload.original_name for upload in message.attachments.all()],
            }
            for message in case.messages.all()
        ],
        "payments": [
            {
                "amount": payment.amount,
                "purpose": payment.purpose,
                "reference": payment.remittance,
                "due_on": payment.due_on,
                "status": payment.status,
                "paid_on": payment.paid_at,
            }
            for payment in case.payments.all()
        ],
        "notices": [f"notices/{notice.pk}-{case.reference}.pdf" for notice in case.notices.all()],
    }


def personal_data_export(*, user) -> bytes:
    """A zip with data.json (everything about the person here) and their PDFs and uploads."""
    cases = (
        Case.objects.filter(applicant=user)
        .select_related("service")
        .prefetch_related("events", "messages__attachments", "payments", "notices", "uploads")
    )
    drafts = Draft.objects.filter(user=user, case__isnull=True).select_related("service")
    data = {
        "exported_at": timezone.now(),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "language": user.language,
            "joined": user.date_joined,
        },
        "unfinished_applications": [
            {
                "service": draft.service.name_de,
                "answers": draft.answers,
                "changed": draft.updated_at,
            }
            for draft in drafts
        ],
        "cases": [_case_data(case) for case in cases],
        "direct_debit_mandates": [
            {"reference": mandate.reference, "iban": mandate.iban, "signed_on": mandate.signed_on}
            for mandate in Mandate.objects.filter(user=user)
        ],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        )
        for case in cases:
            if case.receipt:
                archive.writestr(f"receipts/{case.reference}.pdf", case.receipt.read())
            for notice in case.notices.all():
                archive.writestr(f"notices/{notice.pk}-{case.reference}.pdf", notice.file.read())
            for upload in case.uploads.all():
                archive.writestr(
                    f"uploads/{case.reference}/{upload.pk}.{upload.kind}", upload.file.read()
                )
    audit_record(actor=user, action="eservices.privacy.export", target=user)
    return buffer.getvalue()


@transaction.atomic
def account_delete(*, user) -> dict:
    """Delete the person's account and what may go with it.

    Unfinished applications are deleted, open cases withdrawn. Cases still under their legal
    retention period stay with the department (detached from the account); cases whose period
    has passed are anonymised now. Mandates are revoked.
    """
    if user.is_staff:
        raise AccountNotDeletable
    now = timezone.now()
    result = {"drafts_deleted": 0, "cases_withdrawn": 0, "cases_kept": 0, "cases_anonymised": 0}
    for draft in Draft.objects.filter(user=user, case__isnull=True):
        draft_delete(draft=draft, actor=user)
        result["drafts_deleted"] += 1
    for case in Case.objects.filter(applicant=user).select_related("service"):
        if case.status in workflow.OPEN:
            case = case_transition(
                case=case, to=workflow.WITHDRAWN, actor=user, actor_kind=workflow.CITIZEN
            )
            result["cases_withdrawn"] += 1
        expired = case.finished_at is not None and case.finished_at < now - timedelta(
            days=case.service.case_retention_days
        )
        if expired:
            case_anonymise(case=case, actor=user)
            result["cases_anonymised"] += 1
        else:
            Case.objects.filter(pk=case.pk).update(applicant=None)
            result["cases_kept"] += 1
    Mandate.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=now, user=None)
    Mandate.objects.filter(user=user).update(user=None)
    audit_record(actor=user, action="eservices.privacy.account_delete", target=user, after=result)
    user.delete()
    return result
