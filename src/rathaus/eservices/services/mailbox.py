"""Messages between a department and the citizen, and the e-mail that says something is new."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils import timezone

from rathaus.core.audit import audit_record
from rathaus.core.fragments import changed_for
from rathaus.core.taskruntime import enqueue_after_commit
from rathaus.eservices import workflow
from rathaus.eservices.models import Case, CaseEvent, Message
from rathaus.eservices.models.cases import EventKind, MessageKind
from rathaus.eservices.services.cases import case_lock, case_transition
from rathaus.eservices.services.uploads import upload_store


class CaseNotOpen(Exception):
    """Messages can only be exchanged while the case is open."""


def citizen_notify(case: Case) -> None:
    """After commit, e-mail the applicant that there is news (no content, no personal data)."""
    if case.applicant_id is None:
        return
    enqueue_after_commit("eservices.mailbox_notification", case.applicant_id, uuid.uuid4().hex)


def _message(*, case: Case, kind: str, from_staff: bool, sender, body: str) -> Message:
    message = Message.objects.create(
        case=case, kind=kind, from_staff=from_staff, sender=sender, body=body.strip()
    )
    CaseEvent.objects.create(case=case, at=message.created_at, kind=EventKind.MESSAGE, actor=sender)
    audit_record(
        actor=sender,
        action=f"eservices.message.{kind}",
        target=case,
        after={"message": message.pk},
    )
    return message


@transaction.atomic
def message_ask(*, case: Case, body: str, actor, expected: str | None = None) -> Message:
    """A clerk asks the citizen something; the case waits for the answer."""
    locked = case_transition(
        case=case, to=workflow.WAITING, actor=actor, actor_kind=workflow.STAFF, expected=expected
    )
    message = _message(
        case=locked, kind=MessageKind.QUESTION, from_staff=True, sender=actor, body=body
    )
    citizen_notify(locked)
    return message


@transaction.atomic
def message_inform(*, case: Case, body: str, actor) -> Message:
    """A clerk tells the citizen something without waiting for an answer."""
    locked = case_lock(case)
    message = _message(
        case=locked, kind=MessageKind.INFORMATION, from_staff=True, sender=actor, body=body
    )
    citizen_notify(locked)
    return message


@transaction.atomic
def message_reply(*, case: Case, body: str, user, files=()) -> Message:
    """The citizen writes to the department (with uploads); an answer resumes the review."""
    locked = case_lock(case)
    if locked.status not in workflow.OPEN:
        raise CaseNotOpen
    message = _message(
        case=locked, kind=MessageKind.REPLY, from_staff=False, sender=user, body=body
    )
    for uploaded in files:
        upload_store(owner=user, uploaded=uploaded, case=locked, message=message)
    if locked.status == workflow.WAITING:
        case_transition(case=locked, to=workflow.IN_REVIEW, actor=user, actor_kind=workflow.CITIZEN)
    return message


def messages_mark_read(*, case: Case, by_staff: bool) -> int:
    """Mark the other side's messages as read; returns how many were unread.

    When the case comes with its messages prefetched (the case pages) and none of the other
    side's is unread, nothing is written: showing a case page costs no transaction then."""
    shown = getattr(case, "_prefetched_objects_cache", {}).get("messages")
    if shown is not None and not any(
        message.from_staff != by_staff and message.read_at is None for message in shown
    ):
        return 0
    with transaction.atomic():
        marked = Message.objects.filter(
            case=case, from_staff=not by_staff, read_at__isnull=True
        ).update(read_at=timezone.now())
        if marked:
            changed_for(case.applicant_id)  # the mailbox counts the unread messages
        return marked
