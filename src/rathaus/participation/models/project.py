"""The Vorhabenliste: the city's planned projects, their timeline and documents.

Each project says what the city plans, who is responsible, what it costs, where it is, how far it
is, and how citizens can take part (a linked participation process and/or a note).
"""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rathaus.organization.models import OrgUnit
from rathaus.participation.models.language import in_language
from rathaus.participation.models.location import Located
from rathaus.participation.models.process import Process


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    PREPARING = "preparing", _("In preparation")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class Topic(models.TextChoices):
    MOBILITY = "mobility", _("Mobility and transport")
    URBAN_DEVELOPMENT = "urban_development", _("Urban development and building")
    ENVIRONMENT = "environment", _("Environment and climate")
    EDUCATION = "education", _("Education and childcare")
    CULTURE = "culture", _("Culture and leisure")
    SPORTS = "sports", _("Sports")
    SOCIAL = "social", _("Social affairs and neighbourhood")
    DIGITAL = "digital", _("Digital city")


class Project(Located):
    slug = models.SlugField(_("short name"), max_length=80, unique=True)
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_de = models.TextField(_("description (German)"))
    description_en = models.TextField(_("description (English)"), blank=True)
    participation_de = models.TextField(_("how to take part (German)"), blank=True)
    participation_en = models.TextField(_("how to take part (English)"), blank=True)
    responsible_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("responsible department"),
        on_delete=models.PROTECT,
        related_name="participation_projects",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED
    )
    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices)
    cost = models.DecimalField(
        _("estimated cost (EUR)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Empty when not yet known."),
    )
    process = models.ForeignKey(
        Process,
        verbose_name=_("participation process"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    is_published = models.BooleanField(_("published"), default=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta(Located.Meta):
        verbose_name = _("planned project")
        verbose_name_plural = _("planned projects")
        ordering = ["title_de"]

    def __str__(self) -> str:
        return self.title_de

    def get_absolute_url(self) -> str:
        return reverse("participation:project", args=[self.slug])

    @property
    def title(self) -> str:
        return in_language(self.title_de, self.title_en)

    @property
    def description(self) -> str:
        return in_language(self.description_de, self.description_en)

    @property
    def participation(self) -> str:
        return in_language(self.participation_de, self.participation_en)


class TimelineEntry(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="timeline"
    )
    date = models.DateField(_("date"))
    title_de = models.CharField(_("step (German)"), max_length=200)
    title_en = models.CharField(_("step (English)"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        ordering = ["project", "date", "id"]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title_de}"

    @property
    def title(self) -> str:
        return in_language(self.title_de, self.title_en)

    @property
    def is_past(self) -> bool:
        return self.date <= timezone.localdate()


def _document_path(instance, filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"participation/projects/{uuid.uuid4().hex}{suffix}"


class ProjectDocument(models.Model):
    """A public document of a project (a plan, a council paper), served through a view."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="documents"
    )
    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    file = models.FileField(_("file"), upload_to=_document_path)
    filename = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("file type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["project", "uploaded_at", "id"]

    def __str__(self) -> str:
        return self.title_de

    def get_absolute_url(self) -> str:
        return reverse("participation:project_document", args=[self.project.slug, self.pk])

    @property
    def title(self) -> str:
        return in_language(self.title_de, self.title_en)
