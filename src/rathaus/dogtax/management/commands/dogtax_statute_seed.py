"""Store the dog-tax statute from its file, once: ``manage.py dogtax_statute_seed [--file PATH]``.

Without ``--file`` the configured statute (``DOGTAX_STATUTE_DEFAULTS``, by default
``kaiserslautern``) is used. A statute that is stored already is never overwritten: from then on
the tax office changes it in the back office, where every change is audited.
"""

from django.core.management.base import BaseCommand, CommandError

from rathaus.dogtax import taxrules
from rathaus.dogtax.models import STATUTE_PK, DogTaxStatute
from rathaus.dogtax.services import statute_seed


class Command(BaseCommand):
    help = "Store the dog-tax statute from its file unless one is stored already."

    def add_arguments(self, parser):
        parser.add_argument("--file", help="a statute TOML file (default: the configured one)")

    def handle(self, *args, file=None, **options):
        existing = DogTaxStatute.objects.filter(pk=STATUTE_PK).first()
        if existing is not None:
            self.stdout.write(f"A statute is stored already (from {existing.source}); unchanged.")
            return
        try:
            record = statute_seed(source=file)
        except taxrules.InvalidInput as error:
            raise CommandError(f"The statute file is not sound: {error}") from error
        except OSError as error:
            raise CommandError(f"The statute file cannot be read: {error}") from error
        self.stdout.write(f"Stored “{record.name}” from {record.source}.")
