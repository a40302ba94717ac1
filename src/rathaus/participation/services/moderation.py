"""Reports, hiding and restoring contributions, and the city's official answers."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rathaus.accounts.models import User
from rathaus.core.audit import audit_record
from rathaus.core.taskruntime import enqueue_after_commit
from rathaus.organization.models import OrgUnit
from rathaus.participation.models import (
    AnswerStatus,
    Comment,
    OfficialAnswer,
    Proposal,
    Report,
    ReportOutcome,
)
from rathaus.participation.services import require

Contribution = Proposal | Comment


def _target_filter(target: Contribution) -> dict:
    return {"proposal": target} if isinstance(target, Proposal) else {"comment": target}


def _kind(target: Contribution) -> str:
    return "proposal" if isinstance(target, Proposal) else "comment"


@transaction.atomic
def report_create(
    *, actor: User, target: Contribution, reason: str, explanation: str = ""
) -> Report:
    """Report a contribution to the moderators; a person's open report on it is not repeated."""
    require(actor, "participation.report", target)
    existing = Report.objects.filter(
        reporter=actor, resolved_at__isnull=True, **_target_filter(target)
    ).first()
    if existing is not None:
        return existing
    report = Report.objects.create(
        reporter=actor, reason=reason, explanation=explanation.strip(), **_target_filter(target)
    )
    audit_record(
        actor=actor,
        action=f"participation.{_kind(target)}_report",
        target=target,
        after={"report": report.pk, "reason": reason},
    )
    return report


def _resolve_reports(target: Contribution, *, actor: User, outcome: str) -> int:
    return Report.objects.filter(resolved_at__isnull=True, **_target_filter(target)).update(
        resolved_at=timezone.now(), resolved_by=actor, outcome=outcome
    )


@transaction.atomic
def contribution_hide(*, actor: User, target: Contribution, reason: str) -> Contribution:
    """Hide a proposal or comment; the reason is shown in its place. Open reports are closed."""
    require(actor, "participation.moderate", target)
    if not reason.strip():
        raise ValidationError({"reason": _("Please give the reason that will be shown.")})
    target = type(target).objects.select_for_update().get(pk=target.pk)
    before = {"hidden": target.is_hidden, "reason": target.hidden_reason}
    target.hidden_at = timezone.now()
    target.hidden_reason = reason.strip()
    target.hidden_by = actor
    target.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
    closed = _resolve_reports(target, actor=actor, outcome=ReportOutcome.HIDDEN)
    audit_record(
        actor=actor,
        action=f"participation.{_kind(target)}_hide",
        target=target,
        before=before,
        after={"hidden": True, "reason": target.hidden_reason, "reports_closed": closed},
    )
    return target


@transaction.atomic
def contribution_unhide(*, actor: User, target: Contribution) -> Contribution:
    require(actor, "participation.moderate", target)
    target = type(target).objects.select_for_update().get(pk=target.pk)
    before = {"hidden": target.is_hidden, "reason": target.hidden_reason}
    target.hidden_at = None
    target.hidden_reason = ""
    target.hidden_by = None
    target.save(update_fields=["hidden_at", "hidden_reason", "hidden_by"])
    audit_record(
        actor=actor,
        action=f"participation.{_kind(target)}_unhide",
        target=target,
        before=before,
        after={"hidden": False},
    )
    return target


@transaction.atomic
def reports_dismiss(*, actor: User, target: Contribution) -> int:
    """Close the open reports on a contribution without hiding it."""
    require(actor, "participation.moderate", target)
    closed = _resolve_reports(target, actor=actor, outcome=ReportOutcome.DISMISSED)
    audit_record(
        actor=actor,
        action=f"participation.{_kind(target)}_reports_dismiss",
        target=target,
        after={"reports_closed": closed},
    )
    return closed


@transaction.atomic
def answer_give(
    *,
    actor: User,
    proposal: Proposal,
    status: str,
    text: str,
    unit: OrgUnit | None = None,
) -> OfficialAnswer:
    """Give or change the city's answer; followers of the proposal are told by e-mail."""
    require(actor, "participation.answer", proposal)
    if status not in AnswerStatus.values:
        raise ValidationError({"status": _("Choose a status.")})
    if not text.strip():
        message = (
            _("Please explain why the proposal is not feasible.")
            if status == AnswerStatus.NOT_FEASIBLE
            else _("Please write the answer.")
        )
        raise ValidationError({"text": message})
    answer = OfficialAnswer.objects.select_for_update().filter(proposal=proposal).first()
    before = {"status": answer.status, "text": answer.text} if answer else None
    if answer is None:
        answer = OfficialAnswer(proposal=proposal)
    answer.status = status
    answer.text = text.strip()
    answer.unit = unit
    answer.answered_by = actor
    answer.updated_at = timezone.now()
    answer.save()
    after = {"status": answer.status, "text": answer.text}
    audit_record(
        actor=actor,
        action="participation.proposal_answer",
        target=proposal,
        before=before,
        after={**after, "unit": unit.slug if unit else None},
    )
    if before != after:
        enqueue_after_commit("participation.notify_answer", proposal_id=proposal.pk)
    return answer
