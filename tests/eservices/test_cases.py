from datetime import date, timedelta

import pytest
from django.utils import timezone

from rathaus.core.models import AuditEntry
from rathaus.eservices import workflow
from rathaus.eservices.models import CaseEvent, CaseNote
from rathaus.eservices.services.cases import (
    TransitionNotAllowed,
    case_assign,
    case_deadline_set,
    case_note_add,
    case_transition,
    case_withdraw,
)
from tests.factories import StaffFactory


def test_a_clerk_moves_a_case_along_the_table_and_each_step_is_recorded(make_case, tax_clerk):
    case = make_case()

    case = case_transition(
        case=case, to=workflow.IN_REVIEW, actor=tax_clerk, actor_kind=workflow.STAFF
    )

    assert case.status == workflow.IN_REVIEW
    event = CaseEvent.objects.get(case=case, kind="status")
    assert (event.from_status, event.to_status, event.actor) == (
        "submitted",
        "in_review",
        tax_clerk,
    )
    entry = AuditEntry.objects.get(action="eservices.case.transition")
    assert entry.before == {"status": "submitted"}
    assert entry.after == {"status": "in_review", "by": "staff"}


def test_a_change_the_table_does_not_allow_is_refused_and_changes_nothing(make_case, tax_clerk):
    case = make_case()

    with pytest.raises(TransitionNotAllowed):
        case_transition(case=case, to=workflow.CLOSED, actor=tax_clerk, actor_kind=workflow.STAFF)

    case.refresh_from_db()
    assert case.status == workflow.SUBMITTED
    assert not AuditEntry.objects.filter(action="eservices.case.transition").exists()


def test_a_change_based_on_an_outdated_view_is_refused(make_case, tax_clerk):
    case = make_case()
    case_transition(case=case, to=workflow.IN_REVIEW, actor=tax_clerk, actor_kind=workflow.STAFF)

    with pytest.raises(TransitionNotAllowed) as refused:
        case_transition(
            case=case,
            to=workflow.WAITING,
            actor=tax_clerk,
            actor_kind=workflow.STAFF,
            expected=workflow.SUBMITTED,
        )

    assert refused.value.stale


def test_the_citizen_can_withdraw_an_open_case_but_not_a_decided_one(make_case, citizen, tax_clerk):
    open_case = make_case(citizen)
    decided = make_case(citizen)
    case_transition(case=decided, to=workflow.DECIDED, actor=tax_clerk, actor_kind=workflow.STAFF)

    withdrawn = case_withdraw(case=open_case, user=citizen)

    assert withdrawn.status == workflow.WITHDRAWN
    assert withdrawn.finished_at is not None
    with pytest.raises(TransitionNotAllowed):
        case_withdraw(case=decided, user=citizen)


def test_cases_are_assigned_only_to_staff_of_their_department(make_case, tax_clerk, family_clerk):
    case = make_case()

    assigned = case_assign(case=case, assignee=tax_clerk, actor=tax_clerk)

    assert assigned.assignee == tax_clerk
    with pytest.raises(ValueError):
        case_assign(case=case, assignee=family_clerk, actor=tax_clerk)
    assert case_assign(case=case, assignee=None, actor=tax_clerk).assignee is None


def test_a_note_is_audited_without_its_text(make_case, tax_clerk):
    case = make_case()

    case_note_add(case=case, text="  Called the applicant, proof is fine. ", actor=tax_clerk)

    assert CaseNote.objects.get().text == "Called the applicant, proof is fine."
    entry = AuditEntry.objects.get(action="eservices.case.note")
    assert "Called" not in str(entry.after)


def test_a_moved_deadline_decides_whether_the_case_is_overdue(make_case, tax_clerk):
    case = make_case()
    yesterday = timezone.localdate() - timedelta(days=1)

    case = case_deadline_set(case=case, due_on=yesterday, actor=tax_clerk)

    assert case.is_overdue()
    assert not case_deadline_set(case=case, due_on=date.max, actor=tax_clerk).is_overdue()
    assert AuditEntry.objects.filter(action="eservices.case.deadline").count() == 2


def test_a_lead_may_be_assigned_too(make_case, tax_office):
    lead = StaffFactory(unit=tax_office, unit__role="lead")

    assert case_assign(case=make_case(), assignee=lead, actor=lead).assignee == lead
