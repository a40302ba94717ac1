"""Deliveries of cases to specialist systems through registered outboxes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from rathaus.eservices.models.cases import Case


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("waiting")
    DELIVERED = "delivered", _("delivered")
    FAILED = "failed", _("failed for good")


class Delivery(models.Model):
    """One case for one outbox: at most one row, so retrying never hands over a second case."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="deliveries")
    outbox = models.CharField(max_length=50)
    status = models.CharField(
        max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True, db_index=True)
    last_error = models.TextField(blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["case", "outbox"], name="one_delivery_per_outbox")
        ]

    def __str__(self) -> str:
        return f"{self.case} → {self.outbox}"
