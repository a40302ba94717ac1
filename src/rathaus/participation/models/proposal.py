"""Proposals of citizens within a process, their images, comments and supports.

`support_count` and `comment_count` are kept by the services that add or remove supports and
comments (in the same transaction), so that a list of 10,000 proposals sorts by support and shows
its counts without counting rows. `shuffle_key`, a random number drawn once at creation, gives the
random order of a list (see `rathaus.participation.shuffle`).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rathaus.participation import shuffle
from rathaus.participation.models.location import Located
from rathaus.participation.models.moderated import Moderated
from rathaus.participation.models.process import Category, Process


class Proposal(Located, Moderated):
    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="proposals"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="participation_proposals",
    )
    title = models.CharField(_("title"), max_length=140)
    text = models.TextField(_("proposal"))
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    location_text = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("An address or a description of the place."),
    )
    support_count = models.PositiveIntegerField(_("supports"), default=0)
    comment_count = models.PositiveIntegerField(_("comments"), default=0)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)
    # Title and text as searchable words in German and English; PostgreSQL keeps it (a trigger
    # on insert and on a change of title or text, GIN-indexed), elsewhere it stays empty.
    # See rathaus.participation.search and ADR 0231.
    search_document = SearchVectorField(null=True, editable=False)
    # Drawn once at creation; the random order of a list starts at a point of this circle that
    # depends on the visitor's seed (see rathaus.participation.shuffle and ADR 0391).
    shuffle_key = models.PositiveIntegerField(default=shuffle.new_key, editable=False)

    class Meta(Located.Meta):
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["process", "-created_at", "-id"], name="proposal_newest"),
            models.Index(
                fields=["process", "-support_count", "-created_at", "-id"],
                name="proposal_most_supported",
            ),
            models.Index(fields=["process", "shuffle_key", "id"], name="proposal_shuffled"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("participation:proposal", args=[self.pk])


def _image_path(instance, filename: str) -> str:
    return f"participation/proposals/{uuid.uuid4().hex}.jpg"


class ProposalImage(models.Model):
    """An image as published: re-encoded without metadata (see `participation.images`)."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="images"
    )
    file = models.FileField(_("file"), upload_to=_image_path)
    alt_text = models.CharField(
        _("image description"),
        max_length=200,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["proposal", "id"]

    def __str__(self) -> str:
        return self.alt_text

    def get_absolute_url(self) -> str:
        return reverse("participation:proposal_image", args=[self.proposal_id, self.pk])


class Comment(Moderated):
    """A comment on a proposal, or a reply to one (`parent`; replies are one level deep)."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("reply to"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="participation_comments",
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["proposal", "created_at"], name="comment_thread")]

    def __str__(self) -> str:
        return self.text[:60]

    def get_absolute_url(self) -> str:
        return f"{self.proposal.get_absolute_url()}#comment-{self.pk}"


class Support(models.Model):
    """One person supports one proposal, at most once (a database constraint)."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="participation_supports",
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("support")
        verbose_name_plural = _("supports")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "user"], name="one_support_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.proposal_id}"
