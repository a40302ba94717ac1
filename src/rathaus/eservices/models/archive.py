"""Hand-over of closed cases to the archive (xdomea Aussonderung) before anonymisation."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rathaus.eservices.models.cases import Case


class ArchiveStatus(models.TextChoices):
    PENDING = "pending", _("being handed over")
    SENT = "sent", _("awaiting archive")
    ACCEPTED = "accepted", _("taken over by the archive")
    REJECTED = "rejected", _("rejected by the archive")
    FAILED = "failed", _("hand-over failed")


class ArchiveTransfer(models.Model):
    """One case for the archive: at most one row per case, so a retry never makes a second
    message. The ids and the creation time are fixed here; the message built from them and the
    unchanged closed case is the same on every attempt. The case keeps its data until the
    archive has acknowledged the import."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="archive_transfer")
    process_id = models.UUIDField(_("process id"), unique=True, default=uuid.uuid4, editable=False)
    record_id = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ArchiveStatus.choices,
        default=ArchiveStatus.PENDING,
    )
    outbox = models.CharField(max_length=50)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    message_sha256 = models.CharField(max_length=64, blank=True)
    message_size = models.PositiveIntegerField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    archive_ids = models.JSONField(default=dict, blank=True)
    """{object UUID: the archive's identifier}, when the archive returned them."""
    rejections = models.JSONField(default=list, blank=True)
    """[{"id": object UUID, "object": what it is, "errors": [the archive's reasons]}]"""

    class Meta:
        verbose_name = _("archive hand-over")
        verbose_name_plural = _("archive hand-overs")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.case} → archive ({self.status})"
