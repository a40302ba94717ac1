"""Run the registered scheduled jobs (see rathaus.core.schedule)."""

import time

from django.core.management.base import BaseCommand

from rathaus.core.schedule import due_jobs, jobs, run_job


class Command(BaseCommand):
    help = "Run scheduled jobs when they are due; --once runs every job once (for cron)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once and stop.")
        parser.add_argument("--tick", type=float, default=30.0, help="Seconds between checks.")

    def handle(self, *args, once, tick, **options):
        if once:
            failed = [job.name for job in jobs() if not run_job(job)]
            for job in jobs():
                self.stdout.write(f"{job.name}: {'failed' if job.name in failed else 'done'}")
            return
        self.stdout.write(f"Scheduling {', '.join(job.name for job in jobs()) or 'no jobs'}.")
        last_runs: dict[str, float] = {}
        while True:
            for job in due_jobs(last_runs, time.monotonic()):
                run_job(job)
                last_runs[job.name] = time.monotonic()
            time.sleep(tick)
