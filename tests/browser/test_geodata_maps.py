"""Map pages in Chromium: drawn, named, keyboard-operable, with their lists, in both languages."""

import pytest
from playwright.sync_api import expect

from rathaus.geodata import demo
from rathaus.geodata.boundaries import parse_boundaries
from rathaus.geodata.services import districts_replace
from rathaus.geodata.snapshots import forget
from tests.geodata.shared_data import districts_file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def city(db):
    forget()
    demo.load()
    districts_replace(boundaries=parse_boundaries(districts_file().read_text()), source="test")


def wait_for_map(page):
    page.wait_for_selector("[data-map-ready=true]")


@pytest.mark.usefixtures("city")
def test_the_city_map_draws_districts_and_places_with_the_same_names_as_the_lists(
    page, assert_accessible
):
    page.goto("/maps/")
    wait_for_map(page)

    areas = page.locator(".rh-map path.leaflet-interactive")
    markers = page.locator(".rh-map .leaflet-marker-icon")
    area_names = sorted(areas.nth(i).get_attribute("aria-label") for i in range(areas.count()))
    marker_names = sorted(markers.nth(i).get_attribute("alt") for i in range(markers.count()))
    listed_districts = sorted(page.locator("#table-districts tbody th").all_inner_texts())
    listed_places = sorted(page.locator("#table-places tbody th").all_inner_texts())
    assert area_names == listed_districts and len(area_names) == 10
    assert marker_names == listed_places and len(marker_names) == 5
    assert_accessible(page)


@pytest.mark.usefixtures("city")
def test_the_map_is_reached_and_operated_with_the_keyboard(page):
    page.goto("/maps/")
    wait_for_map(page)

    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('leaflet-marker-icon')"):
            break
    else:
        pytest.fail("Tab never reached a marker")
    name = page.evaluate("document.activeElement.getAttribute('alt')")
    page.keyboard.press("Enter")

    popup = page.locator(".leaflet-popup-content")
    assert popup.inner_text().startswith(name)
    expect(popup.get_by_role("link", name="Mehr dazu")).to_be_visible()


@pytest.mark.usefixtures("city")
def test_a_district_area_opens_its_details_with_enter(page):
    page.goto("/maps/districts/")
    wait_for_map(page)

    page.locator('path[aria-label="Hohenecken"]').focus()
    page.keyboard.press("Enter")

    assert page.locator(".leaflet-popup-content").inner_text() == "Hohenecken"
    page.get_by_role("button", name="Schließen").click()
    expect(page.locator(".leaflet-popup")).to_have_count(0)


@pytest.mark.usefixtures("city")
@pytest.mark.parametrize("path", ["/maps/places/", "/maps/districts/"])
def test_layer_pages_pass_axe_in_german_and_english(page, assert_accessible, path):
    page.goto(path)
    wait_for_map(page)
    assert_accessible(page)

    page.get_by_role("button", name="English").click()
    wait_for_map(page)
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.locator("th", has_text="Name").first).to_be_visible()
    assert_accessible(page)


@pytest.mark.usefixtures("city")
@pytest.mark.parametrize(
    "path",
    [
        "/ogc/?f=html",
        "/ogc/collections?f=html",
        "/ogc/collections/districts?f=html",
        "/ogc/collections/districts/items?f=html&limit=4",
        "/ogc/collections/places/items/rathaus?f=html",
        "/ogc/conformance?f=html",
        "/ogc/api?f=html",
    ],
)
def test_the_ogc_api_html_pages_pass_axe(page, assert_accessible, path):
    page.goto(path)

    expect(page.locator("h1")).to_be_visible()
    assert_accessible(page)
