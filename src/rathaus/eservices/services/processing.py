"""Staff run the processing of a stuck submission again (audited; the task is idempotent)."""

from __future__ import annotations

from django.db import transaction

from rathaus.core.audit import audit_record
from rathaus.core.taskruntime import enqueue_after_commit
from rathaus.eservices.models import Case
from rathaus.eservices.selectors.stuck import stuck_cases


class NotStuck(Exception):
    """The case is no longer stuck (processed meanwhile, or decided)."""


@transaction.atomic
def case_processing_retry(*, case: Case, actor) -> None:
    if not stuck_cases().filter(pk=case.pk).exists():
        raise NotStuck(case.reference)
    audit_record(actor=actor, action="eservices.case.retry_processing", target=case)
    enqueue_after_commit("eservices.process_submission", case.pk)
