"""Child benefit end to end in Chromium: a parent applies for two children (the elder over 18
in training, with an evidence upload); a Familienkasse clerk (TOTP) decides; the Festsetzung in
the mailbox lists the right months and amounts. axe-core checks every page state."""

import subprocess

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from rathaus.childbenefit.benefitrules import (
    Child,
    Month,
    QualifyingKind,
    QualifyingPeriod,
    QuoteRequest,
    compute_quote,
)
from rathaus.childbenefit.messages import euro, month_label
from rathaus.childbenefit.selectors import amount_schedule
from rathaus.childbenefit.services import amount_defaults_seed
from rathaus.eservices.models import Case
from tests.browser.helpers import sign_in
from tests.childbenefit.applications import CHILD_TAX_IDS, PDF, kindergeld_service
from tests.factories import OrgUnitFactory, StaffFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def setting(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    amount_defaults_seed(actor=None)  # transactional tests flush the seeded rows
    unit = OrgUnitFactory(slug="familienkasse", name_de="Familienkasse", name_en="Family Benefits")
    clerk = StaffFactory(email="clerk.fk@example.org", with_totp=True, unit=unit)
    return kindergeld_service(unit), clerk


def expected_quote():
    from datetime import date

    amounts = amount_schedule()
    today = timezone.localdate()
    return compute_quote(
        request=QuoteRequest(
            application_received_on=today,
            until=max(amounts.periods[-1].valid_until, Month.of(today)),
            children=(
                Child(ref="Mia", born_on=date(2015, 4, 1)),
                Child(
                    ref="Leo",
                    born_on=date(2007, 2, 10),
                    qualifying_periods=(
                        QualifyingPeriod(QualifyingKind.EDUCATION, Month(2025, 9), None),
                    ),
                ),
            ),
        ),
        amounts=amounts,
    )


def fill_child(entry, first_name, born_on, tax_id):
    entry.get_by_label("Vorname").fill(first_name)
    entry.get_by_label("Nachname").fill("Citizen")
    entry.get_by_label("Geburtsdatum").fill(born_on)
    entry.get_by_label("Steuer-Identifikationsnummer des Kindes").fill(tax_id)
    entry.get_by_label("Verhältnis zu Ihnen").select_option("own")
    entry.get_by_label("Das Kind lebt in meinem Haushalt.").check()


def test_a_parent_applies_for_two_children_and_the_familienkasse_decides(
    browser, live_server, page, assert_accessible, setting
):
    service, clerk = setting
    parent = UserFactory(email="parent@example.org")

    sign_in(page, parent.email)
    page.goto(service.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("button", name="Online beantragen").click()

    page.wait_for_url("**/step/applicant/")
    assert_accessible(page)
    page.get_by_label("Vorname").fill("Clara")
    page.get_by_label("Nachname").fill("Citizen")
    page.get_by_label("Geburtsdatum").fill("1985-03-01")
    page.get_by_label("Ihre Steuer-Identifikationsnummer").fill("36574261809")
    page.get_by_label("Straße und Hausnummer").fill("Marktstraße 1")
    page.get_by_label("Postleitzahl").fill("67655")
    page.get_by_label("Ort", exact=True).fill("Kaiserslautern")
    page.get_by_role("button", name="Speichern und weiter", exact=True).click()

    page.wait_for_url("**/step/partner/")
    assert_accessible(page)
    page.get_by_role("button", name="Speichern und weiter", exact=True).click()

    page.wait_for_url("**/step/children/")
    assert_accessible(page)
    page.get_by_role("button", name="Eintrag zu „Kinder“ hinzufügen").click()
    page.wait_for_load_state()
    first = page.get_by_role("group", name="Kinder: Eintrag 1")
    second = page.get_by_role("group", name="Kinder: Eintrag 2")
    expect(second).to_be_visible()
    assert_accessible(page)
    fill_child(first, "Mia", "2015-04-01", CHILD_TAX_IDS[0])
    fill_child(second, "Leo", "2007-02-10", CHILD_TAX_IDS[1])
    second.get_by_label("Das Kind ist 18 Jahre oder älter.").check()
    second.get_by_label("Was macht das Kind? (1. Zeitraum)").select_option("education")
    second.get_by_label("Beginn (1. Zeitraum)").fill("2025-09-01")
    second.get_by_label("Nachweis (1. Zeitraum)", exact=True).set_input_files(
        {"name": "studienbescheinigung.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_role("button", name="Speichern und weiter", exact=True).click()

    page.wait_for_url("**/step/account/")
    assert_accessible(page)
    page.get_by_label("IBAN für die Auszahlung").fill("DE89 3704 0044 0532 0130 00")
    page.get_by_label("Ich versichere, dass meine Angaben richtig und vollständig sind.").check()
    page.get_by_role("button", name="Speichern und weiter", exact=True).click()

    page.wait_for_url("**/review/")
    assert_accessible(page)
    assert "studienbescheinigung.pdf" in page.content()
    page.get_by_role("button", name="Antrag absenden").click()
    page.wait_for_url("**/services/cases/**")
    assert_accessible(page)
    case = Case.objects.get()

    # The Familienkasse clerk decides on the child-benefit decision page.
    desk_context = browser.new_context(base_url=live_server.url, locale="de-DE")
    desk = desk_context.new_page()
    sign_in(desk, clerk.email, start=f"/accounts/login/?next={case.get_backoffice_url()}")
    desk.goto(case.get_backoffice_url())
    assert_accessible(desk)
    desk.get_by_role("link", name="Entscheiden", exact=True).click()
    desk.wait_for_url("**/decide/")
    expect(desk.get_by_role("heading", name="Kind 2: Leo Citizen")).to_be_visible()
    assert "studienbescheinigung.pdf" in desk.content()
    assert_accessible(desk)
    desk.get_by_role("button", name="Entscheidung bestätigen und Bescheid erstellen").click()
    desk.wait_for_url(f"**{case.get_backoffice_url()}")
    assert_accessible(desk)
    desk_context.close()

    # The Festsetzung is in the mailbox with the months and amounts; so is the schedule.
    page.reload()
    notice_link = page.get_by_role("link", name="Kindergeld: Festsetzungsbescheid (PDF)")
    expect(notice_link).to_be_visible()
    assert_accessible(page)
    pdf = page.request.get(notice_link.get_attribute("href")).body()
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    quote = expected_quote()
    for child in quote.children:
        for month in child.paid_months:
            assert month_label(month.month) in text
        assert f"Summe für dieses Kind: {euro(child.total)}" in text
    assert f"insgesamt {euro(quote.total)}" in text
    assert "Einspruch" in text
    assert "DE89 3704 0044 0532 0130 00" in text

    page.get_by_role("link", name="Zahlungsplan").click()
    expect(page.get_by_role("heading", name="Zahlungsplan")).to_be_visible()
    assert euro(quote.total) in page.content()
    assert_accessible(page)
