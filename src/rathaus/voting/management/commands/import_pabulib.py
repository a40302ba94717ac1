"""``manage.py import_pabulib FILE.pb``: a pabulib election as a budget poll."""

from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from rathaus.voting import pabulib
from rathaus.voting.errors import PollInvalid, VotingError
from rathaus.voting.services import poll_import_pabulib


def _moment(text: str | None) -> datetime | None:
    if not text:
        return None
    value = datetime.fromisoformat(text)
    return value if value.tzinfo else timezone.make_aware(value)


class Command(BaseCommand):
    help = (
        "Import a pabulib (.pb) election as a participatory budget. With its votes (default) "
        "the poll is closed and counted at once; with --without-votes it is ready for a new vote."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--title", default="")
        parser.add_argument("--opens-at", help="ISO date and time (default: META date_begin)")
        parser.add_argument("--closes-at", help="ISO date and time (default: META date_end)")
        parser.add_argument("--eligibility", choices=["codes", "residents"], default="codes")
        parser.add_argument("--without-votes", action="store_true")

    def handle(self, *args, path, title, opens_at, closes_at, eligibility, without_votes, **o):
        try:
            election = pabulib.load(path)
        except (OSError, pabulib.PabulibError) as error:
            raise CommandError(str(error)) from error
        try:
            poll = poll_import_pabulib(
                actor=None,
                election=election,
                opens_at=_moment(opens_at),
                closes_at=_moment(closes_at),
                title=title,
                eligibility=eligibility,
                with_votes=not without_votes,
                source=Path(path).name,
            )
        except PollInvalid as error:
            raise CommandError("; ".join(f"{f}: {m}" for f, m in error.errors)) from error
        except (VotingError, pabulib.PabulibError) as error:
            raise CommandError(getattr(error, "message", str(error))) from error
        self.stdout.write(f"Imported poll {poll.pk}: {poll.title_de}")
