"""Deciding a case: notice, payment request, status, the domain's hook, the citizen's e-mail."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone, translation

from rathaus.core.audit import audit_record
from rathaus.eservices import workflow
from rathaus.eservices.handlers import Decision, handler_for
from rathaus.eservices.models import Case, Notice
from rathaus.eservices.outcomes import stored_outcome_amounts
from rathaus.eservices.services.cases import TransitionNotAllowed, case_lock, case_transition
from rathaus.eservices.services.mailbox import citizen_notify
from rathaus.eservices.services.notices import notice_issue
from rathaus.eservices.services.payments import payment_request_create

PAYMENT_TERM_DAYS = 30


@transaction.atomic
def case_decide(*, case: Case, decision: Decision, actor, expected: str | None = None) -> Notice:
    """Decide the case (a clerk, or the system for a handler's automatic decision)."""
    actor_kind = workflow.STAFF if getattr(actor, "is_authenticated", False) else workflow.SYSTEM
    locked = case_lock(case)
    if expected is not None and locked.status != expected:
        raise TransitionNotAllowed(locked.status, workflow.DECIDED, stale=True)
    if not workflow.can_transition(locked.status, workflow.DECIDED, actor_kind):
        raise TransitionNotAllowed(locked.status, workflow.DECIDED)
    payment = None
    if decision.amount:
        payment = payment_request_create(
            case=locked,
            amount=decision.amount,
            purpose=decision.payment_purpose or locked.service.name_de,
            due_on=decision.due_on or timezone.localdate() + timedelta(days=PAYMENT_TERM_DAYS),
            actor=actor,
        )
    handler = handler_for(locked.service)
    with translation.override(locked.language):
        spec = handler.notice(case=locked, decision=decision)
    notice = notice_issue(
        case=locked,
        spec=spec,
        actor=actor,
        payment=payment,
        legal_remedy=decision.legal_remedy,
    )
    locked.outcome = decision.outcome
    locked.outcome_amounts = stored_outcome_amounts(handler, case=locked, decision=decision)
    locked.save(update_fields=["outcome", "outcome_amounts", "updated_at"])
    locked = case_transition(case=locked, to=workflow.DECIDED, actor=actor, actor_kind=actor_kind)
    handler.on_decided(case=locked, decision=decision)
    audit_record(
        actor=actor,
        action="eservices.case.decide",
        target=locked,
        after={
            "outcome": decision.outcome,
            "notice": notice.pk,
            "amount": str(decision.amount) if decision.amount else None,
        },
    )
    citizen_notify(locked)
    return notice
