"""Dashboards and the catalogue in Chromium: tables match charts, axe finds nothing, de and en."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from rathaus.geodata import demo
from rathaus.geodata.boundaries import parse_boundaries
from rathaus.geodata.services import districts_replace
from rathaus.geodata.snapshots import forget
from rathaus.opendata import charts
from rathaus.opendata.charts import connect_chart
from tests.geodata.shared_data import districts_file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DRAWN = """section => Array.from(section.querySelectorAll('.rh-chart__mark')).map(
  mark => [mark.dataset.label, mark.dataset.series, mark.dataset.value])"""
TABULATED = """section => Array.from(section.querySelectorAll('tbody tr')).flatMap(row => {
  const cells = Array.from(row.querySelectorAll('th, td'));
  return cells.slice(1).map(
    cell => [cells[0].textContent.trim(), cell.dataset.series, cell.dataset.value]);
})"""
BAR_LABELS = """section => Array.from(section.querySelectorAll('.rh-chart__value')).map(
  text => text.textContent)"""
SHOWN = (
    """section => Array.from(section.querySelectorAll('tbody td')).map(cell => cell.textContent)"""
)


@pytest.fixture
def city(db):
    forget()
    demo.load()
    districts_replace(boundaries=parse_boundaries(districts_file().read_text()), source="test")


@pytest.fixture
def applications_connected():
    saved = charts.CHARTS.snapshot()
    connect_chart(
        "applications-by-month",
        rows=lambda: [("2026-08", 18), ("2026-09", 31), ("2026-10", 44), ("2026-11", 40)],
    )
    yield
    charts.CHARTS.restore(saved)


def check_charts(page) -> int:
    """Every drawn chart's marks equal its table's cells; returns how many were checked."""
    sections = page.locator("section.rh-chart:has(svg)")
    for index in range(sections.count()):
        section = sections.nth(index)
        drawn = section.evaluate(DRAWN)
        assert drawn, section.get_attribute("id")
        assert sorted(drawn) == sorted(section.evaluate(TABULATED)), section.get_attribute("id")
        if section.get_attribute("data-kind") == "bar":
            assert section.evaluate(BAR_LABELS) == section.evaluate(SHOWN)
    return sections.count()


@pytest.mark.usefixtures("city", "applications_connected")
@pytest.mark.parametrize("dashboard", ["city", "town-hall"])
def test_dashboards_tables_match_their_charts_in_german_and_english(
    page, assert_accessible, dashboard
):
    page.goto(f"/data/dashboards/{dashboard}/")
    assert check_charts(page) >= 1
    assert_accessible(page)

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert check_charts(page) >= 1
    assert_accessible(page)


@pytest.fixture
def whole_demo(city):
    call_command("load_demo", stdout=io.StringIO())


@pytest.mark.usefixtures("whole_demo")
@pytest.mark.parametrize("language", ["de", "en"])
def test_participation_and_votes_on_the_city_dashboard_match_their_tables(
    page, assert_accessible, language
):
    page.goto(("/en" if language == "en" else "") + "/data/dashboards/city/")

    for chart in [
        "participation-by-district",
        "budget-by-district",
        "projects-by-status",
        "projects-by-district",
    ]:
        section = page.locator(f"section#{chart}")
        assert section.locator("svg").count() == 1, chart
    maps = page.locator("section#participation-by-district svg path.rh-chart__mark")
    assert maps.count() == 2 * 10  # proposals and supports, each over the ten districts
    assert check_charts(page) >= 6
    assert_accessible(page)


@pytest.mark.usefixtures("city")
def test_a_chart_without_figures_says_so(page):
    page.goto("/en/data/dashboards/city/")

    slot = page.locator("section#dogs-by-district")
    expect(slot.get_by_text("No figures yet")).to_be_visible()
    assert slot.locator("svg").count() == 0


@pytest.mark.usefixtures("city")
@pytest.mark.parametrize("path", ["/data/", "/data/datasets/districts/", "/maps/"])
def test_catalogue_pages_pass_axe_in_german_and_english(page, assert_accessible, path):
    page.goto(path)
    assert_accessible(page)

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert_accessible(page)
