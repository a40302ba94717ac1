"""A worker killed (SIGKILL) in the middle of deciding a submission: another worker notices the
dead worker's lease, runs the task again, and the case is decided once, with one notice and one
mail each (a real worker process on PostgreSQL).

Run with DATABASE_URL=postgres://… (skipped on SQLite).
"""

import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from rathaus.core.installation import install_all
from rathaus.eservices.models import Case, Notice, Service
from tests.dogtax.factories import RegistrationFactory
from tests.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
LEASE_SECONDS = 3


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")


@pytest.fixture
def environment(tmp_path, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MEDIA_ROOT = str(tmp_path / "media")
    db = connection.settings_dict
    (tmp_path / "mail").mkdir()
    return {
        **{key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"},
        "DJANGO_ENV": "test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "TASKS_LEASE_SECONDS": str(LEASE_SECONDS),
        "EMAIL_URL": f"filemail:///{tmp_path / 'mail'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "ESERVICES_OUTBOX_DIR": str(tmp_path / "outbox"),
        "PYTHONPATH": str(ROOT / "src"),
    }


def worker(environment, *command, **extra):
    return subprocess.Popen(
        [sys.executable, *command, "--no-startup-delay", "--interval", "0.2", "-v", "0"],
        cwd=ROOT,
        env={**environment, **extra},
    )


def wait_for(condition, *, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_a_killed_worker_leaves_no_case_undecided_and_nothing_twice(environment, tmp_path):
    install_all()
    case = RegistrationFactory(
        service=Service.objects.get(slug="hundesteuer-anmeldung"),
        applicant=UserFactory(email="keeper@example.org"),
        answers={"kept_since": date(timezone.localdate().year - 1, 5, 10).isoformat()},
        processed=False,
    )
    assert DBTaskResult.objects.ready().count() == 1
    marker = tmp_path / "paused"

    first = worker(
        environment,
        "tests/core/scripts/pausing_worker.py",
        PAUSE_MARKER=str(marker),
    )
    try:
        wait_for(marker.exists, seconds=120, what="the worker to start deciding")
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)

    case.refresh_from_db()
    assert case.status == "submitted"
    assert not Notice.objects.filter(case=case).exists()  # the deciding transaction died
    assert DBTaskResult.objects.running().count() == 1

    second = worker(environment, "manage.py", "run_worker")
    try:
        wait_for(
            lambda: (
                not DBTaskResult.objects.exclude(status__in=["SUCCESSFUL", "FAILED"]).exists()
                and Case.objects.get(pk=case.pk).status == "decided"
            ),
            seconds=120,
            what="the second worker to decide the case",
        )
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=30)

    case.refresh_from_db()
    assert case.status == "decided" and case.processed_at is not None
    assert Notice.objects.filter(case=case).count() == 1
    assert case.events.filter(to_status="decided").count() == 1
    assert not DBTaskResult.objects.failed().exists()
    retried = DBTaskResult.objects.get(task_path="rathaus.eservices.tasks.process_submission")
    assert len(retried.worker_ids) == 2
    mails = [path.read_text() for path in (tmp_path / "mail").iterdir()]
    subjects = sorted(
        line for text in mails for line in text.splitlines() if line.startswith("Subject:")
    )
    assert len(subjects) == 2, subjects  # the confirmation once, the news of the notice once
