"""``manage.py pb_outcome FILE.pb --rule greedy|equal-shares``: print the funded projects of a
pabulib election as JSON, computed by the platform's own budget rules."""

import json

from django.core.management.base import BaseCommand, CommandError

from rathaus.voting.pabulib import PabulibError
from rathaus.voting.pb_outcome import pb_outcome
from rathaus.voting.tally import Rule


class Command(BaseCommand):
    help = "Compute the outcome of a pabulib (.pb) election with greedy or Equal Shares."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the .pb file")
        parser.add_argument("--rule", choices=[rule.value for rule in Rule], required=True)

    def handle(self, *args, path, rule, **options):
        try:
            outcome = pb_outcome(path, rule)
        except (OSError, PabulibError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(outcome))
