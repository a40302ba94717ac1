from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from rathaus.core.models import AuditEntry
from rathaus.eservices import workflow
from rathaus.eservices.handlers import Decision, Outcome
from rathaus.eservices.models import Case, Draft, Message, Notice, ResumeLink, Upload
from rathaus.eservices.services.cases import case_transition
from rathaus.eservices.services.decisions import case_decide
from rathaus.eservices.services.drafts import draft_start, resume_link_send
from rathaus.eservices.services.mailbox import message_ask
from rathaus.eservices.services.retention import retention_apply
from tests.eservices.factories import attach

pytestmark = pytest.mark.usefixtures("quick_pdfs")


def later(days: int):
    return timezone.now() + timedelta(days=days)


def test_unfinished_applications_are_deleted_with_their_files_after_the_services_period(
    citizen, service
):
    draft = draft_start(user=citizen, service=service)
    upload = Upload.objects.get(pk=attach(draft)["upload"])
    path = Path(upload.file.path)
    resume_link_send(draft=draft)

    assert retention_apply(now=later(service.draft_retention_days - 1))["drafts_deleted"] == 0
    done = retention_apply(now=later(service.draft_retention_days + 1))

    assert done["drafts_deleted"] == 1
    assert not Draft.objects.exists()
    assert not Upload.objects.exists()
    assert not path.exists()
    assert not ResumeLink.objects.exists()


def test_finished_cases_are_anonymised_after_their_period_and_keep_their_skeleton(
    make_case, citizen, tax_clerk
):
    case = make_case(citizen)
    message_ask(case=case, body="Please tell us more, Clara.", actor=tax_clerk)
    case_transition(case=case, to=workflow.WITHDRAWN, actor=citizen, actor_kind=workflow.CITIZEN)
    period = case.service.case_retention_days

    assert retention_apply(now=later(period - 1))["cases_anonymised"] == 0
    retention_apply(now=later(period + 1))

    case.refresh_from_db()
    assert case.anonymised_at is not None
    assert (case.applicant, case.applicant_name, case.answers) == (None, "", {})
    assert (case.reference, case.status) != ("", "")
    assert case.events.exists()
    assert not Message.objects.filter(case=case).exists()
    assert not Upload.objects.filter(case=case).exists()
    assert AuditEntry.objects.filter(
        action="eservices.case.anonymise", target_id=str(case.pk)
    ).exists()


def test_open_cases_are_never_anonymised(make_case):
    case = make_case()

    retention_apply(now=later(100 * 365))

    case.refresh_from_db()
    assert case.anonymised_at is None


def test_decided_cases_are_closed_once_the_objection_period_has_passed(make_case, tax_clerk):
    case = make_case()
    notice = case_decide(
        case=case, decision=Decision(outcome=Outcome.GRANTED, text="ok"), actor=tax_clerk
    )

    retention_apply(now=later(20))
    case.refresh_from_db()
    assert case.status == workflow.DECIDED
    retention_apply(now=later(43))
    case.refresh_from_db()
    assert case.status == workflow.CLOSED
    assert Notice.objects.filter(pk=notice.pk).exists()


def test_the_command_reports_what_it_did(citizen, service, capsys):
    draft_start(user=citizen, service=service)
    Draft.objects.update(updated_at=later(-1000))

    call_command("eservices_retention")

    assert "drafts_deleted: 1" in capsys.readouterr().out
    assert not Case.objects.exists()
