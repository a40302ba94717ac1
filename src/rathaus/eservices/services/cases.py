"""Changing a case: status (workflow table, row lock), assignment, notes, deadline."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from rathaus.core.audit import audit_record
from rathaus.eservices import workflow
from rathaus.eservices.models import Case, CaseEvent, CaseNote
from rathaus.eservices.models.cases import EventKind
from rathaus.organization.models import Membership, Role


class TransitionNotAllowed(Exception):
    """The workflow does not allow this change from the case's current status."""

    def __init__(self, current: str, target: str, *, stale: bool = False):
        self.current, self.target, self.stale = current, target, stale
        super().__init__(f"{current} → {target}" + (" (changed meanwhile)" if stale else ""))


def case_lock(case: Case) -> Case:
    """The case re-read under a row lock; call inside a transaction."""
    return (
        Case.objects.select_for_update(of=("self",))
        .select_related("service", "unit")
        .get(pk=case.pk)
    )


@transaction.atomic
def case_transition(
    *, case: Case, to: str, actor, actor_kind: str, expected: str | None = None
) -> Case:
    """Move the case to `to` if the workflow allows it for `actor_kind`.

    `expected` is the status the actor saw; when someone changed the case in the meantime the
    change is refused instead of silently applied to a state nobody looked at.
    """
    locked = case_lock(case)
    if expected is not None and locked.status != expected:
        raise TransitionNotAllowed(locked.status, to, stale=True)
    if not workflow.can_transition(locked.status, to, actor_kind):
        raise TransitionNotAllowed(locked.status, to)
    before = locked.status
    now = timezone.now()
    locked.status = to
    fields = ["status", "updated_at"]
    if to == workflow.DECIDED:
        locked.decided_at = now
        fields.append("decided_at")
    if to in workflow.FINAL:
        locked.finished_at = now
        fields.append("finished_at")
    locked.save(update_fields=fields)
    CaseEvent.objects.create(
        case=locked,
        at=now,
        kind=EventKind.STATUS,
        from_status=before,
        to_status=to,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit_record(
        actor=actor,
        action="eservices.case.transition",
        target=locked,
        before={"status": before},
        after={"status": to, "by": actor_kind},
    )
    return locked


@transaction.atomic
def case_assign(*, case: Case, assignee, actor) -> Case:
    """Give the case to a clerk of its department (or to nobody)."""
    locked = case_lock(case)
    if (
        assignee is not None
        and not Membership.objects.filter(
            user=assignee, unit=locked.unit, role__in=[Role.CLERK, Role.LEAD]
        ).exists()
    ):
        raise ValueError("Cases can only be assigned to staff of their department.")
    before = locked.assignee_id
    locked.assignee = assignee
    locked.save(update_fields=["assignee", "updated_at"])
    CaseEvent.objects.create(
        case=locked, kind=EventKind.ASSIGNED, actor=actor, visible_to_citizen=False
    )
    audit_record(
        actor=actor,
        action="eservices.case.assign",
        target=locked,
        before={"assignee": before},
        after={"assignee": assignee.pk if assignee else None},
    )
    return locked


@transaction.atomic
def case_note_add(*, case: Case, text: str, actor) -> CaseNote:
    """An internal note; the audit entry records that it was written, not what it says."""
    note = CaseNote.objects.create(case=case, author=actor, text=text.strip())
    audit_record(actor=actor, action="eservices.case.note", target=case, after={"note": note.pk})
    return note


@transaction.atomic
def case_deadline_set(*, case: Case, due_on: date, actor) -> Case:
    locked = case_lock(case)
    before = locked.due_on
    locked.due_on = due_on
    locked.save(update_fields=["due_on", "updated_at"])
    CaseEvent.objects.create(
        case=locked, kind=EventKind.DEADLINE, actor=actor, visible_to_citizen=False
    )
    audit_record(
        actor=actor,
        action="eservices.case.deadline",
        target=locked,
        before={"due_on": before.isoformat() if before else None},
        after={"due_on": due_on.isoformat()},
    )
    return locked


def case_withdraw(*, case: Case, user) -> Case:
    """The citizen takes the application back while it is still open."""
    return case_transition(
        case=case, to=workflow.WITHDRAWN, actor=user, actor_kind=workflow.CITIZEN
    )
