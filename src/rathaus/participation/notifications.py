"""E-mails to followers: a new phase, the city's answer, a reply, a project's new status.

Each e-mail is written in the recipient's language and carries a one-click unsubscribe link
(RFC 8058: `List-Unsubscribe` with an https link and `List-Unsubscribe-Post`). The link holds a
signed token naming the person and what to stop, so it works without signing in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from rathaus.accounts.models import User
from rathaus.core.municipality import municipality
from rathaus.core.taskruntime import mail_once
from rathaus.participation.models import Comment, Follow, Phase, Project, Proposal

UNSUBSCRIBE_SALT = "rathaus.participation.unsubscribe"


def unsubscribe_token(*, user_id: int, scope: str) -> str:
    return signing.dumps({"u": user_id, "s": scope}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    return data["u"], str(data.get("s", ""))


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def unsubscribe_url(*, user: User, scope: str, language: str) -> str:
    with translation.override(language):
        return absolute(
            reverse(
                "participation:unsubscribe", args=[unsubscribe_token(user_id=user.pk, scope=scope)]
            )
        )


@dataclass(frozen=True)
class Recipient:
    user: User
    scope: str  # what the unsubscribe link stops: "follow:<id>", "reply", ...


def _message(recipient: Recipient, template: str, context: dict, target) -> EmailMessage:
    user = recipient.user
    with translation.override(user.language):
        link = unsubscribe_url(user=user, scope=recipient.scope, language=user.language)
        full = {
            **context,
            "user": user,
            "municipality": municipality(),
            "unsubscribe_url": link,
            "page_url": absolute(target.get_absolute_url()),
            "settings_url": absolute(reverse("participation:my_settings")),
        }
        subject = render_to_string(f"participation/email/{template}_subject.txt", full)
        body = render_to_string(f"participation/email/{template}.txt", full)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{link}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


def send(
    recipients: Iterable[Recipient], template: str, context: dict, *, target, key: str = ""
) -> int:
    """One e-mail per recipient, rendered from `participation/email/<template>*.txt`, linking
    to `target`'s page in the recipient's language. With a `key` (the task's id) each recipient
    gets it at most once, however often the task runs."""
    messages = [_message(recipient, template, context, target) for recipient in recipients]
    if not messages:
        return 0
    connection = get_connection()
    if not key:
        return connection.send_messages(messages) or 0
    return sum(
        mail_once(f"{key}:{message.to[0]}", partial(connection.send_messages, [message]))
        for message in messages
    )


def _follow_recipients(follows: QuerySet[Follow], setting: str) -> list[Recipient]:
    """Followers who want e-mails at all (`email_news`) and of this kind (`setting`)."""
    wanted = (
        follows.filter(user__is_active=True, user__email_news=True)
        .exclude(**{f"user__participant__{setting}": False})
        .select_related("user")
    )
    return [Recipient(follow.user, f"follow:{follow.pk}") for follow in wanted]


def phase_started(phase_id: int, *, key: str = "") -> int:
    phase = Phase.objects.select_related("process").get(pk=phase_id)
    recipients = _follow_recipients(Follow.objects.filter(process=phase.process), "notify_phase")
    return send(
        recipients,
        "phase",
        {"phase": phase, "process": phase.process},
        target=phase.process,
        key=key,
    )


def answer_given(proposal_id: int, *, key: str = "") -> int:
    proposal = Proposal.objects.select_related("official_answer", "process").get(pk=proposal_id)
    recipients = _follow_recipients(Follow.objects.filter(proposal=proposal), "notify_answer")
    return send(
        recipients,
        "answer",
        {"proposal": proposal, "answer": proposal.official_answer},
        target=proposal,
        key=key,
    )


def reply_written(comment_id: int, replied_to_id: int, *, key: str = "") -> int:
    reply = Comment.objects.select_related("proposal", "author__participant").get(pk=comment_id)
    replied_to = Comment.objects.select_related("author__participant").get(pk=replied_to_id)
    author = replied_to.author
    profile = getattr(author, "participant", None)
    if (
        author is None
        or not author.is_active
        or not author.email_news
        or (profile is not None and not profile.notify_reply)
    ):
        return 0
    return send(
        [Recipient(author, "reply")],
        "reply",
        {"reply": reply, "replied_to": replied_to, "proposal": reply.proposal},
        target=reply,
        key=key,
    )


def project_status_changed(project_id: int, *, key: str = "") -> int:
    project = Project.objects.get(pk=project_id)
    recipients = _follow_recipients(Follow.objects.filter(project=project), "notify_phase")
    return send(recipients, "project_status", {"project": project}, target=project, key=key)
