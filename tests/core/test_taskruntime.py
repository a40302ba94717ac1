"""The running tasks of dead workers go back into the queue; live workers keep theirs."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from rathaus.core.models import SentMail, WorkerHeartbeat
from rathaus.core.taskruntime import heartbeat, mail_once, orphans_requeue
from rathaus.eservices.tasks import send_mailbox_notification

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.TASKS_LEASE_SECONDS = 60
    settings.TASKS_MAX_ATTEMPTS = 3


def running(worker_ids, *, started_seconds_ago=120) -> DBTaskResult:
    result = DBTaskResult.objects.get(pk=send_mailbox_notification.enqueue(0).id)
    result.status = "RUNNING"
    result.worker_ids = worker_ids
    result.started_at = timezone.now() - timedelta(seconds=started_seconds_ago)
    result.save()
    return result


def test_a_task_of_a_dead_worker_runs_again_one_of_a_live_worker_does_not():
    heartbeat("alive")
    WorkerHeartbeat.objects.create(worker_id="dead", beat_at=timezone.now() - timedelta(hours=1))
    orphan = running(["dead"])
    kept = running(["alive"])
    young = running(["gone"], started_seconds_ago=5)

    assert orphans_requeue() == 1

    orphan.refresh_from_db()
    kept.refresh_from_db()
    young.refresh_from_db()
    assert (orphan.status, kept.status, young.status) == ("READY", "RUNNING", "RUNNING")


def test_a_task_that_killed_too_many_workers_is_marked_failed():
    poison = running(["a", "b", "c"])

    assert orphans_requeue() == 0

    poison.refresh_from_db()
    assert poison.status == "FAILED"
    assert "WorkerDied" in poison.exception_class_path


def test_a_mail_with_a_key_is_sent_once():
    sent = []

    assert mail_once("case:1:submitted", lambda: sent.append(1))
    assert not mail_once("case:1:submitted", lambda: sent.append(2))
    assert sent == [1]
    assert SentMail.objects.count() == 1


def test_a_mail_whose_sending_failed_is_sent_by_the_retry():
    def fail():
        raise OSError("SMTP down")

    with pytest.raises(OSError):
        mail_once("case:2:submitted", fail)

    assert mail_once("case:2:submitted", lambda: None)
