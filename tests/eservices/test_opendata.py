"""Service statistics for the dashboards and the open-data catalogue: counts only."""

from datetime import timedelta

import pytest
from django.utils import timezone

from rathaus.eservices import opendata
from rathaus.eservices.models import Case
from rathaus.opendata.charts import get_chart

pytestmark = pytest.mark.django_db


def decided_today_after(case, days: float) -> None:
    now = timezone.now()
    Case.objects.filter(pk=case.pk).update(
        submitted_at=now - timedelta(days=days), decided_at=now, status="decided"
    )


def test_applications_by_month_lists_twelve_months_with_zeros(make_case):
    make_case()
    make_case()

    rows = opendata.applications_by_month()

    assert len(rows) == 12
    assert rows[-1] == (f"{timezone.localdate():%Y-%m}", 2)
    assert all(count == 0 for _, count in rows[:-1])


def test_processing_time_is_the_median_of_the_month(make_case):
    for days in (1, 2, 10):
        decided_today_after(make_case(), days)

    rows = dict(opendata.median_processing_days_by_month())

    assert str(rows[f"{timezone.localdate():%Y-%m}"]) == "2.0"


def test_applications_by_service_name_the_service(make_case, service):
    make_case()

    assert opendata.applications_by_service() == [(service.name, 1)]


def test_the_dataset_leaves_out_counts_of_fewer_than_three_cases(make_case, service):
    make_case()
    make_case()

    rows = list(opendata.statistics_rows())

    assert rows == [
        (
            f"{timezone.localdate():%Y-%m}",
            service.leika,
            service.name_de,
            service.name_en,
            None,
            None,
            None,
        )
    ]
    make_case()
    assert next(iter(opendata.statistics_rows()))[4] == 3


def test_the_town_hall_dashboard_shows_the_figures(client, make_case):
    make_case()

    page = client.get("/data/dashboards/town-hall/").content.decode()

    assert get_chart("applications-by-month").rows() is not None
    assert "Online-Anträge nach Monat" in page
    assert "Noch keine Zahlen" not in page.split("applications-by-month")[1][:2000]


def test_service_statistics_are_in_the_catalogue_once_there_are_cases(client, make_case):
    assert "service-statistics" not in client.get("/opendata/catalog.ttl").content.decode()

    make_case()

    assert "service-statistics" in client.get("/opendata/catalog.ttl").content.decode()
    assert client.get("/opendata/datasets/service-statistics.csv").status_code == 200
