"""``manage.py open_sealed_poll POLL_ID``: the trustees' ceremony on the command line.

For an offline ceremony (e.g. on the database host, without the web). Each trustee types their
share at a prompt that does not echo it (or the shares come one per line on standard input); the
platform rebuilds the key in memory, opens the sealed ballots, counts and publishes, exactly as
the back office does (``services.poll_unseal``). The audit log records the ceremony, never a share.
"""

import sys
from getpass import getpass

from django.core.management.base import BaseCommand, CommandError

from rathaus.voting.errors import VotingError
from rathaus.voting.models import Poll
from rathaus.voting.publication import api_result
from rathaus.voting.services import poll_unseal


class Command(BaseCommand):
    help = "Open the count of an ended sealed poll with the trustees' shares (typed, not echoed)."

    def add_arguments(self, parser):
        parser.add_argument("poll_id", type=int)

    def _read_shares(self, threshold: int) -> list[str]:
        if sys.stdin.isatty():
            return [getpass(f"Share of trustee {number}: ") for number in range(1, threshold + 1)]
        return [sys.stdin.readline() for _ in range(threshold)]

    def handle(self, *args, poll_id, **options):
        poll = Poll.objects.filter(pk=poll_id).first()
        if poll is None or not poll.sealed or not poll.threshold:
            raise CommandError(f"Poll {poll_id} is not a poll with a sealed ballot box.")
        shares = self._read_shares(poll.threshold)
        try:
            poll = poll_unseal(
                actor=None, poll=poll, shares=shares, label="trustees' ceremony (command line)"
            )
        except VotingError as error:
            raise CommandError(error.message) from None
        finally:
            del shares
        self.stdout.write(str(api_result(poll.result)))
