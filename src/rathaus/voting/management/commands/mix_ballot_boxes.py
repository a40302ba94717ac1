"""``manage.py mix_ballot_boxes``: rewrite the ballot boxes of open polls in tracker order.

Run it regularly (e.g. nightly) while polls are open: afterwards neither the physical order of
the ballots nor, on PostgreSQL, their transaction ids tell in which sequence they were cast.
Closing a poll mixes its box anyway. See docs/adr/0060-vote-secrecy.md.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from rathaus.voting.models import Poll
from rathaus.voting.services import ballot_box_mix


class Command(BaseCommand):
    help = "Mix the ballot boxes of all open polls (rewrite them in tracker order)."

    def handle(self, *args, **options):
        now = timezone.now()
        for poll in Poll.objects.filter(closed_at__isnull=True, opens_at__lte=now):
            count = ballot_box_mix(poll=poll)
            self.stdout.write(f"Mixed poll {poll.pk}: {count} ballots")
