"""Tell followers about phases that have begun, once each. Run it regularly (cron, a timer)."""

from django.core.management.base import BaseCommand

from rathaus.participation.services.processes import phases_announce


class Command(BaseCommand):
    help = "E-mail the followers of each process whose new phase has begun (once per phase)."

    def handle(self, *args, **options):
        announced = phases_announce()
        for phase in announced:
            self.stdout.write(f"Announced: {phase}")
        self.stdout.write(f"{len(announced)} phase(s) announced.")
