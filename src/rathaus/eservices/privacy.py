"""The online services' part of a person's data export and account deletion.

Registered with `rathaus.accounts.privacy` (GDPR Art. 15, 17, 20); the page and the ZIP are
the account's.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from rathaus.accounts.privacy import ExportPart
from rathaus.core.fragments import changed_for
from rathaus.eservices import workflow
from rathaus.eservices.models import Case, Draft, Letter, Mandate
from rathaus.eservices.selectors.archive import anonymisation_allowed
from rathaus.eservices.services.cases import case_transition
from rathaus.eservices.services.drafts import draft_delete
from rathaus.eservices.services.retention import case_anonymise


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


def services_export(user) -> ExportPart:
    """The online services' part of the person's data export: JSON plus receipts, notices and
    uploads as files."""
    cases = (
        Case.objects.filter(applicant=user)
        .select_related("service")
        .prefetch_related("events", "messages__attachments", "payments", "notices", "uploads")
    )
    drafts = Draft.objects.filter(user=user, case__isnull=True).select_related("service")
    data = {
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
        "letters": [
            {"title": letter.title, "sender": letter.sender, "issued_at": letter.issued_at}
            for letter in Letter.objects.filter(recipient=user)
        ],
    }
    files = {}
    for case in cases:
        if case.receipt:
            files[f"receipts/{case.reference}.pdf"] = case.receipt.read()
        for notice in case.notices.all():
            files[f"notices/{notice.pk}-{case.reference}.pdf"] = notice.file.read()
        for upload in case.uploads.all():
            files[f"uploads/{case.reference}/{upload.pk}.{upload.kind}"] = upload.file.read()
    for letter in Letter.objects.filter(recipient=user):
        files[f"letters/{letter.pk}.pdf"] = letter.file.read()
    return ExportPart(data=data, files=files)


def services_erase(user) -> dict:
    """What the online services do before an account is deleted (in its transaction).

    Unfinished applications are deleted, open cases withdrawn. Cases still under their legal
    retention period stay with the department (detached from the account); cases whose period
    has passed are anonymised now, unless they await the archive (then they stay detached, and
    retention hands them over). Mandates are revoked.
    """
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
        if expired and anonymisation_allowed(case):
            case_anonymise(case=case, actor=user)
            result["cases_anonymised"] += 1
        else:
            Case.objects.filter(pk=case.pk).update(applicant=None)
            changed_for(user.pk)
            result["cases_kept"] += 1
    Mandate.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=now, user=None)
    Mandate.objects.filter(user=user).update(user=None)
    return result
