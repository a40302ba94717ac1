"""The other pages of the online services in Chromium: conditions in the browser, repeating
groups, the form builder, payments and "my data" — each checked with axe-core."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from rathaus.eservices.demo_forms import DOG_REGISTRATION
from rathaus.eservices.services.payments import payment_request_create
from tests.browser.helpers import sign_in
from tests.eservices.children_form import CHILDREN_FORM as CHILD_BENEFIT
from tests.eservices.factories import ServiceFactory, submitted_case
from tests.factories import OrgUnitFactory, StaffFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def offices(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return (
        OrgUnitFactory(slug="steueramt", name_de="Steueramt", name_en="Tax Office"),
        OrgUnitFactory(
            slug="familienkasse", name_de="Familienkasse", name_en="Family Benefits Office"
        ),
    )


def start(page, slug: str, prefix: str = ""):
    page.goto(f"{prefix}/services/{slug}/")
    page.get_by_role("button", name="Online beantragen" if not prefix else "Apply online").click()
    page.wait_for_url("**/step/applicant/")
    page.get_by_label("Vorname" if not prefix else "Given name").fill("Clara")
    page.get_by_label("Nachname" if not prefix else "Family name").fill("Citizen")
    page.get_by_label("Straße und Hausnummer" if not prefix else "Street and house number").fill(
        "Markt 1"
    )
    page.get_by_label("Postleitzahl" if not prefix else "Postal code").fill("67655")
    page.get_by_label("Ort" if not prefix else "City", exact=True).fill("Kaiserslautern")
    page.get_by_role(
        "button", name="Speichern und weiter" if not prefix else "Save and continue", exact=True
    ).click()


def test_a_field_appears_when_the_answer_it_depends_on_is_given(page, assert_accessible, offices):
    ServiceFactory(unit=offices[0], slug="hund", schema=DOG_REGISTRATION)
    sign_in(page, UserFactory().email)
    start(page, "hund")
    page.wait_for_url("**/step/dog/")

    certificate = page.get_by_label("Nachweis für die Steuerbefreiung")
    expect(certificate).not_to_be_visible()
    page.get_by_label("Hund aus dem Tierheim Kaiserslautern").check()
    expect(certificate).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Nein", exact=True).check()
    expect(certificate).not_to_be_visible()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_children_are_added_as_repeating_entries(page, assert_accessible, offices, prefix):
    ServiceFactory(unit=offices[1], slug="kindergeld", schema=CHILD_BENEFIT)
    sign_in(page, UserFactory(english=bool(prefix)).email)
    start(page, "kindergeld", prefix)
    page.wait_for_url("**/step/children/")
    assert_accessible(page)

    page.get_by_role(
        "button",
        name="Eintrag zu „Kinder“ hinzufügen" if not prefix else "Add an entry to “Children”",
    ).click()
    page.wait_for_load_state()

    expect(
        page.get_by_role("group", name="Kinder: Eintrag 2" if not prefix else "Children: entry 2")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role(
        "button", name="Speichern und weiter" if not prefix else "Save and continue", exact=True
    ).click()
    page.wait_for_load_state()
    assert page.locator(".kern-error").count() >= 3
    assert_accessible(page)


def test_the_form_builder_pages(page, assert_accessible, offices):
    ServiceFactory(unit=offices[0], slug="hund", schema=DOG_REGISTRATION)
    lead = StaffFactory(
        email="lead@example.org", with_totp=True, unit=offices[0], unit__role="lead"
    )
    sign_in(page, lead.email, start="/accounts/login/?next=/backoffice/")

    for path in [
        "/backoffice/services/catalogue/",
        "/backoffice/services/catalogue/new/",
        "/backoffice/services/catalogue/hund/",
        "/backoffice/services/catalogue/hund/form/",
        "/backoffice/services/catalogue/hund/form/preview/",
        "/backoffice/services/catalogue/hund/form/steps/dog/",
        "/backoffice/services/catalogue/hund/form/steps/dog/fields/born_on/",
        "/en/backoffice/services/catalogue/hund/form/",
    ]:
        page.goto(path)
        assert page.url.endswith(path), page.url
        assert_accessible(page)


def test_payments_mandate_and_my_data(page, browser, live_server, assert_accessible, offices):
    service = ServiceFactory(unit=offices[0], slug="nachweis")
    citizen = UserFactory()
    case = submitted_case(service, citizen)
    payment = payment_request_create(
        case=case,
        amount=Decimal("30.70"),
        purpose="Gebühr",
        due_on=timezone.localdate() + timedelta(days=7),
        actor=None,
    )
    sign_in(page, citizen.email)
    page.goto(f"/services/cases/{case.reference}/payments/{payment.pk}/mandate/")
    assert_accessible(page)
    page.get_by_label("IBAN").fill("DE89 3704 0044 0532 0130 00")
    page.get_by_label("Ich erteile dieses SEPA-Lastschriftmandat.").check()
    page.get_by_role("button", name="Mandat erteilen").click()
    page.wait_for_url(f"**/services/cases/{case.reference}/")
    assert_accessible(page)
    for path in ["/my-account/data/", "/en/my-account/data/"]:
        page.goto(path)
        assert_accessible(page)

    clerk = StaffFactory(email="cashier@example.org", with_totp=True, unit=offices[0])
    desk = browser.new_context(base_url=live_server.url, locale="de-DE").new_page()
    sign_in(desk, clerk.email, start="/accounts/login/?next=/backoffice/")
    for path in ["/backoffice/services/?status=all&sort=due", "/backoffice/services/payments/"]:
        desk.goto(path)
        assert_accessible(desk)
    desk.get_by_label("Einzugsdatum").fill((timezone.localdate() + timedelta(days=10)).isoformat())
    desk.get_by_role("button", name="SEPA-Datei erstellen (pain.008)").click()
    desk.get_by_text("Eine Lastschriftdatei mit 1 Zahlungen wurde erstellt.").wait_for()
    assert_accessible(desk)
    desk.goto("/en/backoffice/services/payments/")
    assert_accessible(desk)
