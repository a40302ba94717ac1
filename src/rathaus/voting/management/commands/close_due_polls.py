"""``manage.py close_due_polls``: count every poll whose closing time has passed (for cron)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from rathaus.voting.models import Poll
from rathaus.voting.services import poll_close


class Command(BaseCommand):
    help = "Close and count every poll whose closing time has passed."

    def handle(self, *args, **options):
        due = Poll.objects.filter(closed_at__isnull=True, closes_at__lte=timezone.now())
        for poll in due:
            poll_close(actor=None, poll=poll)
            self.stdout.write(f"Closed poll {poll.pk}: {poll.title_de}")
