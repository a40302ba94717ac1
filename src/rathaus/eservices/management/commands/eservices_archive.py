"""Hand expired cases to the archive and read its acknowledgements (xdomea, ADR 0281).

The scheduler runs this every five minutes while XDOMEA_ARCHIVE_ENABLED is set; run it by hand
with `manage.py eservices_archive`, or read one acknowledgement file the archive sent another
way with `manage.py eservices_archive --acknowledgement PATH`.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from rathaus.eservices import conf
from rathaus.eservices.archive.xdomea import XdomeaInvalid
from rathaus.eservices.services.archive import UnknownProcess
from rathaus.eservices.services.archiving import acknowledgement_receive, archive_run


class Command(BaseCommand):
    help = (
        "Retry archive hand-overs, read the archive's acknowledgements, anonymise taken-over cases."
    )

    def add_arguments(self, parser):
        parser.add_argument("--acknowledgement", type=Path, help="an 0506 file (XML or ZIP)")

    def handle(self, *args, **options):
        if not conf.archive_enabled():
            raise CommandError("Archiving is off (XDOMEA_ARCHIVE_ENABLED).")
        path = options["acknowledgement"]
        if path is not None:
            try:
                transfer = acknowledgement_receive(content=path.read_bytes())
            except (OSError, XdomeaInvalid, UnknownProcess) as error:
                raise CommandError(str(error)) from error
            self.stdout.write(f"{transfer.case.reference}: {transfer.status}")
            return
        for what, count in archive_run().items():
            self.stdout.write(f"{what}: {count}")
