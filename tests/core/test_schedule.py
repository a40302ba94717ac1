import io
from datetime import timedelta

import pytest
from django.core.management import call_command

from rathaus.core import schedule


@pytest.fixture(autouse=True)
def _own_registry(monkeypatch):
    monkeypatch.setattr(schedule, "_JOBS", dict(schedule._JOBS))


def test_jobs_are_due_first_at_once_then_after_their_interval():
    schedule.register_job("test.every_minute", lambda: None, every=timedelta(minutes=1))
    job_names = lambda due: {job.name for job in due}  # noqa: E731

    assert "test.every_minute" in job_names(schedule.due_jobs({}, now=1000.0))
    assert "test.every_minute" not in job_names(
        schedule.due_jobs({"test.every_minute": 1000.0}, now=1059.0)
    )
    assert "test.every_minute" in job_names(
        schedule.due_jobs({"test.every_minute": 1000.0}, now=1060.0)
    )


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
