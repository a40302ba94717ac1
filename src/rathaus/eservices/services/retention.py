"""Retention: what has expired is deleted (drafts) or anonymised (finished cases).

Run daily by the scheduler (job `eservices.apply_retention`) or by
`manage.py eservices_retention` (cron or a systemd timer). Periods are per service; see ADR 0013.
With archiving on (ADR 0281), an expired case is first handed to the archive and anonymised only
once the archive has acknowledged it.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from rathaus.core.audit import audit_record
from rathaus.core.fragments import changed_for
from rathaus.eservices import conf, workflow
from rathaus.eservices.models import (
    Case,
    Draft,
    Mandate,
    ResumeLink,
    Service,
    Upload,
)
from rathaus.eservices.selectors.archive import anonymisation_allowed, archive_wanted
from rathaus.eservices.services.archive import (
    AnonymisationHeld,
    transfer_attempt,
    transfer_schedule,
)
from rathaus.eservices.services.cases import case_transition
from rathaus.eservices.services.drafts import draft_delete
from rathaus.eservices.services.uploads import upload_discard


@transaction.atomic
def case_anonymise(*, case: Case, actor=None) -> Case:
    """Remove everything personal from a case; keep the skeleton for statistics.

    Kept: reference, service, department, status, outcome, dates, the timeline (which holds no
    personal data). Deleted: answers, applicant, messages, notes, uploads, receipt, notices,
    payment details and mandates used only here.

    With archiving on, a case the archive has not acknowledged is never anonymised
    (AnonymisationHeld): callers ask `anonymisation_allowed` first.
    """
    case = Case.objects.select_for_update().select_related("service").get(pk=case.pk)
    if case.anonymised_at is not None:
        return case
    if not anonymisation_allowed(case):
        raise AnonymisationHeld(f"{case.reference} awaits the archive's acknowledgement.")
    for upload in Upload.objects.filter(case=case):
        upload_discard(upload=upload)
    for notice in case.notices.all():
        notice.file.delete(save=False)
        notice.delete()
    if case.receipt:
        case.receipt.delete(save=False)
    case.messages.all().delete()
    case.notes.all().delete()
    mandate_ids = set(case.payments.exclude(mandate=None).values_list("mandate_id", flat=True))
    case.payments.update(mandate=None)
    Mandate.objects.filter(pk__in=mandate_ids, payments__isnull=True).delete()
    case.answers = {}
    changed_for(case.applicant_id)  # the case leaves the person's mailbox (saved without them)
    case.applicant = None
    case.applicant_name = ""
    case.receipt = ""
    case.receipt_sha256 = ""
    case.anonymised_at = timezone.now()
    case.save()
    audit_record(actor=actor, action="eservices.case.anonymise", target=case)
    return case


def retention_apply(*, now=None) -> dict:
    """Apply every expired period; returns what was done, by kind."""
    now = now or timezone.now()
    done = {
        "drafts_deleted": 0,
        "cases_closed": 0,
        "cases_handed_to_archive": 0,
        "cases_anonymised": 0,
        "links_deleted": 0,
    }
    for service in Service.objects.all():
        drafts = Draft.objects.filter(
            service=service, updated_at__lt=now - timedelta(days=service.draft_retention_days)
        )
        for draft in drafts:
            draft_delete(draft=draft, actor=None)
            done["drafts_deleted"] += 1
        expired = Case.objects.filter(
            service=service,
            status__in=workflow.FINAL,
            finished_at__lt=now - timedelta(days=service.case_retention_days),
            anonymised_at__isnull=True,
        ).select_related("service")
        for case in expired:
            if anonymisation_allowed(case):
                case_anonymise(case=case)
                done["cases_anonymised"] += 1
            elif archive_wanted(case):
                transfer = transfer_schedule(case=case)
                if transfer.attempts == 0:
                    transfer_attempt(transfer=transfer)
                    done["cases_handed_to_archive"] += 1
    decided = Case.objects.filter(
        status=workflow.DECIDED,
        decided_at__lt=now - timedelta(days=conf.close_decided_after_days()),
    )
    for case in decided:
        case_transition(case=case, to=workflow.CLOSED, actor=None, actor_kind=workflow.SYSTEM)
        done["cases_closed"] += 1
    links = ResumeLink.objects.filter(Q(expires_at__lt=now) | Q(draft__case__isnull=False))
    done["links_deleted"] = links.delete()[0]
    if any(done.values()):
        audit_record(actor=None, action="eservices.retention.apply", after=done)
    return done
