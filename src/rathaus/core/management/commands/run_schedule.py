"""Run the registered scheduled jobs (see rathaus.core.schedule)."""

import os
import socket
import time

from django.core.management.base import BaseCommand

from rathaus.core.schedule import jobs, run_job

OUTCOMES = {True: "done", False: "failed", None: "skipped (running elsewhere)"}


class Command(BaseCommand):
    help = "Run scheduled jobs when they are due; --once runs every job once (for cron)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Run every job once and stop.")
        parser.add_argument("--tick", type=float, default=30.0, help="Seconds between checks.")

    def handle(self, *args, once, tick, **options):
        holder = f"{socket.gethostname()}:{os.getpid()}"
        if once:
            for job in jobs():
                self.stdout.write(
                    f"{job.name}: {OUTCOMES[run_job(job, holder=holder, force=True)]}"
                )
            return
        self.stdout.write(f"Scheduling {', '.join(job.name for job in jobs()) or 'no jobs'}.")
        while True:
            for job in jobs():
                run_job(job, holder=holder)
            time.sleep(tick)
