"""Run or continue the annual dog-tax assessment of a year in the foreground."""

from django.core.management.base import BaseCommand, CommandError

from rathaus.dogtax.models import AssessmentRun
from rathaus.dogtax.services.assessment import (
    AssessmentError,
    assessment_process,
    assessment_start,
)


class Command(BaseCommand):
    help = "Run the annual dog-tax assessment of a year, or continue a run that was stopped."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--batch-size", type=int, default=50)

    def handle(self, *args, year, batch_size, **options):
        run = AssessmentRun.objects.filter(year=year).first()
        if run is None:
            try:
                run = assessment_start(year=year, actor=None, background=False)
            except AssessmentError as error:
                raise CommandError(f"Cannot assess {year}: {error.code}") from error
        verbosity = options["verbosity"]

        def report(progress):
            if verbosity > 1:
                self.stdout.write(f"{progress.processed} of {progress.total} households")

        run = assessment_process(run=run, batch_size=batch_size, on_batch=report)
        self.stdout.write(
            f"Assessment {year}: {run.get_state_display()}, {run.done} of {run.total} "
            f"households done, {run.failed} with errors."
        )
        if run.failed:
            raise CommandError(f"{run.failed} households could not be assessed.")
