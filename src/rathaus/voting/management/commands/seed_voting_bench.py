"""``manage.py seed_voting_bench --codes N --codes-file PATH``: the data of bench_voting.py.

An open single-choice poll with N voting codes (written to PATH, one per line), and an API token
of a bench citizen for the trivial call. Prints ``{"poll": id, "token": token}``.
"""

import json
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from rathaus.accounts.models import TokenScope, User
from rathaus.accounts.tokens import api_token_create
from rathaus.voting.services import poll_create, voting_codes_generate
from rathaus.voting.specs import OptionSpec, PollSpec


class Command(BaseCommand):
    help = "Create an open poll with voting codes and an API token for the voting benchmark."

    def add_arguments(self, parser):
        parser.add_argument("--codes", type=int, default=20_000)
        parser.add_argument("--codes-file", required=True)

    def handle(self, *args, codes, codes_file, **options):
        now = timezone.now()
        poll = poll_create(
            actor=None,
            spec=PollSpec(
                title_de="Benchmark",
                kind="single",
                eligibility="codes",
                opens_at=now - timedelta(minutes=1),
                closes_at=now + timedelta(days=1),
                options=tuple(OptionSpec(key=key, title_de=key.upper()) for key in "abc"),
            ),
        )
        generated = voting_codes_generate(actor=None, poll=poll, count=codes)
        with open(codes_file, "w", encoding="ascii") as handle:
            handle.write("\n".join(generated) + "\n")
        user, _ = User.objects.get_or_create(email="bench.voter@example.org")
        token = api_token_create(user=user, name="bench", scope=TokenScope.WRITE)
        self.stdout.write(json.dumps({"poll": poll.pk, "token": token}))
