"""The public child-benefit calculator in Chromium: German and English, with and without JS."""

import pytest
from playwright.sync_api import expect

from rathaus.childbenefit.services import amount_defaults_seed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _amounts():
    """Transactional tests empty every table, the seeded amounts too: seed them again."""
    amount_defaults_seed()


URL = "/childbenefit/calculator/"


def child_group(page, number: int, name: str = "Kind"):
    return page.get_by_role("group", name=f"{name} {number}", exact=True)


def test_a_parent_works_out_two_children_in_german(page, assert_accessible):
    page.goto(URL)
    assert_accessible(page)
    page.get_by_label("Tag des Antragseingangs").fill("2026-11-24")
    page.get_by_label("Berechnen bis einschließlich").fill("2026-12")
    child_group(page, 1).get_by_label("Geburtsdatum").fill("2008-08-01")

    page.get_by_role("button", name="Zeitraum für Kind 1 hinzufügen").click()
    period = page.get_by_role("group", name="Zeitraum 1")
    period.get_by_label("Was das Kind macht").select_option("education")
    period.get_by_label("Von (Monat)").fill("2026-09")
    page.get_by_role("button", name="Kind hinzufügen").click()
    child_group(page, 2).get_by_label("Geburtsdatum").fill("2026-06-20")
    assert_accessible(page)
    page.get_by_role("button", name="Berechnen").click()

    expect(page.get_by_text("Kindergeld insgesamt: 3.626,00 €")).to_be_visible()
    first = page.get_by_role("table", name="Kind 1, geboren am 1. August 2008")
    august = first.get_by_role("row", name="August 2026")
    assert "kein Zeitraum (etwa eine Ausbildung)" in august.inner_text()
    expect(first.get_by_role("row", name="September 2026").get_by_text("259,00 €")).to_be_visible()
    second = page.get_by_role("table", name="Kind 2, geboren am 20. Juni 2026")
    assert second.get_by_role("row", name="Mai 2026").get_by_text("Noch nicht geboren.").count()
    assert_accessible(page)


def test_enter_in_a_field_calculates(page):
    page.goto(URL)
    page.get_by_label("Tag des Antragseingangs").fill("2026-11-24")
    page.get_by_label("Berechnen bis einschließlich").fill("2026-12")
    child_group(page, 1).get_by_label("Geburtsdatum").fill("2016-03-10")
    child_group(page, 1).get_by_label("Geburtsdatum").press("Enter")

    expect(page.get_by_text("Kindergeld insgesamt: 2.072,00 €")).to_be_visible()
    expect(page.get_by_role("group", name="Zeitraum 1")).to_have_count(0)


def test_mistakes_are_explained_in_english_at_the_field(page, assert_accessible):
    page.goto(URL)
    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/en/childbenefit/calculator/")
    assert_accessible(page)
    page.get_by_label("Day the application is received").fill("2026-11-24")
    page.get_by_label("Calculate up to and including").fill("2027-03")
    child_group(page, 1, "Child").get_by_label("Date of birth").fill("2026-12-01")

    page.get_by_role("button", name="Calculate").click()

    alert = page.get_by_role("alert")
    assert "Please check your entries." in alert.inner_text()
    assert "No child benefit amount is known yet for January 2027 to March 2027." in (
        alert.inner_text()
    )
    alert.get_by_role("link", name="Child 1: Date of birth").click()
    assert page.get_by_label("Date of birth").get_attribute("aria-invalid") == "true"
    assert page.get_by_text("The date of birth lies after the day the application was received.")
    assert_accessible(page)


def test_the_calculator_works_without_javascript(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", java_script_enabled=False
    )
    page = context.new_page()
    page.goto(URL)
    page.get_by_label("Tag des Antragseingangs").fill("2026-11-24")
    page.get_by_label("Berechnen bis einschließlich").fill("2026-12")
    page.get_by_label("Geburtsdatum").fill("2010-05-03")
    page.get_by_role("button", name="Zeitraum für Kind 1 hinzufügen").click()
    page.get_by_label("Was das Kind macht").select_option("education")
    page.get_by_label("Von (Monat)").fill("2026-09")

    page.get_by_role("button", name="Berechnen").click()

    expect(page.get_by_text("Kindergeld insgesamt: 2.072,00 €")).to_be_visible()
    context.close()
