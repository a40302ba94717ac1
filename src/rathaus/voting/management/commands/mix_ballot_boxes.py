"""``manage.py mix_ballot_boxes``: rewrite the ballot boxes of open polls in tracker order.

The scheduler (``manage.py run_schedule``) does this every hour while polls are open;
afterwards neither the physical order of the ballots nor, on PostgreSQL, their transaction ids
tell in which sequence they were cast. Closing a poll mixes its box anyway. See
docs/adr/0060-vote-secrecy.md.
"""

from django.core.management.base import BaseCommand

from rathaus.voting.services.schedule import ballot_boxes_mix_open


class Command(BaseCommand):
    help = "Mix the ballot boxes of all open polls (rewrite them in tracker order)."

    def handle(self, *args, **options):
        for poll_id, count in ballot_boxes_mix_open().items():
            self.stdout.write(f"Mixed poll {poll_id}: {count} ballots")
