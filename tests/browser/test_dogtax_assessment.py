"""The tax clerk runs the annual assessment in the back office (Chromium, axe-core)."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from rathaus.dogtax.models import AssessmentRun
from rathaus.dogtax.services import assessment_process, statute_seed
from tests.browser.helpers import sign_in
from tests.factories import OrgUnitFactory, StaffFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def queued_tasks(settings):
    """Tasks wait in the queue (no worker), so the page shows the run while it goes on."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def test_the_tax_clerk_runs_the_annual_assessment(page, assert_accessible, queued_tasks):
    statute_seed()
    clerk = StaffFactory(
        email="tax.clerk@example.org", with_totp=True, unit=OrgUnitFactory(slug="steueramt")
    )
    call_command("dogtax_seed_households", "--count", "6", "--year", "2027")
    sign_in(page, clerk.email, start="/backoffice/")
    page.get_by_role("link", name="Jahresveranlagung Hundesteuer").click()
    page.wait_for_url("**/backoffice/dogtax/assessment/")
    assert_accessible(page)

    page.get_by_label("Jahr").fill("2027")
    page.get_by_role("button", name="Weiter").click()
    expect(page.get_by_text("6 Haushalte haben einen Hund")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Veranlagung 2027 starten").click()

    page.wait_for_url("**/backoffice/dogtax/assessment/2027/")
    expect(page.get_by_text("Die Jahresveranlagung wurde gestartet.")).to_be_visible()
    expect(page.get_by_text("0 von 6 Haushalten")).to_be_visible()
    progress = page.locator("progress#assessment-progress")
    expect(progress).to_have_attribute("max", "6")
    assert_accessible(page)

    run = AssessmentRun.objects.get(year=2027)
    assessment_process(run=run, batch_size=2, max_batches=1)
    expect(page.get_by_text("2 von 6 Haushalten")).to_be_visible(timeout=10_000)
    expect(progress).to_have_attribute("value", "2")
    assert_accessible(page)

    assessment_process(run=run)
    expect(page.get_by_text("6 von 6 Haushalten")).to_be_visible(timeout=10_000)
    expect(page.get_by_text("abgeschlossen")).to_be_visible()
    csv_link = page.get_by_role("link", name="Finanzverfahren (CSV)")
    expect(csv_link).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        csv_link.click()
    assert download.value.suggested_filename == "hundesteuer-2027.csv"
    debit_links = page.get_by_role("link", name=re.compile("SEPA-Lastschriften fällig am"))
    expect(debit_links.first).to_be_visible()

    page.get_by_role("link", name="Alle Veranlagungen").click()
    expect(page.get_by_role("link", name="2027")).to_be_visible()
    assert_accessible(page)
