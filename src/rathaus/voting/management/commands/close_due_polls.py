"""``manage.py close_due_polls``: count every poll whose closing time has passed.

The scheduler (``manage.py run_schedule``) does this every minute; the command is for cron.
"""

from django.core.management.base import BaseCommand

from rathaus.voting.services.schedule import polls_close_due


class Command(BaseCommand):
    help = "Close and count every poll whose closing time has passed."

    def handle(self, *args, **options):
        for poll in polls_close_due():
            self.stdout.write(f"Closed poll {poll.pk}: {poll.title_de}")
