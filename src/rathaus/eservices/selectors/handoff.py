"""Where the hand-offs of a case stand, as the clerk sees them on the case page, and which
hand-offs (deliveries, archive transfers) are due for their next attempt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from django.db.models import Model, QuerySet
from django.utils import timezone

from rathaus.eservices.models import Case, Delivery
from rathaus.eservices.models.handoff import DeliveryStatus
from rathaus.eservices.outboxes import outbox_for

Row = TypeVar("Row", bound=Model)


@dataclass(frozen=True)
class DeliveryView:
    delivery: Delivery
    label: str
    progress: str
    may_retry: bool


def deliveries_for_clerk(case: Case) -> list[DeliveryView]:
    views = []
    # The case page's case comes with its deliveries prefetched.
    for delivery in sorted(case.deliveries.all(), key=lambda delivery: delivery.pk):
        try:
            outbox = outbox_for(delivery.outbox)
        except LookupError:  # an outbox removed from the installation since
            views.append(DeliveryView(delivery, delivery.outbox, "", False))
            continue
        views.append(
            DeliveryView(
                delivery=delivery,
                label=str(outbox.label or delivery.outbox),
                progress=outbox.progress(reference=case.reference),
                may_retry=delivery.status == DeliveryStatus.FAILED
                and outbox.may_retry(reference=case.reference),
            )
        )
    return views


def attempts_due(
    rows: QuerySet[Row], *, pending: str, limit: int, now: datetime | None = None
) -> QuerySet[Row]:
    """The rows of a delivery-like table (`status`, `next_attempt_at`) still pending whose time
    has come by `now`, the longest waiting first, at most `limit` of them."""
    now = now or timezone.now()
    due = rows.filter(status=pending, next_attempt_at__lte=now)
    return due.order_by("next_attempt_at")[:limit]
