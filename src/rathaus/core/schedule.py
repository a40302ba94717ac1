"""Jobs that run on a schedule: phase announcements, retention clean-up, reminders, ...

Domains register a job in `AppConfig.ready()`; `manage.py run_schedule` (a process of its own in
the Procfile) runs each job when it is due, and `manage.py run_schedule --once` runs all of them
once for cron. Jobs must be idempotent: running one twice, or in two places, changes nothing more
than running it once. A job that fails is logged and tried again at its next turn.

Each job has a lease row (`JobLease`): a scheduler runs a job only while it holds the lease, so two
schedulers (or a restarted one beside a hanging one) never run the same job at the same time, and
when a job last finished is kept in the database, so a restarted scheduler does not run every job
again at once. A scheduler that dies in a job leaves a lease that expires after
`SCHEDULE_LEASE_SECONDS`; then the job may run again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from rathaus.core.models import JobLease

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    name: str
    run: Callable[[], object]
    every: timedelta


_JOBS: dict[str, Job] = {}


def register_job(name: str, run: Callable[[], object], *, every: timedelta) -> None:
    _JOBS[name] = Job(name=name, run=run, every=every)


def jobs() -> list[Job]:
    return sorted(_JOBS.values(), key=lambda job: job.name)


def run_job(job: Job, *, holder: str = "", force: bool = False) -> bool | None:
    """Run one job if it is due and nobody else runs it; True when it finished, False when it
    failed (the error is logged), None when it was not run. `force`: also when not due."""
    if not job_claim(job, holder=holder, force=force):
        return None
    try:
        job.run()
    except Exception:
        logger.exception("Scheduled job %s failed", job.name)
        return False
    finally:
        job_release(job, holder=holder)
    return True


def job_claim(job: Job, *, holder: str, force: bool = False) -> bool:
    """Take the job's lease if it is free and the job is due (or `force`)."""
    now = timezone.now()
    JobLease.objects.get_or_create(name=job.name)
    with transaction.atomic():
        lease = JobLease.objects.select_for_update().get(name=job.name)
        if lease.locked_until is not None and lease.locked_until > now:
            return False
        if not force and not is_due(job, lease.last_finished_at, now):
            return False
        lease.holder = holder
        lease.locked_until = now + timedelta(seconds=settings.SCHEDULE_LEASE_SECONDS)
        lease.last_started_at = now
        lease.save()
    return True


def job_release(job: Job, *, holder: str) -> None:
    JobLease.objects.filter(name=job.name, holder=holder).update(
        locked_until=None, last_finished_at=timezone.now()
    )


def is_due(job: Job, last_finished_at: datetime | None, now: datetime) -> bool:
    """Never run: due now; otherwise once its interval has passed since it last finished."""
    return last_finished_at is None or now - last_finished_at >= job.every
