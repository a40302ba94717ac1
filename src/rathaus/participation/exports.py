"""Data going out: a person's own data (their export), and open data without personal data.

Open data lists visible proposals and comments of published processes. Authors appear only as a
stable anonymous id (an HMAC of the account id under the installation's secret key): analysts can
count distinct participants, nobody can get from the id to the account or the pseudonym. Dates
are given to the day.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.crypto import salted_hmac

from rathaus.accounts.models import User
from rathaus.participation.models import Comment, Follow, ParticipantProfile, Proposal, Report

ANONYMOUS_ID_SALT = "rathaus.participation.opendata.author"

PROPOSAL_COLUMNS = (
    "id",
    "process",
    "title",
    "text",
    "category",
    "district",
    "latitude",
    "longitude",
    "created",
    "supports",
    "comments",
    "answer_status",
    "author",
)
COMMENT_COLUMNS = ("id", "proposal", "reply_to", "text", "created", "author")


def anonymous_id(user_id: int | None) -> str:
    if user_id is None:
        return ""
    return salted_hmac(ANONYMOUS_ID_SALT, str(user_id)).hexdigest()[:16]


def _decimal(value) -> str:
    return "" if value is None else str(value)


def open_proposal_rows() -> Iterator[dict]:
    proposals = (
        Proposal.objects.filter(process__is_published=True, hidden_at__isnull=True)
        .select_related("process", "category", "official_answer")
        .order_by("id")
    )
    for proposal in proposals.iterator(chunk_size=2000):
        answer = getattr(proposal, "official_answer", None)
        yield {
            "id": proposal.pk,
            "process": proposal.process.slug,
            "title": proposal.title,
            "text": proposal.text,
            "category": proposal.category.slug if proposal.category else "",
            "district": proposal.district,
            "latitude": _decimal(proposal.latitude),
            "longitude": _decimal(proposal.longitude),
            "created": proposal.created_at.date().isoformat(),
            "supports": proposal.support_count,
            "comments": proposal.comment_count,
            "answer_status": answer.status if answer else "",
            "author": anonymous_id(proposal.author_id),
        }


def open_comment_rows() -> Iterator[dict]:
    comments = (
        Comment.objects.filter(
            proposal__process__is_published=True,
            proposal__hidden_at__isnull=True,
            hidden_at__isnull=True,
        )
        .only("id", "proposal_id", "parent_id", "text", "created_at", "author_id")
        .order_by("id")
    )
    for comment in comments.iterator(chunk_size=5000):
        yield {
            "id": comment.pk,
            "proposal": comment.proposal_id,
            "reply_to": comment.parent_id or "",
            "text": comment.text,
            "created": comment.created_at.date().isoformat(),
            "author": anonymous_id(comment.author_id),
        }


def personal_export(user: User) -> dict:
    """Everything the participation platform holds about `user` (for their data export)."""
    profile = ParticipantProfile.objects.filter(user=user).first()
    return {
        "profile": None
        if profile is None
        else {
            "pseudonym": profile.pseudonym,
            "created_at": profile.created_at.isoformat(),
            "notify_phase": profile.notify_phase,
            "notify_answer": profile.notify_answer,
            "notify_reply": profile.notify_reply,
            "blocked_at": profile.blocked_at.isoformat() if profile.blocked_at else None,
            "blocked_reason": profile.blocked_reason,
        },
        "email_news": user.email_news,
        "proposals": [
            {
                "id": proposal.pk,
                "process": proposal.process.slug,
                "title": proposal.title,
                "text": proposal.text,
                "location_text": proposal.location_text,
                "district": proposal.district,
                "latitude": _decimal(proposal.latitude),
                "longitude": _decimal(proposal.longitude),
                "created_at": proposal.created_at.isoformat(),
                "hidden_reason": proposal.hidden_reason,
                "images": [image.alt_text for image in proposal.images.all()],
            }
            for proposal in user.participation_proposals.select_related("process").prefetch_related(
                "images"
            )
        ],
        "comments": [
            {
                "id": comment.pk,
                "proposal": comment.proposal_id,
                "reply_to": comment.parent_id,
                "text": comment.text,
                "created_at": comment.created_at.isoformat(),
                "hidden_reason": comment.hidden_reason,
            }
            for comment in user.participation_comments.all()
        ],
        "supports": [
            {"proposal": support.proposal_id, "created_at": support.created_at.isoformat()}
            for support in user.participation_supports.all()
        ],
        "follows": [
            {
                "process": follow.process_id,
                "project": follow.project_id,
                "proposal": follow.proposal_id,
                "since": follow.created_at.isoformat(),
            }
            for follow in Follow.objects.filter(user=user)
        ],
        "reports": [
            {
                "proposal": report.proposal_id,
                "comment": report.comment_id,
                "reason": report.reason,
                "explanation": report.explanation,
                "created_at": report.created_at.isoformat(),
            }
            for report in Report.objects.filter(reporter=user)
        ],
    }
