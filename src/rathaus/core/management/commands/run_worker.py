"""Run a task worker for whichever queue the settings choose (TASKS_URL).

The database queue (the embedded default) is run by django-tasks-db's `db_worker` with a
heartbeat: beside running tasks it beats in `WorkerHeartbeat` and puts the running tasks of dead
workers back into the queue (rathaus.core.taskruntime). It takes `db_worker`'s options (except
--reload). A Redis queue is run by django-rq's `rqworker` with django-tasks-rq's job class. The
Procfile and the operations guide call this command, so they follow the setting.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django_tasks_db.management.commands import db_worker

from rathaus.core.taskruntime import heartbeat, heartbeat_end, lease, orphans_requeue

logger = logging.getLogger(__name__)


class LeasedWorker(db_worker.Worker):
    def run(self) -> None:
        heartbeat(self.worker_id)
        orphans_requeue()
        stop = threading.Event()
        beating = threading.Thread(target=self._beat, args=(stop,), daemon=True)
        beating.start()
        try:
            super().run()
        finally:
            stop.set()
            beating.join()
            heartbeat_end(self.worker_id)

    def _beat(self, stop: threading.Event) -> None:
        try:
            while not stop.wait(lease().total_seconds() / 3):
                try:
                    heartbeat(self.worker_id)
                    orphans_requeue()
                except Exception:
                    logger.exception("Heartbeat of worker %s failed", self.worker_id)
        finally:
            connection.close()


def _rq_worker(queues: list[str], burst: bool) -> None:
    call_command(
        "rqworker", *queues, job_class="django_tasks_rq.Job", with_scheduler=not burst, burst=burst
    )


# Backends that need a worker process of their own other than the database worker below.
OTHER_WORKERS = {"django_tasks_rq.RQBackend": _rq_worker}


class Command(db_worker.Command):
    help = "Run the background worker for the configured queue; tasks of dead workers run again."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # db_worker accepts only database backends; with a Redis queue the worker is RQ's.
        for action in parser._actions:
            if action.dest == "backend_name":
                action.type = str
        parser.add_argument("--burst", action="store_true", help="Run the queued tasks, then stop.")

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        max_tasks,
        worker_id,
        exclude_queues,
        burst=False,
        **options,
    ):
        backend = settings.TASKS[backend_name]["BACKEND"]
        if backend in OTHER_WORKERS:
            queues = settings.TASKS[backend_name].get("QUEUES", ["default"])
            OTHER_WORKERS[backend](queues, burst or batch)
            return
        batch = batch or burst
        self.configure_logging(verbosity)
        worker = LeasedWorker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
        )
        worker.configure_signals()
        worker.run()
