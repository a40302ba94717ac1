"""Cases on their way to the archive: awaiting its acknowledgement, rejected, or failed; and
whether a case goes to the archive, or may be anonymised, at all."""

from __future__ import annotations

from django.db.models import QuerySet

from rathaus.eservices import conf
from rathaus.eservices.models import ArchiveStatus, ArchiveTransfer, Case


def archive_transfers_open(*, unit_ids: set[int] | None = None) -> QuerySet[ArchiveTransfer]:
    """Hand-overs the archive has not (yet) taken over, of these departments (all when None);
    rejected and failed ones first."""
    transfers = ArchiveTransfer.objects.exclude(status=ArchiveStatus.ACCEPTED)
    if unit_ids is not None:
        transfers = transfers.filter(case__unit_id__in=unit_ids)
    return transfers.select_related("case__service", "case__unit").order_by("-status", "created_at")


def archive_wanted(case: Case) -> bool:
    """Does this case go to the archive before anonymisation? Never with archiving off."""
    if not conf.archive_enabled():
        return False
    services = conf.archive_services()
    return not services or case.service.slug in services


def anonymisation_allowed(case: Case) -> bool:
    """With archiving on, only a case the archive has taken over may be anonymised."""
    if not archive_wanted(case):
        return True
    return ArchiveTransfer.objects.filter(case=case, status=ArchiveStatus.ACCEPTED).exists()
