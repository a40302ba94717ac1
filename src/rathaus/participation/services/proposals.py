"""Proposals, their images, comments and supports."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from rathaus.accounts.models import User
from rathaus.core.audit import audit_record
from rathaus.core.fragments import changed
from rathaus.core.taskruntime import enqueue_after_commit
from rathaus.participation import images
from rathaus.participation.models import (
    Category,
    Comment,
    Follow,
    Process,
    Proposal,
    ProposalImage,
    Support,
)
from rathaus.participation.placing import place
from rathaus.participation.selectors import PROPOSALS_TOPIC
from rathaus.participation.services import field_snapshot, require
from rathaus.participation.services.people import participant_profile_ensure

MAX_IMAGES = 3

IMAGE_PROBLEMS = {
    "too_large": lambda: (
        _("The image is larger than %(size)d MB.") % {"size": images.MAX_BYTES // (1024 * 1024)}
    ),
    "not_an_image": lambda: _("This file is not an image that can be read."),
    "unsupported_type": lambda: _("Please upload a JPEG, PNG or WebP image."),
    "too_many_pixels": lambda: _("The image has too many pixels."),
}


@dataclass(frozen=True)
class ImageUpload:
    content: bytes
    alt_text: str


def _prepared(uploads: list[ImageUpload]) -> list[tuple[images.PreparedImage, str]]:
    prepared = []
    for upload in uploads:
        if not upload.alt_text.strip():
            raise ValidationError({"images": _("Please describe what each image shows.")})
        try:
            prepared.append((images.prepare(upload.content), upload.alt_text.strip()))
        except images.ImageRejected as rejected:
            raise ValidationError({"images": IMAGE_PROBLEMS[rejected.code]()}) from rejected
    return prepared


def _attach(proposal: Proposal, prepared: list[tuple[images.PreparedImage, str]]) -> None:
    if proposal.images.count() + len(prepared) > MAX_IMAGES:
        raise ValidationError(
            {"images": _("A proposal can have at most %(count)d images.") % {"count": MAX_IMAGES}}
        )
    for image, alt_text in prepared:
        stored = ProposalImage(
            proposal=proposal, alt_text=alt_text, width=image.width, height=image.height
        )
        stored.file.save(f"image.{image.extension}", ContentFile(image.content), save=False)
        stored.save()


def _check_place(
    process: Process, category: Category | None, latitude: Decimal | None, longitude: Decimal | None
) -> None:
    if category is not None and category.process_id != process.pk:
        raise ValidationError({"category": _("This category belongs to another process.")})
    if (latitude is None) != (longitude is None):
        raise ValidationError({"latitude": _("Give both latitude and longitude, or neither.")})


SNAPSHOT_FIELDS = (
    "title",
    "text",
    "category",
    "latitude",
    "longitude",
    "location_text",
    "district",
)


@transaction.atomic
def proposal_create(
    *,
    actor: User,
    process: Process,
    title: str,
    text: str,
    category: Category | None = None,
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    location_text: str = "",
    district: str = "",
    uploads: list[ImageUpload] | None = None,
    pseudonym: str = "",
) -> Proposal:
    """A citizen's new proposal; the author follows it from then on.

    A point inside the city decides the district (see `placing`); `district` is kept otherwise.
    """
    require(actor, "participation.propose", process)
    _check_place(process, category, latitude, longitude)
    prepared = _prepared(uploads or [])
    participant_profile_ensure(user=actor, pseudonym=pseudonym)
    now = timezone.now()
    proposal = Proposal.objects.create(
        process=process,
        author=actor,
        title=title.strip(),
        text=text.strip(),
        category=category,
        latitude=latitude,
        longitude=longitude,
        location_text=location_text.strip(),
        district=place(latitude=latitude, longitude=longitude, chosen=district).district,
        created_at=now,
        updated_at=now,
    )
    _attach(proposal, prepared)
    Follow.objects.get_or_create(user=actor, proposal=proposal)
    audit_record(
        actor=actor,
        action="participation.proposal_create",
        target=proposal,
        after={**field_snapshot(proposal, SNAPSHOT_FIELDS), "images": len(prepared)},
    )
    return proposal


@transaction.atomic
def proposal_update(
    *,
    actor: User,
    proposal: Proposal,
    title: str,
    text: str,
    category: Category | None = None,
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    location_text: str = "",
    district: str = "",
    uploads: list[ImageUpload] | None = None,
    remove_images: list[int] | None = None,
) -> Proposal:
    """The author changes their proposal, while the running phase allows it."""
    require(actor, "participation.edit_proposal", proposal)
    _check_place(proposal.process, category, latitude, longitude)
    prepared = _prepared(uploads or [])
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    before = field_snapshot(proposal, SNAPSHOT_FIELDS)
    proposal.title = title.strip()
    proposal.text = text.strip()
    proposal.category = category
    proposal.latitude = latitude
    proposal.longitude = longitude
    proposal.location_text = location_text.strip()
    proposal.district = place(latitude=latitude, longitude=longitude, chosen=district).district
    proposal.updated_at = timezone.now()
    proposal.save()
    removed = []
    for image in proposal.images.filter(pk__in=remove_images or []):
        removed.append(image.pk)
        image.file.delete(save=False)
        image.delete()
    _attach(proposal, prepared)
    audit_record(
        actor=actor,
        action="participation.proposal_update",
        target=proposal,
        before=before,
        after={
            **field_snapshot(proposal, SNAPSHOT_FIELDS),
            "images_added": len(prepared),
            "images_removed": removed,
        },
    )
    return proposal


@transaction.atomic
def proposal_support(*, actor: User, proposal: Proposal) -> tuple[Support, bool]:
    """Support a proposal once; asking again changes nothing (the database refuses a second)."""
    require(actor, "participation.support", proposal)
    try:
        with transaction.atomic():
            support = Support.objects.create(proposal=proposal, user=actor)
    except IntegrityError:
        return Support.objects.get(proposal=proposal, user=actor), False
    Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
    changed(PROPOSALS_TOPIC)
    audit_record(actor=actor, action="participation.proposal_support", target=proposal)
    return support, True


@transaction.atomic
def proposal_unsupport(*, actor: User, proposal: Proposal) -> bool:
    """Withdraw one's support (while supporting is possible); False when there was none."""
    require(actor, "participation.support", proposal)
    deleted, _ = Support.objects.filter(proposal=proposal, user=actor).delete()
    if not deleted:
        return False
    Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") - 1)
    changed(PROPOSALS_TOPIC)
    audit_record(actor=actor, action="participation.proposal_unsupport", target=proposal)
    return True


@transaction.atomic
def comment_create(
    *,
    actor: User,
    proposal: Proposal,
    text: str,
    reply_to: Comment | None = None,
    pseudonym: str = "",
) -> Comment:
    """A comment, or a reply; replies stay one level deep (a reply to a reply joins the thread),
    and the person replied to is told by e-mail."""
    require(actor, "participation.comment", proposal)
    if not text.strip():
        raise ValidationError({"text": _("Please write a comment.")})
    if reply_to is not None and reply_to.proposal_id != proposal.pk:
        raise ValidationError({"reply_to": _("This comment belongs to another proposal.")})
    participant_profile_ensure(user=actor, pseudonym=pseudonym)
    thread = reply_to.parent if reply_to is not None and reply_to.parent_id else reply_to
    comment = Comment.objects.create(
        proposal=proposal, parent=thread, author=actor, text=text.strip()
    )
    Proposal.objects.filter(pk=proposal.pk).update(comment_count=F("comment_count") + 1)
    changed(PROPOSALS_TOPIC)
    audit_record(
        actor=actor,
        action="participation.comment_create",
        target=comment,
        after={"proposal": proposal.pk, "reply_to": reply_to.pk if reply_to else None},
    )
    if reply_to is not None and reply_to.author_id and reply_to.author_id != actor.pk:
        enqueue_after_commit(
            "participation.notify_reply", comment_id=comment.pk, replied_to_id=reply_to.pk
        )
    return comment
