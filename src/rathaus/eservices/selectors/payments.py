"""Payments the city may collect by direct debit."""

from __future__ import annotations

from datetime import date

from rathaus.eservices.models import PaymentRequest
from rathaus.eservices.models.payments import PaymentStatus


def collectable_payments(*, unit_ids, collection_date: date):
    return (
        PaymentRequest.objects.filter(
            status=PaymentStatus.OPEN,
            mandate__isnull=False,
            mandate__revoked_at__isnull=True,
            due_on__lte=collection_date,
            case__unit__in=unit_ids,
        )
        .select_related("mandate", "case")
        .order_by("due_on", "pk")
    )
