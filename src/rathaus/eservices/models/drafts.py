"""Applications being filled in, the links to resume them, and uploaded files."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rathaus.eservices.models.catalogue import Service
from rathaus.eservices.models.forms import FormVersion


class Draft(models.Model):
    """One person's unfinished application for one service, kept in their account."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="eservice_drafts"
    )
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="drafts")
    form_version = models.ForeignKey(FormVersion, on_delete=models.PROTECT, related_name="+")
    answers = models.JSONField(default=dict)
    step_key = models.CharField(max_length=40, blank=True)
    idempotency_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    case = models.OneToOneField(
        "eservices.Case", null=True, blank=True, on_delete=models.SET_NULL, related_name="draft"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("unfinished application")
        verbose_name_plural = _("unfinished applications")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "service"],
                condition=Q(case__isnull=True),
                name="one_open_draft_per_person_and_service",
            )
        ]

    def __str__(self) -> str:
        return f"draft {self.public_id}"

    @property
    def is_submitted(self) -> bool:
        return self.case_id is not None


class ResumeLink(models.Model):
    """A link sent by e-mail to continue a draft; valid as often as needed until it expires."""

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="resume_links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("resume link")
        verbose_name_plural = _("resume links")

    def __str__(self) -> str:
        return f"resume link {self.pk}"


def upload_path(instance, filename: str) -> str:
    return f"eservices/uploads/{instance.created_at:%Y/%m}/{instance.pk}.{instance.kind}"


class Upload(models.Model):
    """A file a citizen uploaded, checked by its content; served only through checked views."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="eservice_uploads",
    )
    draft = models.ForeignKey(
        Draft, null=True, blank=True, on_delete=models.CASCADE, related_name="uploads"
    )
    case = models.ForeignKey(
        "eservices.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="uploads"
    )
    message = models.ForeignKey(
        "eservices.Message",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    field_key = models.CharField(max_length=40, blank=True)
    file = models.FileField(upload_to=upload_path)
    original_name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField()

    class Meta:
        verbose_name = _("uploaded file")
        verbose_name_plural = _("uploaded files")

    def __str__(self) -> str:
        return self.original_name

    @property
    def content_type(self) -> str:
        return {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}[self.kind]
