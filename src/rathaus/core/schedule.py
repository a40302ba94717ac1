"""Jobs that run on a schedule: phase announcements, retention clean-up, reminders, ...

Domains register a job in `AppConfig.ready()`; `manage.py run_schedule` (a process of its own in
the Procfile) runs each job when it is due, and `manage.py run_schedule --once` runs all of them
once for cron. Jobs must be idempotent: running one twice, or in two places, changes nothing more
than running it once. A job that fails is logged and tried again at its next turn.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

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


def run_job(job: Job) -> bool:
    """Run one job; True when it finished, False when it failed (the error is logged)."""
    try:
        job.run()
    except Exception:
        logger.exception("Scheduled job %s failed", job.name)
        return False
    return True


def due_jobs(last_runs: dict[str, float], now: float) -> list[Job]:
    """The jobs whose interval has passed since their last run (never run: due now)."""
    return [
        job
        for job in jobs()
        if job.name not in last_runs or now - last_runs[job.name] >= job.every.total_seconds()
    ]
