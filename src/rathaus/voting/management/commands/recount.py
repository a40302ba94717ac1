"""``manage.py recount FILE``: count the ballots of a published poll export again.

Runs the same tally the platform ran when it closed the poll and prints the result as the API
publishes it (``--details``: the whole result document). Ends with an error when the result
differs from the one published in the export.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from rathaus.voting.publication import api_result, recount


class Command(BaseCommand):
    help = "Recount the ballots of a published poll export (JSON) with the platform's tally."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the export, as downloaded from the poll's results")
        parser.add_argument("--details", action="store_true", help="print the whole result")

    def handle(self, *args, path, details, **options):
        try:
            with open(path, encoding="utf-8") as handle:
                export = json.load(handle)
            document = recount(export)
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        if "sealed_box" in export:
            self.stderr.write(
                f"Sealed box: {len(export['sealed_box']['ballots'])} sealed ballots, each "
                "tracker the hash of its ballot, as many plaintext ballots."
            )
        shown = document if details else api_result(document)
        self.stdout.write(json.dumps(shown, ensure_ascii=False))
        published = export.get("result")
        if published is None:
            self.stderr.write("The export carries no published result to compare with.")
        elif published == document:
            self.stderr.write("The recount agrees with the published result.")
        else:
            raise CommandError("The recount DIFFERS from the published result.")
