"""Run a task worker for whichever queue the settings choose (TASKS_URL).

The database queue (the embedded default) is run by django-tasks-db's `db_worker`, a Redis
queue by django-rq's `rqworker` with django-tasks-rq's job class. The Procfile and the
operations guide call this command, so they follow the setting.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


def _database_worker(queues: list[str], burst: bool) -> None:
    call_command("db_worker", queue_name=",".join(queues), batch=burst)


def _rq_worker(queues: list[str], burst: bool) -> None:
    call_command(
        "rqworker", *queues, job_class="django_tasks_rq.Job", with_scheduler=not burst, burst=burst
    )


WORKERS = {
    "django_tasks_db.DatabaseBackend": _database_worker,
    "django_tasks_rq.RQBackend": _rq_worker,
}


class Command(BaseCommand):
    help = "Run a background task worker for the configured task queue."

    def add_arguments(self, parser):
        parser.add_argument("--queue", action="append", dest="queues", default=None)
        parser.add_argument("--burst", action="store_true", help="Run the queued tasks, then stop.")

    def handle(self, *args, queues=None, burst=False, **options):
        backend = settings.TASKS["default"]["BACKEND"]
        try:
            worker = WORKERS[backend]
        except KeyError:
            raise SystemExit(f"No worker runs tasks of {backend}; it runs them itself.") from None
        worker(queues or settings.TASKS["default"].get("QUEUES", ["default"]), burst)
