"""Submissions whose processing after submission did not finish in time ("stuck")."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from rathaus.eservices import workflow
from rathaus.eservices.models import Case


def stuck_cases(*, unit_ids: set[int] | None = None) -> QuerySet[Case]:
    """Submitted cases whose processing (mail, receipt, automatic decision, hand-off) has not
    finished `ESERVICES_STUCK_AFTER_MINUTES` after submission; all departments when None."""
    cutoff = timezone.now() - timedelta(minutes=settings.ESERVICES_STUCK_AFTER_MINUTES)
    cases = Case.objects.filter(
        status=workflow.SUBMITTED, processed_at=None, submitted_at__lt=cutoff
    )
    if unit_ids is not None:
        cases = cases.filter(unit_id__in=unit_ids)
    return cases.select_related("service", "unit").order_by("submitted_at")
