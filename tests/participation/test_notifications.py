"""E-mails to followers: new phase (once), answer, reply, project status; settings and
one-click unsubscribe (RFC 8058)."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from rathaus.core.models import AuditEntry
from rathaus.participation.models import Follow, Phase
from rathaus.participation.notifications import read_unsubscribe_token, unsubscribe_token
from rathaus.participation.services.follows import follow_add
from rathaus.participation.services.moderation import answer_give
from rathaus.participation.services.processes import phases_announce
from rathaus.participation.services.projects import project_save
from rathaus.participation.services.proposals import comment_create
from tests.factories import UserFactory
from tests.participation.factories import (
    CommentFactory,
    ProcessFactory,
    ProfileFactory,
    ProjectFactory,
    ProposalFactory,
)

pytestmark = pytest.mark.django_db


def unannounce(process, kind):
    Phase.objects.filter(process=process, kind=kind).update(announced_at=None)


def test_a_new_phase_is_announced_once_to_followers(citizen, other_citizen, run_on_commit):
    process = ProcessFactory(running="discussion")
    follow_add(actor=citizen, target=process)
    unannounce(process, "discussion")

    with run_on_commit():
        first = phases_announce()
    with run_on_commit():
        second = phases_announce()

    assert [phase.kind for phase in first] == ["discussion"]
    assert second == []
    assert [message.to for message in mail.outbox] == [[citizen.email]]
    assert process.title_de in mail.outbox[0].subject
    assert "Diskussion" in mail.outbox[0].subject


def test_a_phase_that_is_already_over_is_marked_without_mail(citizen, run_on_commit):
    process = ProcessFactory(running="discussion")
    follow_add(actor=citizen, target=process)
    unannounce(process, "proposals")

    with run_on_commit():
        announced = phases_announce()

    assert announced == []
    assert mail.outbox == []
    assert Phase.objects.get(process=process, kind="proposals").announced_at is not None


def test_the_command_announces_phases(citizen, run_on_commit):
    process = ProcessFactory(running="voting")
    follow_add(actor=citizen, target=process)
    unannounce(process, "voting")

    with run_on_commit():
        call_command("participation_announce_phases", stdout=io.StringIO())

    assert len(mail.outbox) == 1
    assert AuditEntry.objects.filter(action="participation.phase_announce").count() == 1


def test_mails_speak_the_recipients_language(run_on_commit):
    english = UserFactory(english=True)
    process = ProcessFactory(running="voting")
    follow_add(actor=english, target=process)
    unannounce(process, "voting")

    with run_on_commit():
        phases_announce()

    message = mail.outbox[0]
    assert "New phase" in message.subject
    assert "Voting" in message.subject
    assert "/en/participation/processes/" in message.body


def test_mails_carry_one_click_unsubscribe_headers(citizen, moderator, run_on_commit):
    proposal = ProposalFactory()
    follow = follow_add(actor=citizen, target=proposal)

    with run_on_commit():
        answer_give(actor=moderator, proposal=proposal, status="accepted", text="Ja.")

    headers = mail.outbox[0].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = re.fullmatch(r"<(https?://[^>]+)>", headers["List-Unsubscribe"]).group(1)
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert read_unsubscribe_token(token) == (citizen.pk, f"follow:{follow.pk}")
    assert link in mail.outbox[0].body


def test_one_click_unsubscribe_works_without_sign_in_or_csrf(client, citizen):
    proposal = ProposalFactory()
    follow = follow_add(actor=citizen, target=proposal)
    token = unsubscribe_token(user_id=citizen.pk, scope=f"follow:{follow.pk}")
    client.handler.enforce_csrf_checks = True

    response = client.post(
        f"/participation/unsubscribe/{token}/", {"List-Unsubscribe": "One-Click"}
    )

    assert response.status_code == 200
    assert not Follow.objects.filter(pk=follow.pk).exists()


def test_opening_the_link_only_asks_for_confirmation(client, citizen):
    token = unsubscribe_token(user_id=citizen.pk, scope="all")

    response = client.get(f"/participation/unsubscribe/{token}/")

    citizen.refresh_from_db()
    assert response.status_code == 200
    assert citizen.email_news is True


def test_unsubscribing_from_everything_switches_email_news_off(client, citizen):
    token = unsubscribe_token(user_id=citizen.pk, scope="all")

    client.post(f"/participation/unsubscribe/{token}/")

    citizen.refresh_from_db()
    assert citizen.email_news is False


def test_a_forged_token_is_not_found(client, citizen):
    token = unsubscribe_token(user_id=citizen.pk, scope="all")[:-2] + "xx"

    assert client.post(f"/participation/unsubscribe/{token}/").status_code == 404


def test_no_mails_when_email_news_is_off(citizen, moderator, run_on_commit):
    proposal = ProposalFactory()
    follow_add(actor=citizen, target=proposal)
    citizen.email_news = False
    citizen.save()

    with run_on_commit():
        answer_give(actor=moderator, proposal=proposal, status="accepted", text="Ja.")

    assert mail.outbox == []


def test_no_answer_mails_when_that_kind_is_switched_off(citizen, moderator, run_on_commit):
    proposal = ProposalFactory()
    follow_add(actor=citizen, target=proposal)
    ProfileFactory(user=citizen, notify_answer=False)

    with run_on_commit():
        answer_give(actor=moderator, proposal=proposal, status="accepted", text="Ja.")

    assert mail.outbox == []


def test_a_reply_is_mailed_to_the_author_of_the_comment(citizen, other_citizen, run_on_commit):
    comment = CommentFactory(author=citizen)

    with run_on_commit():
        comment_create(
            actor=other_citizen, proposal=comment.proposal, text="Stimmt!", reply_to=comment
        )

    assert [message.to for message in mail.outbox] == [[citizen.email]]
    assert "Stimmt!" in mail.outbox[0].body
    assert citizen.email not in mail.outbox[0].body.replace(f"To: {citizen.email}", "")


def test_replying_to_oneself_sends_nothing(citizen, run_on_commit):
    comment = CommentFactory(author=citizen)

    with run_on_commit():
        comment_create(actor=citizen, proposal=comment.proposal, text="Nachtrag", reply_to=comment)

    assert mail.outbox == []


def test_a_new_project_status_is_mailed_to_followers(citizen, moderator, run_on_commit):
    project = ProjectFactory(process=None)
    follow_add(actor=citizen, target=project)

    with run_on_commit():
        project_save(actor=moderator, project=project, status="in_progress")

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == f"„{project.title_de}“ ist jetzt: In Umsetzung"


def test_following_needs_no_duplicate(citizen):
    process = ProcessFactory(running="proposals")

    follow_add(actor=citizen, target=process)
    follow_add(actor=citizen, target=process)

    assert Follow.objects.filter(user=citizen, process=process).count() == 1


def test_phase_dates_in_the_mail_are_local(citizen, run_on_commit):
    process = ProcessFactory(running="results")
    follow_add(actor=citizen, target=process)
    phase = Phase.objects.get(process=process, kind="results")
    phase.announced_at = None
    phase.ends_at = datetime.datetime(2030, 1, 1, 12, 0, tzinfo=datetime.UTC)
    phase.save()

    with run_on_commit():
        phases_announce(now=timezone.now())

    assert "1. Januar 2030 13:00" in mail.outbox[0].body
