"""``manage.py export_pabulib POLL_ID``: a closed budget poll in the pabulib format."""

from django.core.management.base import BaseCommand, CommandError

from rathaus.voting import pabulib
from rathaus.voting.models import Kind, Poll
from rathaus.voting.selectors import poll_pabulib


class Command(BaseCommand):
    help = "Write a closed participatory budget as a pabulib (.pb) file."

    def add_arguments(self, parser):
        parser.add_argument("poll_id", type=int)
        parser.add_argument("--output", help="file to write (default: standard output)")

    def handle(self, *args, poll_id, output, **options):
        poll = Poll.objects.filter(pk=poll_id, kind=Kind.BUDGET, closed_at__isnull=False).first()
        if poll is None:
            raise CommandError(f"No closed participatory budget with id {poll_id}.")
        text = pabulib.dumps(poll_pabulib(poll))
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text)
        else:
            self.stdout.write(text, ending="")
