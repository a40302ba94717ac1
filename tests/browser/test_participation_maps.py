"""Participation maps in Chromium: the proposals of a list and the Vorhabenliste on maps that
are named and keyboard-operable, and the location picker of the proposal form, de and en."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from rathaus.geodata import demo
from rathaus.participation.models import Proposal
from tests.browser.helpers import sign_in
from tests.factories import UserFactory
from tests.participation.factories import ProcessFactory, ProjectFactory, ProposalFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def city(imported_districts):
    demo.load()


@pytest.fixture
def process(city):
    process = ProcessFactory(running="proposals", slug="ideen")
    for title, latitude, longitude in [
        ("Bäume am Stiftsplatz", "49.443700", "7.770000"),
        ("Radweg an der Lauter", "49.418600", "7.704000"),
    ]:
        ProposalFactory(
            process=process,
            title=title,
            latitude=Decimal(latitude),
            longitude=Decimal(longitude),
        )
    ProposalFactory(process=process, title="Ohne Ort")
    return process


def wait_for_map(page, selector=".rh-map[data-map]"):
    page.locator(selector).and_(page.locator("[data-map-ready=true]")).wait_for()


def marker_names(page) -> list[str]:
    markers = page.locator(".rh-map .leaflet-marker-icon")
    return sorted(markers.nth(i).get_attribute("alt") for i in range(markers.count()))


def tab_to_marker(page) -> str:
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('leaflet-marker-icon')"):
            return page.evaluate("document.activeElement.getAttribute('alt')")
    pytest.fail("Tab never reached a marker")


def test_the_proposal_list_maps_its_proposals_keyboard_operable(page, process):
    page.goto(f"/participation/processes/{process.slug}/proposals/?sort=newest")
    wait_for_map(page)

    assert marker_names(page) == ["Bäume am Stiftsplatz", "Radweg an der Lauter"]
    name = tab_to_marker(page)
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    assert popup.inner_text().startswith(name)
    popup.get_by_role("link", name="Mehr dazu").click()
    expect(page.locator("h1")).to_have_text(name)


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_vorhabenliste_map_names_the_projects_of_its_table(
    page, assert_accessible, city, language
):
    ProjectFactory(
        title_de="Kita Morlautern",
        title_en="Morlautern day care",
        latitude=Decimal("49.467400"),
        longitude=Decimal("7.760600"),
    )
    ProjectFactory(title_de="Rathaus digital", title_en="Digital town hall", district="")
    prefix = "" if language == "de" else "/en"

    page.goto(f"{prefix}/participation/projects/")
    wait_for_map(page)

    assert marker_names(page) == ["Kita Morlautern" if language == "de" else "Morlautern day care"]
    assert_accessible(page)

    page.goto(f"{prefix}/maps/projects/")
    wait_for_map(page)
    assert page.locator("#table-projects tbody th").all_inner_texts() == marker_names(page)
    assert_accessible(page)


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_picker_sets_the_place_with_the_keyboard_and_names_its_district(
    page, assert_accessible, process, language
):
    UserFactory(email="picker@example.org", language=language)
    sign_in(page, "picker@example.org")
    prefix = "" if language == "de" else "/en"
    page.goto(f"{prefix}/participation/processes/{process.slug}/proposals/new/")
    wait_for_map(page, ".rh-picker__map")
    assert_accessible(page)

    page.locator("#place-picker").focus()
    for key in ["ArrowDown", "ArrowLeft", "Enter"]:
        page.keyboard.press(key)
    status = page.locator("[data-picker-status]")
    expect(status).to_contain_text("Innenstadt")
    latitude = float(page.locator("#id_latitude").input_value())
    longitude = float(page.locator("#id_longitude").input_value())
    assert 49.3 < latitude < 49.5 and 7.6 < longitude < 7.9
    assert page.locator("#id_district").input_value() == "Innenstadt"
    assert page.locator(".rh-picker__map .leaflet-marker-icon").get_attribute("alt")
    assert_accessible(page)

    page.locator("#id_latitude").fill("49.487500")
    page.locator("#id_longitude").fill("8.466000")
    page.locator("#id_longitude").blur()
    outside = "outside the city" if language == "en" else "außerhalb der Stadt"
    expect(status).to_contain_text(outside)

    page.locator("#id_latitude").fill("49.408200")
    page.locator("#id_longitude").fill("7.697200")
    page.locator("#id_longitude").blur()
    expect(status).to_contain_text("Hohenecken")
    assert page.locator("#id_district").input_value() == "Hohenecken"

    page.locator("#id_title").fill("Bank an der Burg")
    page.locator("#id_text").fill("Zum Ausruhen nach dem Aufstieg.")
    page.locator("form.rh-form button[type=submit]").click()
    page.wait_for_load_state()
    proposal = Proposal.objects.get(title="Bank an der Burg")
    assert (str(proposal.latitude), proposal.district) == ("49.408200", "Hohenecken")


def test_the_picker_button_sets_the_place_at_the_cross_and_can_remove_it(page, process):
    UserFactory(email="picker@example.org")
    sign_in(page, "picker@example.org")
    page.goto(f"/participation/processes/{process.slug}/proposals/new/")
    wait_for_map(page, ".rh-picker__map")

    page.get_by_role("button", name="Ort am Kreuz setzen").click()
    expect(page.locator("[data-picker-status]")).to_contain_text("Ortsbezirk")
    assert page.locator("#id_latitude").input_value() != ""

    page.get_by_role("button", name="Ort entfernen").click()
    expect(page.locator("[data-picker-status]")).to_have_text("Kein Ort gewählt.")
    assert page.locator("#id_latitude").input_value() == ""
    assert page.locator(".rh-picker__map .leaflet-marker-icon").count() == 0


def test_the_picker_asks_again_when_the_server_is_busy(page, process):
    """A busy worker answers 503 with Retry-After (one computation at a time): the picker asks
    again and names the district instead of giving up."""
    UserFactory(email="picker@example.org")
    sign_in(page, "picker@example.org")
    busy = []

    def once_busy(route):
        if not busy:
            busy.append(route.request.url)
            route.fulfill(
                status=503,
                headers={"Retry-After": "1", "Content-Type": "application/json"},
                body='{"detail": "busy"}',
            )
        else:
            route.continue_()

    page.route("**/api/v1/geodata/locate*", once_busy)
    page.goto(f"/participation/processes/{process.slug}/proposals/new/")
    wait_for_map(page, ".rh-picker__map")
    page.locator("#id_latitude").fill("49.408200")
    page.locator("#id_longitude").fill("7.697200")
    page.locator("#id_longitude").blur()
    expect(page.locator("[data-picker-status]")).to_contain_text("Hohenecken")
    assert len(busy) == 1
