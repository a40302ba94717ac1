"""The online services in the open-data app: how many apply online, and how fast cases are decided.

`register()` (called from the AppConfig) declares the charts `applications-by-month`,
`processing-time-by-month`, `applications-by-service` of the "Digitales Rathaus in Zahlen"
dashboard and the dataset `service-statistics`. Only counts and medians leave
the database; a cell that would count fewer than `SMALLEST_PUBLISHED` cases is left empty in the
dataset, so that a rare service in a quiet month cannot point to a person.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rathaus.core.fragments import connect_topic
from rathaus.eservices.models import Case, Service
from rathaus.opendata.charts import MONTH, TOWN_HALL, Chart, ChartColumn, register_chart
from rathaus.opendata.datasets import (
    CATALOGUE_TOPIC,
    GOVERNMENT,
    Dataset,
    drawn_from,
    register_dataset,
    tabular,
)

MONTHS = 12
SMALLEST_PUBLISHED = 3
STATISTICS_COLUMNS = (
    "month",
    "leika",
    "service_de",
    "service_en",
    "applications",
    "decided",
    "median_days_to_decision",
)


def last_months(today: date | None = None, count: int = MONTHS) -> list[date]:
    """The first days of the last `count` months, oldest first, this month included."""
    today = today or timezone.localdate()
    months = []
    year, month = today.year, today.month
    for _step in range(count):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return months[::-1]


def _label(month: date) -> str:
    return f"{month:%Y-%m}"


def _month_of(moment: date | datetime) -> date:
    if isinstance(moment, datetime) and timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return date(moment.year, moment.month, 1)


def _recent_cases():
    start = last_months()[0]
    return Case.objects.filter(submitted_at__date__gte=start)


def applications_by_month() -> list[tuple[str, int]]:
    counts = {
        _month_of(row["month"]): row["n"]
        for row in _recent_cases()
        .annotate(month=TruncMonth("submitted_at"))
        .values("month")
        .annotate(n=Count("id"))
    }
    if not counts:
        return []
    return [(_label(month), counts.get(month, 0)) for month in last_months()]


def _decision_days_by_month() -> dict[date, list[float]]:
    """Days from submission to decision, per month of decision, for the last twelve months."""
    start = last_months()[0]
    days: dict[date, list[float]] = defaultdict(list)
    decided = Case.objects.filter(decided_at__isnull=False, decided_at__date__gte=start)
    for submitted_at, decided_at in decided.values_list("submitted_at", "decided_at").iterator():
        days[_month_of(decided_at)].append((decided_at - submitted_at).total_seconds() / 86400)
    return days


def median_processing_days_by_month() -> list[tuple[str, Decimal | None]]:
    days = _decision_days_by_month()
    if not days:
        return []
    return [
        (_label(month), _median(days[month]) if days.get(month) else None)
        for month in last_months()
    ]


def _median(values: list[float]) -> Decimal:
    return Decimal(str(round(statistics.median(values), 1)))


def applications_by_service() -> list[tuple[str, int]]:
    counts = _recent_cases().values("service").annotate(n=Count("id")).order_by("-n", "service")
    names = {service.pk: service.name for service in Service.objects.all()}
    return [(names[row["service"]], row["n"]) for row in counts]


def statistics_rows():
    """One row per service and month: applications, decisions and the median days to decide."""
    applications: dict[tuple[int, date], int] = defaultdict(int)
    decisions: dict[tuple[int, date], list[float]] = defaultdict(list)
    for service_id, submitted_at, decided_at in Case.objects.values_list(
        "service", "submitted_at", "decided_at"
    ).iterator():
        applications[(service_id, _month_of(submitted_at))] += 1
        if decided_at:
            decisions[(service_id, _month_of(decided_at))].append(
                (decided_at - submitted_at).total_seconds() / 86400
            )
    services = {service.pk: service for service in Service.objects.all()}
    for service_id, month in sorted(
        set(applications) | set(decisions), key=lambda key: (key[1], services[key[0]].leika)
    ):
        service = services[service_id]
        submitted = applications.get((service_id, month), 0)
        decided = decisions.get((service_id, month), [])
        yield (
            _label(month),
            service.leika,
            service.name_de,
            service.name_en,
            submitted if submitted >= SMALLEST_PUBLISHED else None,
            len(decided) if len(decided) >= SMALLEST_PUBLISHED else None,
            _median(decided) if len(decided) >= SMALLEST_PUBLISHED else None,
        )


CHARTS = [
    Chart(
        id="applications-by-month",
        title=_("Online applications by month"),
        description=_("Applications submitted online, all services together."),
        columns=(MONTH, ChartColumn("applications", _("Applications"))),
        rows=applications_by_month,
        kind="line",
        dashboard=TOWN_HALL,
        order=10,
    ),
    Chart(
        id="processing-time-by-month",
        title=_("Processing time by month"),
        description=_("Median days from submission to decision, for cases decided in the month."),
        columns=(MONTH, ChartColumn("median_days", _("Median days"), decimals=1)),
        rows=median_processing_days_by_month,
        kind="line",
        dashboard=TOWN_HALL,
        order=20,
    ),
    Chart(
        id="applications-by-service",
        title=_("Online applications by service"),
        description=_("Applications submitted online in the last twelve months, per service."),
        columns=(
            ChartColumn("service", _("Service"), numeric=False),
            ChartColumn("applications", _("Applications")),
        ),
        rows=applications_by_service,
        kind="bar",
        dashboard=TOWN_HALL,
        order=30,
    ),
]

SERVICE_STATISTICS = Dataset(
    id="service-statistics",
    title_de="Statistik der Online-Dienste",
    title_en="Online service statistics",
    description_de="Anträge je Online-Dienst und Monat und die Bearbeitungsdauer.",
    description_en="Applications per online service and month, and processing times.",
    themes=(GOVERNMENT,),
    keywords_de=("Online-Dienste", "Verwaltungsdigitalisierung", "Statistik"),
    keywords_en=("online services", "digital administration", "statistics"),
    distributions=tabular(STATISTICS_COLUMNS, statistics_rows),
    **drawn_from(Case.objects.all, changed="updated_at"),
    order=80,
)


def register() -> None:
    for chart in CHARTS:
        register_chart(chart)
    register_dataset(SERVICE_STATISTICS)
    # The open-data catalogue lists the statistics once there is a case.
    connect_topic(CATALOGUE_TOPIC, [Case])
