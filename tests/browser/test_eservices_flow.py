"""The whole path of an online application in Chromium, in German and in English.

A citizen applies for the generic demo service (two steps, an upload), pauses and resumes by
the e-mailed link, and submits; a clerk (with TOTP) asks a question; the citizen answers in the
mailbox with a file; the clerk decides; the notice (a PDF/A) appears in the mailbox. axe-core
checks every page on the way.
"""

import re

import pytest
from django.core import mail

from rathaus.eservices.demo import GENERIC_DEMO_SLUG
from rathaus.eservices.demo_forms import DEMO_REQUEST
from rathaus.eservices.models import Case
from tests.browser.helpers import sign_in
from tests.eservices.factories import PDF, ServiceFactory
from tests.eservices.pdfcheck import pdf_facts
from tests.factories import OrgUnitFactory, StaffFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = {
    "de": {
        "prefix": "",
        "apply": "Online beantragen",
        "given_name": "Vorname",
        "family_name": "Nachname",
        "street": "Straße und Hausnummer",
        "postal_code": "Postleitzahl",
        "city": "Ort",
        "later": "Speichern und später fortsetzen",
        "continue": "Speichern und weiter",
        "saved": "Ihr Antrag wurde gespeichert",
        "topic": "Nachweis nachreichen",
        "details": "Ihr Anliegen",
        "proof": "Nachweis",
        "review": "Prüfen und absenden",
        "submit": "Antrag absenden",
        "your_message": "Ihre Nachricht",
        "attachments": "Anhänge",
        "send": "Nachricht senden",
        "notice": "Bescheid zu Ihrem Antrag",
        "sent": "Ihre Nachricht wurde gesendet.",
    },
    "en": {
        "prefix": "/en",
        "apply": "Apply online",
        "given_name": "Given name",
        "family_name": "Family name",
        "street": "Street and house number",
        "postal_code": "Postal code",
        "city": "City",
        "later": "Save and continue later",
        "continue": "Save and continue",
        "saved": "Your application has been saved",
        "topic": "Submit a proof",
        "details": "Your request",
        "proof": "Proof",
        "review": "Check and submit",
        "submit": "Submit application",
        "your_message": "Your message",
        "attachments": "Attachments",
        "send": "Send message",
        "notice": "Notice on your application",
        "sent": "Your message has been sent.",
    },
}
STAFF = {
    "de": {
        "question": "Ihre Rückfrage an die antragstellende Person",
        "ask": "Rückfrage senden",
        "decide": "Entscheiden",
        "granted": "bewilligt",
        "reasons": "Begründung (wird auf den Bescheid gedruckt)",
        "issue": "Bescheid erlassen",
    },
    "en": {
        "question": "Your question to the applicant",
        "ask": "Send question",
        "decide": "Decide",
        "granted": "granted",
        "reasons": "Reasons (printed on the notice)",
        "issue": "Issue the notice",
    },
}


@pytest.fixture
def setting(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    tax_office = OrgUnitFactory(slug="steueramt", name_de="Steueramt", name_en="Tax Office")
    service = ServiceFactory(
        unit=tax_office,
        slug=GENERIC_DEMO_SLUG,
        schema=DEMO_REQUEST,
        name_de="Nachweis einreichen (Demo)",
        name_en="Submit a proof (demo)",
        summary_de="Ein Demo-Antrag.",
        summary_en="A demo application.",
    )
    clerk = StaffFactory(email="desk.tax@example.org", with_totp=True, unit=tax_office)
    return service, clerk


def upload(name: str) -> dict:
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


@pytest.mark.parametrize("language", ["de", "en"])
def test_apply_pause_resume_question_answer_decision_and_notice(
    browser, live_server, page, assert_accessible, setting, language
):
    service, clerk = setting
    text, staff = TEXT[language], STAFF[language]
    prefix = text["prefix"]
    citizen = UserFactory(email=f"applicant.{language}@example.org", english=language == "en")

    # The citizen signs in, finds the service and starts.
    sign_in(page, citizen.email)
    page.goto(f"{prefix}/services/")
    assert_accessible(page)
    page.get_by_role("link", name=service.name_en if language == "en" else service.name_de).click()
    assert_accessible(page)
    page.get_by_role("button", name=text["apply"]).click()

    # Step 1, then pause: the link arrives by e-mail.
    page.wait_for_url("**/step/applicant/")
    assert_accessible(page)
    page.get_by_label(text["given_name"]).fill("Clara")
    page.get_by_label(text["family_name"]).fill("Citizen")
    page.get_by_label(text["street"]).fill("Marktstraße 1")
    page.get_by_label(text["postal_code"]).fill("67655")
    page.get_by_label(text["city"]).fill("Kaiserslautern")
    page.get_by_role("button", name=text["later"]).click()
    page.get_by_role("heading", name=text["saved"]).wait_for()
    assert_accessible(page)
    link = re.search(r"https?://\S+(/\S*services/resume/\S+/)", mail.outbox[-1].body).group(1)

    # Resume by the link (it works more than once) and finish step 2 with an upload.
    page.goto(link)
    page.goto(link)
    page.wait_for_url("**/step/request/")
    assert_accessible(page)
    page.get_by_label(text["topic"]).check()
    page.get_by_label(text["details"]).fill("My proof is attached.")
    page.get_by_label(text["proof"], exact=True).set_input_files(upload("proof.pdf"))
    page.get_by_role("button", name=text["continue"], exact=True).click()
    page.wait_for_url("**/review/")
    page.get_by_role("heading", name=text["review"], exact=True).wait_for()
    assert_accessible(page)
    page.get_by_role("button", name=text["submit"]).click()
    page.wait_for_url("**/services/cases/**")
    assert_accessible(page)
    case = Case.objects.get()
    assert case.reference in page.content()

    # The clerk signs in with TOTP in another browser, finds the case and asks a question.
    clerk_context = browser.new_context(base_url=live_server.url, locale="de-DE")
    desk = clerk_context.new_page()
    sign_in(desk, clerk.email, start="/accounts/login/?next=/backoffice/services/")
    desk.goto(f"{prefix}/backoffice/services/")
    assert_accessible(desk)
    desk.get_by_role("link", name=case.reference).click()
    assert_accessible(desk)
    desk.get_by_label(staff["question"]).fill("Please also send the second page.")
    desk.get_by_role("button", name=staff["ask"]).click()
    desk.wait_for_load_state()
    assert_accessible(desk)

    # The citizen answers in the mailbox, with a file.
    page.goto(f"{prefix}/services/mailbox/")
    assert_accessible(page)
    page.get_by_role("link", name=case.reference).click()
    assert "Please also send the second page." in page.content()
    assert_accessible(page)
    page.get_by_label(text["your_message"]).fill("Here is the second page.")
    page.get_by_label(text["attachments"]).set_input_files(upload("page-2.pdf"))
    page.get_by_role("button", name=text["send"]).click()
    page.get_by_text(text["sent"]).wait_for()
    assert_accessible(page)

    # The clerk decides; the notice is rendered and stored.
    desk.reload()
    assert "page-2.pdf" in desk.content()
    desk.get_by_role("link", name=staff["decide"], exact=True).click()
    assert_accessible(desk)
    desk.get_by_label(staff["granted"], exact=True).check()
    desk.get_by_label(staff["reasons"]).fill("All documents are complete.")
    desk.get_by_role("button", name=staff["issue"]).click()
    desk.wait_for_url(f"**/backoffice/services/cases/{case.reference}/")
    assert_accessible(desk)
    clerk_context.close()

    # The notice is in the citizen's mailbox: a valid PDF/A.
    page.reload()
    notice_link = page.get_by_role("link", name=re.compile(text["notice"]))
    notice_link.wait_for()
    assert_accessible(page)
    response = page.request.get(notice_link.get_attribute("href"))
    assert response.ok
    assert response.headers["content-type"] == "application/pdf"
    facts = pdf_facts(response.body())
    assert facts["pdfa_part"]
    assert case.reference in facts["text"]
    assert "All documents are complete." in facts["text"]
