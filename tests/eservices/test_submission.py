import re

import pytest
from django.utils import timezone

from rathaus.core.models import AuditEntry
from rathaus.eservices.models import Case, Draft, ReferenceCounter, Upload
from rathaus.eservices.services.drafts import draft_save_step, draft_start
from rathaus.eservices.services.submission import SubmissionInvalid, draft_submit, reference_next
from tests.eservices.factories import ANSWERS, attach


def test_a_submission_becomes_a_case_in_the_responsible_departments_inbox(
    citizen, service, make_case
):
    case = make_case(citizen)

    assert re.fullmatch(rf"KL-{timezone.localdate().year}-\d{{6}}", case.reference)
    assert case.unit == service.unit
    assert case.status == "submitted"
    assert case.form_version.number == 1
    assert case.answers["details"] == "Here is my proof."
    assert case.due_on == timezone.localdate() + timezone.timedelta(days=service.processing_days)
    assert AuditEntry.objects.filter(
        action="eservices.case.submit", target_id=str(case.pk)
    ).exists()


def test_submitting_the_same_draft_twice_gives_the_same_case(citizen, service):
    draft = draft_start(user=citizen, service=service)
    draft_save_step(
        draft=draft,
        step_key="request",
        values={**ANSWERS, "proof": attach(draft)},
        next_step="review",
    )

    first = draft_submit(draft=draft, user=citizen)
    second = draft_submit(draft=Draft.objects.get(pk=draft.pk), user=citizen)

    assert first == second
    assert Case.objects.count() == 1


def test_references_count_up_without_gaps(make_case):
    references = [make_case().reference for _ in range(3)]

    numbers = [int(reference[-6:]) for reference in references]
    assert numbers == [1, 2, 3]


def test_incomplete_answers_are_refused_at_submit(citizen, service):
    draft = draft_start(user=citizen, service=service)
    draft_save_step(
        draft=draft, step_key="request", values={"given_name": "Clara"}, next_step="review"
    )

    with pytest.raises(SubmissionInvalid) as refused:
        draft_submit(draft=draft, user=citizen)

    assert {issue.path for issue in refused.value.issues} >= {"family_name", "proof"}
    assert not Case.objects.exists()


def test_a_submission_failing_after_numbering_gives_its_number_back(
    citizen, service, make_case, monkeypatch
):
    make_case()
    draft = draft_start(user=citizen, service=service)
    draft_save_step(
        draft=draft,
        step_key="request",
        values={**ANSWERS, "proof": attach(draft)},
        next_step="review",
    )

    def broken(**kwargs):
        raise RuntimeError("audit store down")

    monkeypatch.setattr("rathaus.eservices.services.submission.audit_record", broken)
    with pytest.raises(RuntimeError):
        draft_submit(draft=draft, user=citizen)
    monkeypatch.undo()
    case = draft_submit(draft=Draft.objects.get(pk=draft.pk), user=citizen)

    assert ReferenceCounter.objects.get().last == 2
    assert case.reference.endswith("-000002")


def test_the_counter_starts_again_each_year(db):
    assert reference_next(year=2025).endswith("2025-000001")
    assert reference_next(year=2026).endswith("2026-000001")
    assert reference_next(year=2026).endswith("2026-000002")


def test_the_uploaded_proof_moves_from_the_draft_to_the_case(citizen, make_case):
    case = make_case(citizen)

    upload = Upload.objects.get()
    assert upload.case == case
    assert upload.draft is None
    assert case.answers["proof"]["upload"] == str(upload.pk)


def test_a_replaced_upload_is_deleted_and_not_part_of_the_case(citizen, service):
    draft = draft_start(user=citizen, service=service)
    attach(draft, name="first.pdf")
    latest = attach(Draft.objects.get(pk=draft.pk), name="second.pdf")
    draft_save_step(
        draft=draft, step_key="request", values={**ANSWERS, "proof": latest}, next_step="review"
    )

    case = draft_submit(draft=draft, user=citizen)

    assert [upload.original_name for upload in Upload.objects.filter(case=case)] == ["second.pdf"]
    assert Upload.objects.count() == 1
