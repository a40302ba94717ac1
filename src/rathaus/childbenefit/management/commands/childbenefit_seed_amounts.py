from django.core.management.base import BaseCommand

from rathaus.childbenefit.services import amount_defaults_seed


class Command(BaseCommand):
    help = (
        "Add the child-benefit amounts of amount_defaults/kindergeld.toml for months that have "
        "no amount yet. Amounts entered or changed in the back office stay as they are."
    )

    def handle(self, *args, **options):
        created = amount_defaults_seed(actor=None)
        for stored in created:
            self.stdout.write(f"added {stored}")
        self.stdout.write(f"{len(created)} amount rows added")
