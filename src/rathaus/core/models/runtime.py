"""What lets background work survive a process that dies: worker heartbeats, job leases and the
keys of e-mails already sent (see docs/adr/0152-no-lost-work.md)."""

from django.db import models
from django.utils import timezone


class WorkerHeartbeat(models.Model):
    """A task worker that is alive beats here; a running task of a worker that stopped beating
    for longer than the lease is run again."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    host = models.CharField(max_length=200, blank=True)
    pid = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(default=timezone.now)
    beat_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.host}:{self.pid})"


class JobLease(models.Model):
    """One row per scheduled job: who runs it until when, and when it last finished."""

    name = models.CharField(max_length=100, primary_key=True)
    holder = models.CharField(max_length=100, blank=True)
    locked_until = models.DateTimeField(null=True, blank=True)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name


class SentMail(models.Model):
    """The idempotency key of an e-mail that was sent; a retried task never sends it again."""

    key = models.CharField(max_length=200, unique=True)
    sent_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.key
