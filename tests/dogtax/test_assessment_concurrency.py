"""Two workers on the same annual assessment run on PostgreSQL: every notice is written once.

Run with DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (skipped on SQLite).
"""

import time
from datetime import date

import pytest
from django.db import connection

from rathaus.dogtax.models import AssessmentItem, AssessmentRun, TaxNotice
from rathaus.dogtax.services import assessment as module
from rathaus.dogtax.services import assessment_start
from rathaus.dogtax.services.assessment import assessment_process
from rathaus.eservices.models import Letter
from tests.dogtax.factories import DogFactory, TaxAccountFactory
from tests.eservices.test_concurrency import run_together
from tests.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

YEAR = 2027


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")


@pytest.fixture
def households(stored_statute, tax_office):
    accounts = []
    for number in range(12):
        user = UserFactory() if number % 3 == 0 else None
        account = TaxAccountFactory(keeper=user, name=f"Keeper {number}")
        DogFactory(account=account, name="Bello", kept_since=date(2020, 1, 1))
        accounts.append(account)
    return accounts


@pytest.fixture
def slow_render(monkeypatch):
    """A notice that takes a while to print, so that the two workers really overlap."""

    def render(**kwargs):
        time.sleep(0.05)
        return b"%PDF-1.7 " + kwargs["account"].number.encode()

    monkeypatch.setattr(module, "render_notice", render)


def test_two_workers_on_one_run_write_every_notice_once(households, slow_render):
    run = assessment_start(year=YEAR, actor=None, background=False)

    results = run_together(
        lambda: assessment_process(run=run, batch_size=3),
        lambda: assessment_process(run=run, batch_size=3),
    )

    assert not [result for result in results if isinstance(result, Exception)], results
    run.refresh_from_db()
    assert run.state == AssessmentRun.State.FINISHED
    assert (run.done, run.total, run.failed) == (12, 12, 0)
    assert TaxNotice.objects.filter(year=YEAR, kind="annual").count() == 12
    assert AssessmentItem.objects.filter(run=run, state="done").count() == 12
    assert Letter.objects.count() == 4
    assert run.exports.filter(kind="csv").count() == 1


def test_two_clicks_at_once_start_one_run(households, slow_render):
    results = run_together(
        lambda: assessment_start(year=YEAR, actor=None, background=False),
        lambda: assessment_start(year=YEAR, actor=None, background=False),
    )

    assert results[0] == results[1]
    assert AssessmentRun.objects.count() == 1


def test_a_killed_worker_process_is_continued_without_duplicates(households):
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_ENV": "test",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
        f"{database['NAME']}",
    }
    command = [sys.executable, str(root / "manage.py"), "dogtax_assessment", "--year", "2027"]
    command += ["--batch-size", "1"]
    worker = subprocess.Popen(command, env=env, cwd=root, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        run = AssessmentRun.objects.filter(year=YEAR).first()
        if run is not None and run.done >= 2:
            break
        time.sleep(0.05)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    run.refresh_from_db()
    assert run.state == AssessmentRun.State.RUNNING
    assert 2 <= run.done < 12

    finished = subprocess.run(command, env=env, cwd=root, capture_output=True, check=False)

    assert finished.returncode == 0, finished.stderr[-2000:]
    run.refresh_from_db()
    assert run.state == AssessmentRun.State.FINISHED
    assert TaxNotice.objects.filter(year=YEAR, kind="annual").count() == 12
    assert AssessmentItem.objects.filter(run=run).count() == 12
    assert Letter.objects.count() == 4
