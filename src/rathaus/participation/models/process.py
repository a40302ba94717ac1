"""Participation processes and their phases.

A `Process` is one participation offer of the city (a topic, a place, a time); its `Phase` rows
give it a schedule. What people may do depends on the phase running now, as declared in
`participation.phases` — nothing here branches on the kind of phase.

For the voting app: a poll belongs inside a process's voting phase. Find it with
`process.phase_of_kind(PhaseKind.VOTING)`; the phase's `starts_at`/`ends_at` are the window in which
casting is possible (a poll may narrow it, never widen it). Phases are unique per kind within a
process, so "the voting phase of process X" is one row.
"""

from __future__ import annotations

from datetime import datetime

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rathaus.organization.models import OrgUnit
from rathaus.participation import phases
from rathaus.participation.models.language import in_language


class PhaseKind(models.TextChoices):
    INFORMATION = phases.INFORMATION, _("Information")
    PROPOSALS = phases.PROPOSALS, _("Proposals")
    DISCUSSION = phases.DISCUSSION, _("Discussion")
    VOTING = phases.VOTING, _("Voting")
    RESULTS = phases.RESULTS, _("Results")
    IMPLEMENTATION = phases.IMPLEMENTATION, _("Implementation")


class Process(models.Model):
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    summary_de = models.CharField(_("summary (German)"), max_length=300, blank=True)
    summary_en = models.CharField(_("summary (English)"), max_length=300, blank=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    responsible_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("responsible department"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="participation_processes",
    )
    district = models.CharField(
        _("district"), max_length=100, blank=True, help_text=_("Empty for the whole city.")
    )
    is_published = models.BooleanField(_("published"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("participation process")
        verbose_name_plural = _("participation processes")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title_de

    def get_absolute_url(self) -> str:
        return reverse("participation:process", args=[self.slug])

    @property
    def title(self) -> str:
        return in_language(self.title_de, self.title_en)

    @property
    def summary(self) -> str:
        return in_language(self.summary_de, self.summary_en)

    @property
    def description(self) -> str:
        return in_language(self.description_de, self.description_en)

    def schedule(self) -> list[Phase]:
        """The phases in order (uses prefetched phases when there are any)."""
        return sorted(self.phases.all(), key=lambda phase: phase.starts_at)

    def phase_at(self, at: datetime) -> Phase | None:
        return next((phase for phase in self.schedule() if phase.is_running(at)), None)

    @property
    def current_phase(self) -> Phase | None:
        return self.phase_at(timezone.now())

    def phase_of_kind(self, kind: str) -> Phase | None:
        return next((phase for phase in self.schedule() if phase.kind == kind), None)

    @property
    def takes_proposals(self) -> bool:
        """Whether proposals belong to this process at all (it has a proposal phase)."""
        return self.phase_of_kind(PhaseKind.PROPOSALS) is not None


class Phase(models.Model):
    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="phases"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PhaseKind.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    description_de = models.TextField(_("what happens (German)"), blank=True)
    description_en = models.TextField(_("what happens (English)"), blank=True)
    announced_at = models.DateTimeField(
        _("announced at"),
        null=True,
        blank=True,
        help_text=_("When followers were told that this phase began (once)."),
    )

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["process", "starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["process", "kind"], name="one_phase_per_kind"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="phase_ends_after_it_starts"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.process} – {self.get_kind_display()}"

    @property
    def name(self) -> str:
        return self.get_kind_display()

    @property
    def description(self) -> str:
        return in_language(self.description_de, self.description_en)

    @property
    def phase_type(self) -> phases.PhaseType:
        return phases.phase_type(self.kind)

    def is_running(self, at: datetime) -> bool:
        return self.starts_at <= at < self.ends_at

    def span(self) -> phases.Span:
        return phases.Span(self.kind, self.starts_at, self.ends_at)


class Category(models.Model):
    """A category proposals of one process can be filed under (set by the city)."""

    process = models.ForeignKey(
        Process, verbose_name=_("process"), on_delete=models.CASCADE, related_name="categories"
    )
    slug = models.SlugField(_("short name"), max_length=60)
    name_de = models.CharField(_("name (German)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["process", "name_de"]
        constraints = [
            models.UniqueConstraint(fields=["process", "slug"], name="unique_category_per_process")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_language(self.name_de, self.name_en)
