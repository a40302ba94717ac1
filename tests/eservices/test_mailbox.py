import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from rathaus.eservices import workflow
from rathaus.eservices.models import Message, Upload
from rathaus.eservices.services.cases import case_transition
from rathaus.eservices.services.mailbox import (
    CaseNotOpen,
    message_ask,
    message_reply,
    messages_mark_read,
)
from rathaus.eservices.services.uploads import UploadRejected
from tests.eservices.factories import PDF


def test_a_question_makes_the_case_wait_and_mails_only_that_something_is_new(
    make_case, citizen, tax_clerk, django_capture_on_commit_callbacks
):
    case = make_case(citizen)

    with django_capture_on_commit_callbacks(execute=True):
        message_ask(
            case=case, body="Please send the certificate of Clara Citizen.", actor=tax_clerk
        )

    case.refresh_from_db()
    assert case.status == workflow.WAITING
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [citizen.email]
    for private in ("Clara", "certificate", case.reference, "Steueramt", "Nachweis"):
        assert private not in sent.subject + sent.body
    assert "/services/mailbox/" in sent.body


def test_no_mail_goes_to_people_who_switched_mails_off(
    make_case, citizen, tax_clerk, django_capture_on_commit_callbacks
):
    citizen.email_notifications = False
    citizen.save()
    case = make_case(citizen)

    with django_capture_on_commit_callbacks(execute=True):
        message_ask(case=case, body="A question", actor=tax_clerk)

    assert mail.outbox == []


def test_the_citizens_answer_with_files_puts_the_case_back_in_review(make_case, citizen, tax_clerk):
    case = make_case(citizen)
    message_ask(case=case, body="Please send proof.", actor=tax_clerk)

    message_reply(
        case=case,
        body="Here it is.",
        user=citizen,
        files=[SimpleUploadedFile("certificate.pdf", PDF, content_type="application/pdf")],
    )

    case.refresh_from_db()
    assert case.status == workflow.IN_REVIEW
    reply = Message.objects.get(kind="reply")
    assert [upload.original_name for upload in reply.attachments.all()] == ["certificate.pdf"]
    assert reply.attachments.get().case == case


def test_a_reply_with_a_disguised_file_is_refused_entirely(make_case, citizen, tax_clerk):
    case = make_case(citizen)
    message_ask(case=case, body="Please send proof.", actor=tax_clerk)

    with pytest.raises(UploadRejected):
        message_reply(
            case=case,
            body="Here it is.",
            user=citizen,
            files=[
                SimpleUploadedFile(
                    "proof.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf"
                )
            ],
        )

    case.refresh_from_db()
    assert case.status == workflow.WAITING
    assert not Message.objects.filter(kind="reply").exists()
    assert Upload.objects.filter(message__isnull=False).count() == 0


def test_no_messages_once_the_case_is_finished(make_case, citizen, tax_clerk):
    case = make_case(citizen)
    case_transition(case=case, to=workflow.WITHDRAWN, actor=citizen, actor_kind=workflow.CITIZEN)

    with pytest.raises(CaseNotOpen):
        message_reply(case=case, body="Hello?", user=citizen)


def test_reading_marks_only_the_other_sides_messages_as_read(make_case, citizen, tax_clerk):
    case = make_case(citizen)
    message_ask(case=case, body="Question", actor=tax_clerk)
    message_reply(case=case, body="Answer", user=citizen)

    assert messages_mark_read(case=case, by_staff=False) == 1
    assert messages_mark_read(case=case, by_staff=False) == 0
    assert Message.objects.get(kind="reply").read_at is None
