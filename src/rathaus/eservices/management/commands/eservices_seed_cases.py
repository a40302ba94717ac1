"""Fill the inbox with many plausible cases, for benchmarks and load tests (not for production).

    manage.py eservices_seed_cases --count 100000 [--unit steueramt]

Cases are spread over the services of the unit and the last 400 days, mostly finished (as in a
real year), with references continuing each year's counter. Needs the demo catalogue.
"""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from rathaus.eservices import conf, workflow
from rathaus.eservices.models import Case, ReferenceCounter, Service
from rathaus.eservices.selectors.catalogue import current_version

GIVEN = ["Anna", "Ben", "Clara", "David", "Emma", "Felix", "Greta", "Hannes", "Ida", "Jonas", "Lea"]
FAMILY = ["Schmidt", "Müller", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Koch", "Richter"]
# Share of statuses: most cases of a year are finished.
STATUSES = [
    (workflow.CLOSED, 60),
    (workflow.DECIDED, 15),
    (workflow.WITHDRAWN, 3),
    (workflow.IN_REVIEW, 10),
    (workflow.WAITING, 4),
    (workflow.SUBMITTED, 8),
]
BATCH = 5000


class Command(BaseCommand):
    help = "Create many cases for benchmarks (refuses to run in production)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100_000)
        parser.add_argument("--unit", default="steueramt")
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, count: int, unit: str, seed: int, **options):
        if settings.DJANGO_ENV == "production":
            raise CommandError("Seeding benchmark cases is not allowed in production.")
        services = [
            (service, current_version(service))
            for service in Service.objects.filter(unit__slug=unit).select_related("unit")
        ]
        services = [(service, version) for service, version in services if version is not None]
        if not services:
            raise CommandError(
                f"No service with a published form in {unit!r}; load the demo first."
            )
        chance = random.Random(seed)  # noqa: S311 - benchmark data, not security
        statuses = [status for status, weight in STATUSES for _ in range(weight)]
        now = timezone.now()
        counters = {counter.year: counter.last for counter in ReferenceCounter.objects.all()}
        prefix = conf.reference_prefix()
        batch = []
        for _ in range(count):
            service, version = chance.choice(services)
            submitted = now - timedelta(minutes=chance.randint(0, 400 * 24 * 60))
            year = timezone.localdate(submitted).year
            counters[year] = counters.get(year, 0) + 1
            status = chance.choice(statuses)
            finished = submitted + timedelta(days=chance.randint(1, 40))
            name = f"{chance.choice(GIVEN)} {chance.choice(FAMILY)}"
            batch.append(
                Case(
                    reference=workflow.format_reference(prefix, year, counters[year]),
                    service=service,
                    form_version=version,
                    unit=service.unit,
                    applicant_name=name,
                    answers={"given_name": name.split()[0], "family_name": name.split()[1]},
                    status=status,
                    submitted_at=submitted,
                    due_on=timezone.localdate(submitted) + timedelta(days=service.processing_days),
                    decided_at=finished if status in (workflow.DECIDED, workflow.CLOSED) else None,
                    finished_at=finished if status in workflow.FINAL else None,
                    idempotency_key=uuid.uuid4(),
                )
            )
            if len(batch) == BATCH:
                self._store(batch, counters)
                batch = []
        if batch:
            self._store(batch, counters)
        # Fresh statistics, as autovacuum (PostgreSQL) or a maintenance run would leave them;
        # without them the planner believes the table is empty and picks poor plans.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(f"created {count} cases in {unit}")

    @transaction.atomic
    def _store(self, batch: list[Case], counters: dict[int, int]) -> None:
        Case.objects.bulk_create(batch)
        for year, last in counters.items():
            ReferenceCounter.objects.update_or_create(year=year, defaults={"last": last})
