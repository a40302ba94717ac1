"""The database task worker with a heartbeat: the tasks of a worker that died run again.

Takes the options of django-tasks-db's `db_worker` (except --reload). Beside running tasks it
beats in `WorkerHeartbeat` and puts the running tasks of dead workers back into the queue
(rathaus.core.taskruntime).
"""

from __future__ import annotations

import logging
import threading

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


class Command(db_worker.Command):
    help = "Run the background worker; tasks of workers that died are run again."

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
        **options,
    ):
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
