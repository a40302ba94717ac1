"""The dog-tax calculator in Chromium, with and without JavaScript, checked by axe-core."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page_without_javascript(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", java_script_enabled=False
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def fill_dog(page, number: int, *, name: str, kept_since: str, exemption: str | None = None):
    dog = page.get_by_role("group", name=f"Hund {number}")
    dog.get_by_label("Name des Hundes").fill(name)
    dog.get_by_label("Aufgenommen am").fill(kept_since)
    if exemption:
        dog.get_by_label("Steuerbefreiung").select_option(label=exemption)


def test_two_dogs_without_javascript(page_without_javascript):
    page = page_without_javascript
    page.goto("/dogtax/calculator/")
    page.get_by_label("Jahr").fill("2026")
    fill_dog(page, 1, name="Bello", kept_since="2020-03-01")

    page.get_by_role("button", name="Weiteren Hund hinzufügen").click()
    fill_dog(page, 2, name="Luna", kept_since="2026-03-03")
    page.get_by_role("button", name="Berechnen").click()

    expect(page.get_by_role("heading", name="Hundesteuer 2026: 246,00 €")).to_be_visible()
    months = page.get_by_role("table", name="Steuer je Monat und Hund")
    april = months.get_by_role("row", name="April").inner_text().replace("\xa0", " ")
    assert april.split("\t")[1:] == [
        "10,00 € (erster Hund)",
        "14,00 € (zweiter Hund)",
    ]
    instalments = page.get_by_role("table", name="Fälligkeiten")
    may = instalments.get_by_role("row", name="15. Mai 2026").inner_text()
    assert "72,00\xa0€" in may


def test_the_calculator_its_errors_and_its_result_pass_axe(page, assert_accessible):
    page.goto("/dogtax/calculator/")
    assert_accessible(page)

    page.get_by_label("Jahr").fill("2026")
    fill_dog(page, 1, name="Bello", kept_since="2024-05-10")
    page.get_by_label("Abgegeben am").fill("2024-05-01")
    page.get_by_role("button", name="Berechnen").click()
    page.wait_for_load_state()

    summary = page.get_by_role("heading", name="Bitte prüfen Sie Ihre Eingaben.")
    expect(summary).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Hund 1: Abgegeben am").click()
    assert page.evaluate("document.activeElement.id") == "id_dog-0-given_up_on"

    page.get_by_label("Abgegeben am").fill("")
    page.get_by_role("button", name="Weiteren Hund hinzufügen").click()
    fill_dog(page, 2, name="Rex", kept_since="2025-06-15", exemption="Hund aus dem Tierheim")
    page.get_by_role("button", name="Berechnen").click()
    page.wait_for_load_state()

    expect(page.get_by_role("heading", name="Hundesteuer 2026: 120,00 €")).to_be_visible()
    assert_accessible(page)


def test_the_english_calculator_passes_axe(page, assert_accessible):
    page.goto("/en/dogtax/calculator/?dogs=1&year=2026&dog-0-kept_since=2024-05-10")

    expect(page.get_by_role("heading", name="Dog tax 2026: €120.00")).to_be_visible()
    assert_accessible(page)
