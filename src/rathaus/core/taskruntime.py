"""Background tasks that survive a worker that dies (SIGKILL, out of memory, machine restart).

A worker started with `manage.py run_worker` beats in `WorkerHeartbeat` every third of the lease
(`TASKS_LEASE_SECONDS`). A task that is marked running by a worker that has not beaten for longer
than the lease is put back into the queue and runs again (at most `TASKS_MAX_ATTEMPTS` times,
then it is marked failed). Every task handler is idempotent, so running it again produces no
second decision, notice or e-mail (`mail_once`). See docs/adr/0152-no-lost-work.md.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks.base import Task
from django_tasks_db import DatabaseBackend
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from rathaus.core.models import SentMail, WorkerHeartbeat

logger = logging.getLogger(__name__)


def lease() -> timedelta:
    return timedelta(seconds=settings.TASKS_LEASE_SECONDS)


def heartbeat(worker_id: str) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"beat_at": timezone.now(), "host": socket.gethostname(), "pid": os.getpid()},
    )


def heartbeat_end(worker_id: str) -> None:
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


class WorkerDied(Exception):
    """Recorded on a task whose workers died too often while running it."""


def orphans_requeue() -> int:
    """Put the running tasks of dead workers back into the queue; the number put back."""
    cutoff = timezone.now() - lease()
    live = set(
        WorkerHeartbeat.objects.filter(beat_at__gte=cutoff).values_list("worker_id", flat=True)
    )
    requeued = 0
    with transaction.atomic():
        running = DBTaskResult.objects.running().filter(started_at__lt=cutoff)
        for result in running.select_for_update(skip_locked=True):
            if result.worker_ids and result.worker_ids[-1] in live:
                continue
            if len(result.worker_ids) >= settings.TASKS_MAX_ATTEMPTS:
                result.set_failed(WorkerDied(f"{len(result.worker_ids)} workers died running it"))
                logger.error(
                    "Task %s failed: its workers died %s times.", result.pk, len(result.worker_ids)
                )
                continue
            result.status = TaskResultStatus.READY
            result.save(update_fields=["status"])
            requeued += 1
            logger.warning("Task %s (%s) of a dead worker runs again.", result.pk, result.task_path)
    return requeued


def mail_once(key: str, send: Callable[[], object]) -> bool:
    """Send an e-mail unless one with this key was sent; True when it was sent now.

    The key row and the sending share a transaction: a concurrent duplicate waits on the unique
    key and then finds it taken; a crash before the commit leaves no key, so the retry sends.
    """
    try:
        with transaction.atomic():
            SentMail.objects.create(key=key)
            send()
    except IntegrityError:
        return False
    return True


# Services start background work by the task's name, never by importing a `tasks` module:
# tasks call services, so a service importing its app's tasks would close an import cycle.
# Each `tasks.py` registers its tasks with `@background(name)`; the app's AppConfig.ready()
# imports it (docs/architecture.md, "Layers and imports").
_TASKS: dict[str, Task] = {}


def background(name: str) -> Callable[[Task], Task]:
    """Register a django-tasks task under `name` (``<app>.<what>``), for `enqueue_after_commit`."""

    def register(task: Task) -> Task:
        known = _TASKS.get(name)
        if known is not None and known.module_path != task.module_path:
            raise ImproperlyConfigured(f"Two background tasks are named {name!r}.")
        _TASKS[name] = task
        return task

    return register


def background_task(name: str) -> Task:
    try:
        return _TASKS[name]
    except KeyError:
        raise ImproperlyConfigured(
            f"No background task {name!r}: is its tasks module imported in AppConfig.ready()?"
        ) from None


def enqueue_after_commit(name: str, *args, **kwargs) -> None:
    """Enqueue the background task registered as `name` so that it is never lost once the
    transaction committed.

    With the database queue the task row is written in the same transaction (it becomes visible
    with the data it works on); with a broker it is sent after the commit.
    """
    task = background_task(name)
    if isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(partial(task.enqueue, *args, **kwargs))
