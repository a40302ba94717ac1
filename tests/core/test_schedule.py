import io
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from rathaus.core import schedule
from rathaus.core.models import JobLease
from tests.eservices.test_concurrency import run_together


@pytest.fixture(autouse=True)
def _own_registry(monkeypatch):
    monkeypatch.setattr(schedule, "_JOBS", dict(schedule._JOBS))


def test_a_job_runs_when_due_and_a_restarted_scheduler_does_not_run_it_again(db):
    ran = []
    job = schedule.Job("test.every_minute", lambda: ran.append(1), every=timedelta(minutes=1))

    assert schedule.run_job(job, holder="scheduler-1") is True
    # A new scheduler process (nothing in memory) finds the job finished a moment ago.
    assert schedule.run_job(job, holder="scheduler-2") is None
    JobLease.objects.filter(name=job.name).update(
        last_finished_at=timezone.now() - timedelta(minutes=1)
    )
    assert schedule.run_job(job, holder="scheduler-2") is True
    assert ran == [1, 1]


def test_a_job_held_by_another_scheduler_is_not_run_until_its_lease_expires(db, settings):
    ran = []
    job = schedule.Job("test.held", lambda: ran.append(1), every=timedelta(minutes=1))
    assert schedule.job_claim(job, holder="scheduler-1")  # scheduler 1 runs it (or died in it)

    assert schedule.run_job(job, holder="scheduler-2", force=True) is None
    assert ran == []
    JobLease.objects.filter(name=job.name).update(locked_until=timezone.now() - timedelta(1))
    assert schedule.run_job(job, holder="scheduler-2") is True
    assert ran == [1]
    lease = JobLease.objects.get(name=job.name)
    assert (lease.holder, lease.locked_until) == ("scheduler-2", None)


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_schedulers_at_the_same_moment_run_a_job_once():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    ran = []

    def slow():
        ran.append(1)
        time.sleep(0.5)

    job = schedule.Job("test.slow", slow, every=timedelta(hours=1))

    results = run_together(
        lambda: schedule.run_job(job, holder="a"), lambda: schedule.run_job(job, holder="b")
    )

    assert sorted(results, key=str) == [None, True]
    assert ran == [1]


def test_a_failing_job_is_reported_and_does_not_stop_the_others(db):
    ran = []
    schedule.register_job("test.fails", lambda: 1 / 0, every=timedelta(minutes=1))
    schedule.register_job("test.works", lambda: ran.append(True), every=timedelta(minutes=1))
    out = io.StringIO()

    call_command("run_schedule", "--once", stdout=out)

    assert "test.fails: failed" in out.getvalue()
    assert "test.works: done" in out.getvalue()
    assert ran == [True]


def test_participation_registers_its_phase_announcements():
    assert "participation.announce_phases" in {job.name for job in schedule.jobs()}
