"""The tax office changes the dog-tax statute in the back office (Chromium, axe-core)."""

import re

import pytest
from playwright.sync_api import expect

from rathaus.dogtax.models import RatePeriod
from rathaus.dogtax.services import statute_seed
from tests.browser.helpers import sign_in
from tests.factories import OrgUnitFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_tax_clerk_adds_a_rate_period_and_edits_an_exemption(page, assert_accessible):
    statute_seed()
    clerk = StaffFactory(
        email="tax.clerk@example.org", with_totp=True, unit=OrgUnitFactory(slug="steueramt")
    )
    sign_in(page, clerk.email, start="/backoffice/")
    page.get_by_role("link", name="Hundesteuersatzung").click()
    page.wait_for_url("**/backoffice/dogtax/statute/")
    assert_accessible(page)

    page.get_by_role("link", name="Steuersatz-Zeitraum hinzufügen").click()
    assert_accessible(page)
    page.get_by_label("Gültig ab").fill("2027-01-01")
    page.get_by_label("Erster Hund (€ pro Jahr)").fill("-1")
    page.get_by_label("Zweiter Hund (€ pro Jahr)").fill("180,00")
    page.get_by_label("Jeder weitere Hund (€ pro Jahr)").fill("240,00")
    page.get_by_role("button", name="Hinzufügen").click()
    page.wait_for_load_state()
    assert page.get_by_label("Erster Hund (€ pro Jahr)").get_attribute("aria-invalid") == "true"
    assert_accessible(page)
    page.get_by_label("Erster Hund (€ pro Jahr)").fill("132,00")
    page.get_by_role("button", name="Hinzufügen").click()

    page.wait_for_url("**/backoffice/dogtax/statute/")
    expect(page.get_by_text("Der Steuersatz-Zeitraum wurde hinzugefügt.")).to_be_visible()
    assert RatePeriod.objects.filter(valid_from="2027-01-01").exists()
    page.get_by_role("link", name=re.compile("Bearbeiten.*Hund aus dem Tierheim")).click()
    assert_accessible(page)
    page.get_by_label("Dauer in Monaten").fill("12")
    page.get_by_role("button", name="Speichern").click()

    page.wait_for_url("**/backoffice/dogtax/statute/")
    expect(
        page.get_by_role("row", name="Hund aus dem Tierheim").get_by_text("12 Monate")
    ).to_be_visible()
