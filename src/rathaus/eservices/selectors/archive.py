"""Cases on their way to the archive: awaiting its acknowledgement, rejected, or failed."""

from __future__ import annotations

from django.db.models import QuerySet

from rathaus.eservices.models import ArchiveStatus, ArchiveTransfer


def archive_transfers_open(*, unit_ids: set[int] | None = None) -> QuerySet[ArchiveTransfer]:
    """Hand-overs the archive has not (yet) taken over, of these departments (all when None);
    rejected and failed ones first."""
    transfers = ArchiveTransfer.objects.exclude(status=ArchiveStatus.ACCEPTED)
    if unit_ids is not None:
        transfers = transfers.filter(case__unit_id__in=unit_ids)
    return transfers.select_related("case__service", "case__unit").order_by("-status", "created_at")
