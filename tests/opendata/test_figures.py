"""The dashboards show figures worked out by the scheduled job `opendata.figures`, with their
time; the open-data catalogue is a cached fragment that lists a dataset as soon as it has rows."""

import csv
import io

import pytest
from django.test import Client

from rathaus.core.schedule import jobs
from rathaus.opendata.charts import connect_chart
from rathaus.opendata.figures import REFRESH_EVERY, figures_refresh
from tests.pages import page, queries
from tests.participation.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def applications(restore_registries):
    """The applications chart of the town-hall dashboard, fed from a list the test changes."""
    rows = [("2026-10", 44)]
    connect_chart("applications-by-month", rows=lambda: list(rows))
    return rows


def test_a_dashboard_states_the_time_of_its_figures(client, applications):
    german = page(client, "/data/dashboards/town-hall/")
    english = page(Client(), "/en/data/dashboards/town-hall/")

    assert "Stand der Zahlen:" in german and "alle 15 Minuten neu berechnet" in german
    assert "Figures as of" in english and "every 15 minutes" in english


def test_the_figures_stay_as_of_their_time_until_the_job_works_them_out_again(client, applications):
    assert ">44<" in page(client, "/en/data/dashboards/town-hall/")
    applications[0] = ("2026-10", 45)
    assert ">44<" in page(client, "/en/data/dashboards/town-hall/")

    figures_refresh()

    shown = page(client, "/en/data/dashboards/town-hall/")
    assert ">45<" in shown and ">44<" not in shown


def test_the_csv_download_holds_the_figures_the_dashboard_shows(client, applications):
    page(client, "/en/data/dashboards/town-hall/")
    applications[0] = ("2026-10", 45)

    response = client.get("/en/data/charts/applications-by-month.csv")

    assert list(csv.reader(io.StringIO(response.content.decode())))[1] == ["2026-10", "44"]


def test_the_figures_are_worked_out_by_a_scheduled_job():
    job = next(job for job in jobs() if job.name == "opendata.figures")

    assert job.run is figures_refresh and job.every == REFRESH_EVERY
    assert figures_refresh() > 0


def test_the_dashboard_costs_the_same_queries_for_few_and_many_projects():
    ProjectFactory(district="Innenstadt")
    few = queries("/data/dashboards/city/")

    for _ in range(10):
        ProjectFactory(district="Morlautern")

    assert queries("/data/dashboards/city/") <= few
    assert queries("/data/dashboards/city/", cold=False) <= 1


def test_the_catalogue_lists_a_dataset_as_soon_as_it_has_rows(client):
    assert "Vorhabenliste" not in page(client, "/data/")

    ProjectFactory(title_de="Stiftsplatz")

    assert "Vorhabenliste" in page(client, "/data/")
    assert "Planned projects (Vorhabenliste)" in page(Client(), "/en/data/")


def test_the_catalogue_costs_a_fixed_number_of_queries():
    ProjectFactory()
    cold = queries("/data/")

    for _ in range(10):
        ProjectFactory()

    assert queries("/data/") <= cold
    assert queries("/data/", cold=False) <= 1
