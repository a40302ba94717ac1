"""Retry the hand-off of cases to specialist systems whose next attempt is due.

Run every few minutes (cron or a systemd timer) next to the task worker.
"""

from django.core.management.base import BaseCommand

from rathaus.eservices.services.handoff import deliveries_retry_due


class Command(BaseCommand):
    help = "Attempt every pending delivery to an outbox whose retry time has come."

    def handle(self, *args, **options):
        self.stdout.write(f"attempted: {deliveries_retry_due()}")
