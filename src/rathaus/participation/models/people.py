"""People as participants: their public pseudonym, settings, block status, and what they follow."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rathaus.participation.models.process import Process
from rathaus.participation.models.project import Project
from rathaus.participation.models.proposal import Proposal


class ParticipantProfile(models.Model):
    """Created on a person's first contribution (or when they open their settings)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="participant",
    )
    pseudonym = models.CharField(
        _("pseudonym"),
        max_length=40,
        help_text=_(
            "Shown with your proposals and comments instead of your name. "
            "Never your e-mail address."
        ),
    )
    notify_phase = models.BooleanField(
        _("e-mail me when a process or planned project I follow moves on"), default=True
    )
    notify_answer = models.BooleanField(
        _("e-mail me when the city answers a proposal I follow"), default=True
    )
    notify_reply = models.BooleanField(
        _("e-mail me when someone replies to my comment"), default=True
    )
    blocked_at = models.DateTimeField(_("blocked at"), null=True, blank=True)
    blocked_reason = models.TextField(_("reason for blocking"), blank=True)
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("blocked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(Lower("pseudonym"), name="unique_pseudonym_ignoring_case")
        ]

    def __str__(self) -> str:
        return self.pseudonym

    @property
    def is_blocked(self) -> bool:
        return self.blocked_at is not None


class Follow(models.Model):
    """A person follows a process, a project or a proposal (exactly one) to hear what happens."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="participation_follows",
    )
    process = models.ForeignKey(
        Process, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.CheckConstraint(
                condition=Q(process__isnull=False, project__isnull=True, proposal__isnull=True)
                | Q(process__isnull=True, project__isnull=False, proposal__isnull=True)
                | Q(process__isnull=True, project__isnull=True, proposal__isnull=False),
                name="follow_names_one_thing",
            ),
            models.UniqueConstraint(
                fields=["user", "process"],
                condition=Q(process__isnull=False),
                name="follow_process_once",
            ),
            models.UniqueConstraint(
                fields=["user", "project"],
                condition=Q(project__isnull=False),
                name="follow_project_once",
            ),
            models.UniqueConstraint(
                fields=["user", "proposal"],
                condition=Q(proposal__isnull=False),
                name="follow_proposal_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.target}"

    @property
    def target(self) -> Process | Project | Proposal:
        return self.process or self.project or self.proposal
