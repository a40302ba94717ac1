"""Reports, hiding with a visible reason, official answers and blocking, all audited."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from rathaus.core.models import AuditEntry
from rathaus.participation.models import ReportOutcome
from rathaus.participation.services.follows import follow_add
from rathaus.participation.services.moderation import (
    answer_give,
    contribution_hide,
    contribution_unhide,
    report_create,
    reports_dismiss,
)
from rathaus.participation.services.people import participant_block, participant_unblock
from rathaus.participation.services.proposals import comment_create
from tests.participation.factories import CommentFactory, ProcessFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def test_reporting_twice_keeps_one_open_report(citizen):
    comment = CommentFactory()

    first = report_create(actor=citizen, target=comment, reason="insult")
    second = report_create(actor=citizen, target=comment, reason="spam")

    assert first == second
    assert comment.reports.count() == 1
    assert AuditEntry.objects.filter(action="participation.comment_report").count() == 1


def test_hiding_shows_the_reason_in_place_and_closes_the_reports(client, citizen, moderator):
    comment = CommentFactory(text="Unverschämtheit!")
    report_create(actor=citizen, target=comment, reason="insult")

    contribution_hide(actor=moderator, target=comment, reason="Beleidigend")

    page = client.get(comment.proposal.get_absolute_url()).content.decode()
    assert "Beleidigend" in page
    assert "Unverschämtheit!" not in page
    report = comment.reports.get()
    assert (report.outcome, report.resolved_by) == (ReportOutcome.HIDDEN, moderator)
    entry = AuditEntry.objects.get(action="participation.comment_hide")
    assert entry.actor == moderator
    assert entry.after["reason"] == "Beleidigend"


def test_hiding_needs_a_reason(moderator):
    with pytest.raises(ValidationError):
        contribution_hide(actor=moderator, target=CommentFactory(), reason=" ")


def test_citizens_cannot_hide(citizen):
    with pytest.raises(PermissionDenied):
        contribution_hide(actor=citizen, target=CommentFactory(), reason="Spam")


def test_unhiding_restores_the_content(client, moderator):
    proposal = ProposalFactory(hidden=True, title="Wieder da")

    contribution_unhide(actor=moderator, target=proposal)

    assert "Wieder da" in client.get(proposal.get_absolute_url()).content.decode()
    assert AuditEntry.objects.filter(action="participation.proposal_unhide").exists()


def test_dismissing_closes_reports_and_keeps_the_content(citizen, moderator):
    proposal = ProposalFactory()
    report_create(actor=citizen, target=proposal, reason="spam")

    assert reports_dismiss(actor=moderator, target=proposal) == 1

    proposal.refresh_from_db()
    assert not proposal.is_hidden
    assert proposal.reports.get().outcome == ReportOutcome.DISMISSED


def test_the_official_answer_is_mailed_to_followers(citizen, moderator, run_on_commit):
    proposal = ProposalFactory(process=ProcessFactory(running="results"))
    follow_add(actor=citizen, target=proposal)

    with run_on_commit():
        answer_give(actor=moderator, proposal=proposal, status="accepted", text="Wird gebaut.")

    assert [message.to for message in mail.outbox] == [[citizen.email]]
    assert "Wird gebaut." in mail.outbox[0].body
    assert AuditEntry.objects.get(action="participation.proposal_answer").after["status"] == (
        "accepted"
    )


def test_not_feasible_needs_a_reason(moderator):
    with pytest.raises(ValidationError) as refused:
        answer_give(actor=moderator, proposal=ProposalFactory(), status="not_feasible", text="")

    assert "text" in refused.value.message_dict


def test_changing_the_answer_keeps_one_answer_and_records_before_and_after(moderator):
    proposal = ProposalFactory()
    answer_give(actor=moderator, proposal=proposal, status="under_review", text="Wir prüfen.")

    answer_give(actor=moderator, proposal=proposal, status="not_feasible", text="Kein Platz.")

    proposal.refresh_from_db()
    assert proposal.official_answer.status == "not_feasible"
    last = AuditEntry.objects.filter(action="participation.proposal_answer").latest("pk")
    assert last.before == {"status": "under_review", "text": "Wir prüfen."}


def test_a_blocked_person_cannot_comment_until_unblocked(citizen, moderator):
    proposal = ProposalFactory()

    participant_block(user=citizen, actor=moderator, reason="Wiederholt beleidigend")
    with pytest.raises(PermissionDenied):
        comment_create(actor=citizen, proposal=proposal, text="Hallo")

    participant_unblock(user=citizen, actor=moderator)
    comment_create(actor=citizen, proposal=proposal, text="Hallo")

    assert [entry.action for entry in AuditEntry.objects.order_by("pk")][-4:] == [
        "participation.participant_create",
        "participation.participant_block",
        "participation.participant_unblock",
        "participation.comment_create",
    ]


def test_only_moderators_block(citizen, other_citizen):
    with pytest.raises(PermissionDenied):
        participant_block(user=other_citizen, actor=citizen, reason="Nervt")


def test_a_blocked_person_is_told_why_on_the_proposal_page(client, blocked_citizen):
    proposal = ProposalFactory()
    blocked_citizen.participant.blocked_reason = "Wiederholt beleidigend"
    blocked_citizen.participant.save()
    client.force_login(blocked_citizen)

    page = client.get(proposal.get_absolute_url()).content.decode()

    assert "Wiederholt beleidigend" in page
    assert "Diesen Vorschlag unterstützen" not in page


def test_the_start_page_shows_processes_open_now(client):
    ProcessFactory(running="proposals", title_de="Offen für Vorschläge")
    ProcessFactory(running=None, title_de="Längst vorbei")

    page = client.get("/").content.decode()

    assert "Offen für Vorschläge" in page
    assert "Längst vorbei" not in page
