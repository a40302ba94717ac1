"""Dashboards and chart downloads: every chart's table shows exactly the drawn numbers."""

import csv
import io
import re

import pytest

from rathaus.dogtax.services import statute_seed
from rathaus.geodata import demo
from rathaus.opendata.charts import connect_chart
from tests.dogtax.factories import DogFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(db, imported_districts):
    demo.load()


def svg_marks(section: str) -> list[tuple[str, str]]:
    return re.findall(
        r'class="rh-chart__mark"[^>]*data-label="([^"]*)" data-series="[^"]*" '
        r'data-value="([^"]*)"',
        section,
    )


def table_cells(section: str) -> list[tuple[str, str]]:
    rows = re.findall(r"<tr class=\"kern-table__row\">(.*?)</tr>", section, re.S)
    cells = []
    for row in rows:
        values = re.findall(r'data-value="([^"]*)"', row)
        if values:
            cells += [(values[0], value) for value in values[1:]]
    return cells


def chart_section(page: str, chart_id: str) -> str:
    match = re.search(rf'<section class="rh-chart" id="{chart_id}".*?</section>', page, re.S)
    assert match, f"no section for {chart_id}"
    return match.group(0)


@pytest.mark.usefixtures("city")
@pytest.mark.parametrize("chart_id", ["district-area", "places-by-district"])
def test_the_table_shows_exactly_what_the_chart_draws(client, chart_id):
    section = chart_section(client.get("/data/dashboards/city/").content.decode(), chart_id)

    drawn = svg_marks(section)
    assert drawn and drawn == table_cells(section)


@pytest.mark.usefixtures("city")
def test_a_chart_shows_its_values_in_the_readers_language(client):
    german = chart_section(client.get("/data/dashboards/city/").content.decode(), "district-area")
    english = chart_section(
        client.get("/en/data/dashboards/city/").content.decode(), "district-area"
    )

    assert ">72,28 km²<" in german and "Fläche: höchster Wert 72,28 km² (Innenstadt)" in german
    assert ">72.28 km²<" in english and "Area: highest 72.28 km² (Innenstadt)" in english


@pytest.mark.usefixtures("city")
def test_slots_without_data_say_so_instead_of_inventing_numbers(client):
    section = chart_section(
        client.get("/en/data/dashboards/city/").content.decode(), "dogs-by-district"
    )

    assert "No figures yet" in section
    assert "<svg" not in section and "<table" not in section


@pytest.mark.usefixtures("city")
def test_a_connected_slot_is_drawn_with_its_table(client, restore_registries):
    connect_chart(
        "applications-by-month", rows=lambda: [("2026-09", 31), ("2026-10", 44), ("2026-11", 40)]
    )

    section = chart_section(
        client.get("/en/data/dashboards/town-hall/").content.decode(), "applications-by-month"
    )

    assert svg_marks(section) == [("2026-09", "31"), ("2026-10", "44"), ("2026-11", "40")]
    assert svg_marks(section) == table_cells(section)
    assert "Applications: 31 in 2026-09, 40 in 2026-11." in section


@pytest.mark.usefixtures("city")
def test_the_csv_download_holds_the_charts_numbers(client):
    response = client.get("/en/data/charts/district-area.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))

    assert response["Content-Disposition"] == 'attachment; filename="area-of-the-districts.csv"'
    assert rows[0] == ["District", "Area (km²)"]
    assert ["Innenstadt", "72.28"] in rows and len(rows) == 11


def test_unknown_dashboards_and_charts_are_404(client):
    assert client.get("/data/dashboards/nothing/").status_code == 404
    assert client.get("/data/charts/nothing.csv").status_code == 404


@pytest.mark.usefixtures("city")
def test_the_catalogue_page_lists_datasets_with_their_downloads(client):
    page = client.get("/en/data/").content.decode()

    assert 'href="/opendata/datasets/districts.geojson"' in page
    assert 'href="/opendata/datasets/places.csv"' in page
    assert "Planned projects" not in page
    assert 'href="/opendata/catalog.ttl"' in page


@pytest.mark.usefixtures("city")
def test_the_dog_tax_fills_its_slot_from_the_register_leaving_small_districts_empty(client):
    statute_seed()
    for district, households in (("Innenstadt", 3), ("Erfenbach", 1)):
        for _ in range(households):
            DogFactory(account__district=district)

    section = chart_section(
        client.get("/data/dashboards/city/").content.decode(), "dogs-by-district"
    )

    assert "<svg" in section and "Innenstadt" in section
    cells = table_cells(section)
    assert [value for label, value in cells if label == "Innenstadt"] == ["3", "0.00"]
    assert all(value == "" for label, value in cells if label == "Erfenbach")
