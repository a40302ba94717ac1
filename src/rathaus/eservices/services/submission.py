"""Submitting a draft: exactly one case with a gap-free reference, however often it is sent.

The draft row is locked first, so a double click or two parallel requests queue up behind each
other; the second finds the case the first created and returns it. The case's unique
idempotency key (the draft's) is the database's own guarantee behind that lock.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from rathaus.core.audit import audit_record
from rathaus.core.taskruntime import enqueue_after_commit
from rathaus.eservices import conf, workflow
from rathaus.eservices.formschema import Issue, validate_answers
from rathaus.eservices.models import Case, CaseEvent, Draft, ReferenceCounter, Upload
from rathaus.eservices.models.cases import EventKind
from rathaus.eservices.services.drafts import ServiceNotOpen
from rathaus.eservices.services.handoff import deliveries_schedule
from rathaus.eservices.services.uploads import upload_discard
from rathaus.eservices.sources import check_issues, form_for


class SubmissionInvalid(Exception):
    def __init__(self, issues: list[Issue]):
        self.issues = issues
        super().__init__(issues)


def reference_next(*, year: int) -> str:
    """The next reference of the year; call inside the transaction that creates the case.

    The counter row stays locked until that transaction ends, so numbers are unique, and a
    rolled-back submission gives its number back: the sequence has no gaps.
    """
    counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return workflow.format_reference(conf.reference_prefix(), year, counter.last)


def _referenced_uploads(answers: dict) -> set[str]:
    """Upload ids named by file answers, also those inside entries of repeating groups."""
    values = []
    for value in answers.values():
        if isinstance(value, list):
            values.extend(
                part for entry in value if isinstance(entry, dict) for part in entry.values()
            )
        else:
            values.append(value)
    return {value["upload"] for value in values if isinstance(value, dict) and value.get("upload")}


def draft_submit(*, draft: Draft, user) -> Case:
    """Turn the draft into a case, or return the case an earlier identical submit created."""
    try:
        return _submit(draft_id=draft.pk, user=user)
    except IntegrityError:
        # Only reachable if the lock was bypassed: the unique key still allows one case.
        existing = Case.objects.filter(idempotency_key=draft.idempotency_key).first()
        if existing is None:
            raise
        return existing


@transaction.atomic
def _submit(*, draft_id: int, user) -> Case:
    draft = (
        Draft.objects.select_for_update(of=("self",))
        .select_related("service", "service__unit", "form_version")
        .get(pk=draft_id, user=user)
    )
    if draft.case_id is not None:
        return Case.objects.get(pk=draft.case_id)
    service = draft.service
    if not service.is_open:
        raise ServiceNotOpen
    schema = form_for(draft.form_version.form, user)
    clean, issues = validate_answers(schema, draft.answers, today=timezone.localdate())
    if not issues:
        issues = check_issues(schema, clean, user)
    uploads = _referenced_uploads(clean)
    if uploads and Upload.objects.filter(pk__in=uploads, draft=draft).count() != len(uploads):
        issues.append(Issue("", "invalid_file"))
    if issues:
        raise SubmissionInvalid(issues)
    now = timezone.now()
    case = Case.objects.create(
        reference=reference_next(year=timezone.localdate(now).year),
        service=service,
        form_version=draft.form_version,
        unit=service.unit,
        applicant=user,
        applicant_name=(user.display_name or user.email)[:200],
        language=user.language,
        answers=clean,
        submitted_at=now,
        due_on=timezone.localdate(now) + timedelta(days=service.processing_days),
        idempotency_key=draft.idempotency_key,
    )
    for upload in Upload.objects.filter(draft=draft):
        if str(upload.pk) in uploads:
            Upload.objects.filter(pk=upload.pk).update(case=case, draft=None)
        else:
            upload_discard(upload=upload)
    draft.case = case
    draft.answers = {}
    draft.save(update_fields=["case", "answers", "updated_at"])
    CaseEvent.objects.create(
        case=case, at=now, kind=EventKind.SUBMITTED, to_status=case.status, actor=user
    )
    audit_record(
        actor=user,
        action="eservices.case.submit",
        target=case,
        after={
            "service": service.slug,
            "form_version": draft.form_version.number,
            "unit": service.unit.slug,
        },
    )
    # Scheduled in the same transaction: the case is handed over even if the task is lost.
    deliveries_schedule(case=case)
    enqueue_after_commit("eservices.process_submission", case.pk)
    return case
