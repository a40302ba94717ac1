"""The dog tax online in Chromium: a citizen registers two dogs and finds the notices with a
GiroCode in the mailbox; a shelter dog's exemption goes to the tax office, a clerk (TOTP)
grants it and a corrected notice follows. axe-core checks every page on the way."""

import re
import shutil
import subprocess
from datetime import date

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from rathaus.dogtax.models import Dog, TaxNotice
from rathaus.dogtax.services import statute_seed
from rathaus.eservices import demo_forms
from rathaus.eservices.models import Case
from tests.browser.helpers import sign_in
from tests.eservices.factories import PDF, ServiceFactory
from tests.factories import OrgUnitFactory, StaffFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

YEAR = timezone.localdate().year


@pytest.fixture
def setting(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    statute_seed()
    tax_office = OrgUnitFactory(slug="steueramt", name_de="Steueramt", name_en="Tax Office")
    service = ServiceFactory(
        unit=tax_office,
        slug="hundesteuer-anmeldung",
        schema=demo_forms.DOG_REGISTRATION,
        handler="dogtax.registration",
        name_de="Hund anmelden (Hundesteuer)",
        name_en="Register a dog (dog tax)",
        summary_de="Melden Sie Ihren Hund an.",
        summary_en="Register your dog.",
    )
    clerk = StaffFactory(email="desk.tax@example.org", with_totp=True, unit=tax_office)
    citizen = UserFactory(email="keeper@example.org")
    return service, clerk, citizen


def register_dog(page, assert_accessible, *, name, kept_since, exemption="Nein", check=False):
    page.goto("/services/hundesteuer-anmeldung/")
    if check:
        assert_accessible(page)
    page.get_by_role("button", name="Online beantragen").click()
    page.wait_for_url("**/step/applicant/")
    if check:
        assert_accessible(page)
    page.get_by_label("Vorname").fill("Clara")
    page.get_by_label("Nachname").fill("Citizen")
    page.get_by_label("Straße und Hausnummer").fill("Marktstraße 1")
    page.get_by_label("Postleitzahl").fill("67655")
    page.get_by_label("Ort", exact=True).fill("Kaiserslautern")
    page.get_by_role("button", name="Speichern und weiter", exact=True).click()
    page.wait_for_url("**/step/dog/")
    page.get_by_label("Name des Hundes").fill(name)
    page.get_by_label("Rasse").fill("Mischling")
    page.get_by_label("Rüde").check()
    page.get_by_label("Geburtsdatum (auch geschätzt)").fill(date(YEAR - 6, 1, 1).isoformat())
    page.get_by_label("Im Haushalt seit").fill(kept_since.isoformat())
    page.get_by_label(exemption, exact=exemption == "Nein").check()
    if exemption != "Nein":
        page.get_by_label("Nachweis für die Steuerbefreiung").set_input_files(
            {"name": "bescheinigung.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
    if check:
        assert_accessible(page)
    page.get_by_role("button", name="Speichern und weiter", exact=True).click()
    page.wait_for_url("**/review/")
    if check:
        assert_accessible(page)
    page.get_by_role("button", name="Antrag absenden").click()
    page.wait_for_url("**/services/cases/**")
    return Case.objects.order_by("-id").first()


def notice_pdf(page, case, title: str) -> bytes:
    page.goto("/services/mailbox/")
    page.get_by_role("link", name=case.reference).click()
    link = page.get_by_role("link", name=re.compile(re.escape(title)))
    link.first.wait_for()
    response = page.request.get(link.first.get_attribute("href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    return response.body()


def pdf_text(content: bytes) -> str:
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    )
    return " ".join(result.stdout.decode().split())


def girocode(content: bytes, tmp_path) -> str:
    pdf = tmp_path / "notice.pdf"
    pdf.write_bytes(content)
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / "p")], check=True)
    for image in sorted(tmp_path.glob("p*.png")):
        found = subprocess.run(
            ["zbarimg", "--quiet", "--raw", "-Sbinary", str(image)], capture_output=True
        )
        if found.returncode == 0:
            return found.stdout.decode()
    raise AssertionError("no GiroCode on the notice")


@pytest.mark.skipif(
    not all(shutil.which(tool) for tool in ("pdftotext", "pdftoppm", "zbarimg")),
    reason="needs poppler-utils and zbar-tools",
)
def test_two_dogs_and_a_shelter_dog_with_the_clerks_grant(
    browser, live_server, page, assert_accessible, setting, tmp_path
):
    _service, clerk, citizen = setting
    sign_in(page, citizen.email)

    # The first dog: decided at once, the notice with tag, months, amount and GiroCode.
    first = register_dog(
        page, assert_accessible, name="Bello", kept_since=date(YEAR - 2, 5, 10), check=True
    )
    assert_accessible(page)
    text = pdf_text(notice_pdf(page, first, "Hundesteuerbescheid"))
    assert_accessible(page)
    bello = Dog.objects.get(name="Bello")
    assert bello.current_tag.number in text and "Januar – Dezember" in text
    assert "120,00" in text and "erster Hund" in text

    # The second dog ranks second on the new notice for the household.
    second = register_dog(page, assert_accessible, name="Luna", kept_since=date(YEAR, 1, 20))
    content = notice_pdf(page, second, "Hundesteuerbescheid")
    text = pdf_text(content)
    luna = Dog.objects.get(name="Luna")
    assert luna.current_tag.number in text and "zweiter Hund" in text
    assert "Februar – Dezember" in text and "154,00" in text  # 11 × 14.00
    assert "274,00" in text and "Bisher festgesetzt" in text
    code = girocode(content, tmp_path)
    recorded = TaxNotice.objects.get(case_reference=second.reference)
    assert code.startswith("BCD") and "HSt-000001" in code
    assert second.payments.get().amount > 0 and f"EUR{second.payments.get().amount}" in code
    assert recorded.total == 274

    # A shelter dog: the exemption needs the clerk, the case waits in the inbox.
    third = register_dog(
        page,
        assert_accessible,
        name="Rex",
        kept_since=date(YEAR, 2, 2),
        exemption="Hund aus dem Tierheim Kaiserslautern",
        check=True,
    )
    third.refresh_from_db()
    assert third.status == "submitted" and not Dog.objects.filter(name="Rex").exists()

    clerk_context = browser.new_context(base_url=live_server.url, locale="de-DE")
    desk = clerk_context.new_page()
    sign_in(desk, clerk.email, start="/accounts/login/?next=/backoffice/services/")
    desk.goto("/backoffice/services/")
    assert_accessible(desk)
    desk.get_by_role("link", name=third.reference).click()
    desk.wait_for_url(f"**/backoffice/services/cases/{third.reference}/")
    assert "bescheinigung.pdf" in desk.content()
    assert_accessible(desk)
    desk.get_by_role("link", name="Entscheiden", exact=True).click()
    assert_accessible(desk)
    desk.get_by_label("bewilligt", exact=True).check()
    desk.get_by_label("Begründung (wird auf den Bescheid gedruckt)").fill(
        "Die Bescheinigung des Tierheims liegt vor."
    )
    desk.get_by_role("button", name="Bescheid erlassen").click()
    desk.wait_for_url(f"**/backoffice/services/cases/{third.reference}/")
    assert_accessible(desk)

    # The household page shows all three dogs and the history.
    desk.goto("/backoffice/dogtax/register/?q=Citizen")
    assert_accessible(desk)
    desk.get_by_role("link", name="HSt-000001").click()
    assert_accessible(desk)
    assert "Rex" in desk.content() and "Hund aus dem Tierheim" in desk.content()
    desk.goto(f"/backoffice/dogtax/tags/lookup/?number={luna.current_tag.number}")
    assert_accessible(desk)
    clerk_context.close()

    # The corrected notice follows in the mailbox: Rex exempt, the others unchanged.
    text = pdf_text(notice_pdf(page, third, "Hundesteuerbescheid"))
    assert_accessible(page)
    assert "Rex" in text and "steuerfrei" in text
    assert "274,00" in text
    assert Dog.objects.get(name="Rex").exemption_code == "shelter"


def test_deregistration_of_a_given_away_dog(page, assert_accessible, setting, tmp_path):
    from rathaus.dogtax.services import account_for_keeper, dog_register, notice_record

    _service, _clerk, citizen = setting
    tax_office = _service.unit
    ServiceFactory(
        unit=tax_office,
        slug="hundesteuer-abmeldung",
        schema=demo_forms.DOG_DEREGISTRATION,
        handler="dogtax.deregistration",
        name_de="Hund abmelden (Hundesteuer)",
        name_en="Deregister a dog (dog tax)",
    )
    account = account_for_keeper(user=citizen, name="Clara Citizen")
    bello = dog_register(account=account, name="Bello", kept_since=date(YEAR - 3, 1, 1))
    notice_record(account=account, year=YEAR, kind="annual")
    sign_in(page, citizen.email)

    page.goto("/services/hundesteuer-abmeldung/")
    page.get_by_role("button", name="Online beantragen").click()
    page.wait_for_url("**/step/applicant/")
    page.get_by_label("Vorname").fill("Clara")
    page.get_by_label("Nachname").fill("Citizen")
    page.get_by_label("Straße und Hausnummer").fill("Marktstraße 1")
    page.get_by_label("Postleitzahl").fill("67655")
    page.get_by_label("Ort", exact=True).fill("Kaiserslautern")
    page.get_by_role("button", name="Speichern und weiter", exact=True).click()
    page.wait_for_url("**/step/dog/")
    new_keeper = page.get_by_label("Name der neuen Halterin oder des neuen Halters")
    expect(new_keeper).not_to_be_visible()
    # The keeper chooses among their own dogs; no tag number to type.
    page.get_by_label(f"Bello, Steuermarke {bello.current_tag.number}").check()
    page.get_by_label("Abgegeben oder verschenkt").check()
    expect(new_keeper).to_be_visible()
    new_keeper.fill("Nora Neu")
    keeper_address = page.get_by_role(
        "group", name="Anschrift der neuen Halterin oder des neuen Halters"
    )
    keeper_address.get_by_label("Straße und Hausnummer").fill("Weg 1")
    keeper_address.get_by_label("Postleitzahl").fill("67657")
    keeper_address.get_by_label("Ort", exact=True).fill("Kaiserslautern")
    page.get_by_label("Seit wann?").fill(date(YEAR, 6, 20).isoformat())
    assert_accessible(page)
    page.get_by_role("button", name="Speichern und weiter", exact=True).click()
    page.wait_for_url("**/review/")
    assert_accessible(page)
    page.get_by_role("button", name="Antrag absenden").click()
    page.wait_for_url("**/services/cases/**")
    case = Case.objects.get(service__slug="hundesteuer-abmeldung")

    text = pdf_text(notice_pdf(page, case, "Hundesteuerbescheid"))
    assert_accessible(page)
    assert "Januar – Juni" in text and "60,00" in text and "Bisher festgesetzt" in text
    bello.refresh_from_db()
    assert bello.given_up_reason == "given_away" and bello.new_keeper_name == "Nora Neu"
