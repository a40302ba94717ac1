"""The journal of FIT-Connect submissions: written before each step, so a crash resumes."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rathaus.eservices.models import Case


class TransferState(models.TextChoices):
    ANNOUNCED = "announced", _("announced")
    SUBMITTED = "submitted", _("submitted")
    ACCEPTED = "accepted", _("accepted by the destination")
    REJECTED = "rejected", _("rejected by the destination")


OPEN_STATES = (TransferState.ANNOUNCED, TransferState.SUBMITTED)


class Transfer(models.Model):
    """One FIT-Connect submission of a case; a case sent again gets a second one (same caseId)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="fitconnect_transfers")
    destination_id = models.CharField(max_length=64)
    submission_url = models.URLField(max_length=300)
    submission_id = models.CharField(max_length=64, unique=True)
    fit_case_id = models.CharField(max_length=64)
    # [{"id": uuid, "filename": str, "sha512": hex or "", "uploaded": bool, "tag": JWE tag}]
    attachments = models.JSONField(default=list)
    # The JWE authentication tags of what was submitted: an acceptance must name the same ones.
    authentication_tags = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=20, choices=TransferState.choices)
    problems = models.JSONField(default=list, blank=True)
    retry_makes_sense = models.BooleanField(default=False)
    announced_at = models.DateTimeField()
    submitted_at = models.DateTimeField(null=True, blank=True)
    settled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("FIT-Connect submission")
        verbose_name_plural = _("FIT-Connect submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(state__in=["announced", "submitted"]),
                name="one_open_fitconnect_transfer_per_case",
            )
        ]

    def __str__(self) -> str:
        return f"{self.case} → {self.submission_id}"
