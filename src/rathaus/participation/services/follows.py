"""Following processes, projects and proposals, and leaving e-mails with one click."""

from __future__ import annotations

from django.db import transaction

from rathaus.accounts.models import User
from rathaus.core.audit import audit_record
from rathaus.participation.models import Follow, Process, Project, Proposal
from rathaus.participation.services import require
from rathaus.participation.services.people import participant_profile_ensure

Followable = Process | Project | Proposal


def follow_filter(target: Followable) -> dict:
    return {type(target).__name__.lower(): target}


@transaction.atomic
def follow_add(*, actor: User, target: Followable) -> Follow:
    require(actor, "participation.follow", target)
    follow, created = Follow.objects.get_or_create(user=actor, **follow_filter(target))
    if created:
        audit_record(actor=actor, action="participation.follow", target=target)
    return follow


@transaction.atomic
def follow_remove(*, actor: User, target: Followable) -> bool:
    deleted, _ = Follow.objects.filter(user=actor, **follow_filter(target)).delete()
    if deleted:
        audit_record(actor=actor, action="participation.unfollow", target=target)
    return bool(deleted)


NOTIFICATION_SCOPES = ("all", "phase", "answer", "reply")


@transaction.atomic
def notifications_unsubscribe(*, user: User, scope: str) -> str:
    """Stop e-mails for `scope`: one follow (`follow:<id>`), one kind (`phase`, `answer`,
    `reply`) or all participation e-mails (`all`, the account's `email_news`). Returns what
    was switched off, for the confirmation page."""
    if scope.startswith("follow:"):
        follow = Follow.objects.filter(user=user, pk=scope.partition(":")[2]).first()
        if follow is not None:
            target = follow.target
            follow.delete()
            audit_record(
                actor=user, action="participation.unfollow", target=target, label=user.email
            )
        return "follow"
    if scope == "all":
        if user.email_news:
            user.email_news = False
            user.save(update_fields=["email_news"])
            audit_record(
                actor=user,
                action="participation.unsubscribe",
                target=user,
                before={"email_news": True},
                after={"email_news": False},
            )
        return "all"
    if scope not in NOTIFICATION_SCOPES:
        raise ValueError(f"Unknown unsubscribe scope {scope!r}")
    profile = participant_profile_ensure(user=user)
    field = f"notify_{scope}"
    if getattr(profile, field):
        setattr(profile, field, False)
        profile.save(update_fields=[field])
        audit_record(
            actor=user,
            action="participation.unsubscribe",
            target=profile,
            before={field: True},
            after={field: False},
        )
    return scope
