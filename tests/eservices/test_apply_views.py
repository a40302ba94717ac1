import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from rathaus.eservices.models import Case, Draft
from rathaus.eservices.models.forms import FormVersion
from tests.eservices.factories import PDF, PNG, ServiceFactory
from tests.factories import sign_in

APPLICANT_STEP = {
    "given_name": "Clara",
    "family_name": "Citizen",
    "address__street": "Marktstraße 1",
    "address__postal_code": "67655",
    "address__city": "Kaiserslautern",
    "_action": "next",
}


@pytest.fixture
def draft_url(client, citizen, service):
    sign_in(client, citizen)
    response = client.post(f"/services/apply/{service.slug}/")
    assert response.status_code == 302
    return response["Location"]


def step_url(draft_url, key):
    return f"{draft_url}step/{key}/"


def test_starting_leads_to_the_first_step_with_a_progress_indicator(client, draft_url):
    response = client.get(draft_url, follow=True)

    html = response.content.decode()
    assert response.redirect_chain[-1][0].endswith("/step/applicant/")
    assert 'aria-current="step"' in html
    assert "Schritt 1 von 3" in html


def test_help_texts_and_errors_are_linked_to_their_fields(client, draft_url):
    response = client.post(step_url(draft_url, "applicant"), {"_action": "next", "given_name": ""})

    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(
        r'<input[^>]*name="given_name"[^>]*aria-describedby="id_given_name-error"', html
    )
    assert re.search(r'<input[^>]*name="phone"[^>]*aria-describedby="id_phone-hint"', html)
    assert 'id="id_given_name-error"' in html
    assert 'aria-invalid="true"' in html


def test_a_wrong_postal_code_is_explained_at_its_field(client, draft_url):
    response = client.post(
        step_url(draft_url, "applicant"), {**APPLICANT_STEP, "address__postal_code": "123"}
    )

    assert "deutsche Postleitzahl mit fünf Ziffern" in response.content.decode()


def test_the_whole_application_goes_through_review_to_a_case(client, citizen, draft_url):
    response = client.post(step_url(draft_url, "applicant"), APPLICANT_STEP)
    assert response["Location"].endswith("/step/request/")
    response = client.post(
        step_url(draft_url, "request"),
        {
            "topic": "proof",
            "details": "Proof attached.",
            "proof": SimpleUploadedFile("proof.pdf", PDF, content_type="application/pdf"),
            "_action": "next",
        },
    )
    assert response["Location"].endswith("/review/")

    review = client.get(f"{draft_url}review/").content.decode()
    assert "Marktstraße 1, 67655 Kaiserslautern" in review
    assert "proof.pdf" in review
    response = client.post(f"{draft_url}review/")

    case = Case.objects.get()
    assert response["Location"] == f"/services/cases/{case.reference}/"
    assert case.applicant == citizen
    assert case.answers["topic"] == "proof"


def test_a_double_click_on_submit_makes_one_case(client, draft_url):
    client.post(step_url(draft_url, "applicant"), APPLICANT_STEP)
    client.post(
        step_url(draft_url, "request"),
        {
            "topic": "proof",
            "details": "x",
            "proof": SimpleUploadedFile("p.pdf", PDF),
            "_action": "next",
        },
    )

    first = client.post(f"{draft_url}review/")
    second = client.post(f"{draft_url}review/")

    assert Case.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_a_file_that_only_pretends_to_be_a_pdf_is_refused(client, draft_url):
    client.post(step_url(draft_url, "applicant"), APPLICANT_STEP)

    response = client.post(
        step_url(draft_url, "request"),
        {
            "topic": "proof",
            "details": "x",
            "proof": SimpleUploadedFile(
                "proof.pdf", b"#!/bin/sh\necho pwned\n" * 20, content_type="application/pdf"
            ),
            "_action": "next",
        },
    )

    assert response.status_code == 200
    assert "Dieser Dateityp wird nicht angenommen" in response.content.decode()
    assert Draft.objects.get().answers.get("proof") is None


def test_a_file_above_the_fields_limit_is_refused(client, draft_url, service):
    client.post(step_url(draft_url, "applicant"), APPLICANT_STEP)
    big = PNG + b"\x00" * (5 * 1024 * 1024)

    response = client.post(
        step_url(draft_url, "request"),
        {
            "topic": "proof",
            "details": "x",
            "proof": SimpleUploadedFile("big.png", big),
            "_action": "next",
        },
    )

    assert "Die Datei ist zu groß" in response.content.decode()


def test_steps_cannot_be_skipped(client, draft_url):
    response = client.get(f"{draft_url}review/")

    assert response["Location"].endswith("/step/applicant/")
    assert client.get(step_url(draft_url, "request"))["Location"] == draft_url


def test_saving_for_later_keeps_what_is_valid_and_mails_a_link(
    client, citizen, draft_url, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            step_url(draft_url, "applicant"),
            {**APPLICANT_STEP, "family_name": "", "_action": "save"},
        )

    assert response.status_code == 200
    assert "Ihr Antrag wurde gespeichert" in response.content.decode()
    draft = Draft.objects.get()
    assert draft.answers["given_name"] == "Clara"
    assert "family_name" not in draft.answers
    link = re.search(r"https?://\S+/services/resume/\S+/", mail.outbox[0].body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    for _ in range(2):
        resumed = client.get("/" + path, follow=True)
        assert resumed.redirect_chain[-1][0].endswith("/step/applicant/")


def test_a_resume_link_opened_by_someone_else_shows_a_clear_page(
    client, draft_url, other_citizen, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(step_url(draft_url, "applicant"), {**APPLICANT_STEP, "_action": "save"})
    link = re.search(r"/services/resume/\S+/", mail.outbox[0].body).group(0)
    sign_in(client, other_citizen)

    response = client.get(link)

    assert response.status_code == 404
    assert "Dieser Link funktioniert nicht mehr" in response.content.decode()


def test_a_submission_keeps_its_form_version_when_a_new_one_is_published(
    client, draft_url, service
):
    client.post(step_url(draft_url, "applicant"), APPLICANT_STEP)
    client.post(
        step_url(draft_url, "request"),
        {
            "topic": "proof",
            "details": "x",
            "proof": SimpleUploadedFile("p.pdf", PDF),
            "_action": "next",
        },
    )
    FormVersion.objects.create(
        service=service, number=2, schema=service.form_working_copy, published_at=service.created_at
    )

    client.post(f"{draft_url}review/")

    assert Case.objects.get().form_version.number == 1


def test_an_entry_can_be_added_to_a_repeating_group_without_javascript(
    client, citizen, family_office
):
    from tests.eservices.children_form import CHILDREN_FORM as CHILD_BENEFIT

    ServiceFactory(unit=family_office, slug="kindergeld", schema=CHILD_BENEFIT)
    sign_in(client, citizen)
    draft_url = client.post("/services/apply/kindergeld/")["Location"]
    client.post(step_url(draft_url, "applicant"), APPLICANT_STEP)

    response = client.post(
        step_url(draft_url, "children"),
        {
            "children-TOTAL_FORMS": "1",
            "children-INITIAL_FORMS": "1",
            "children-0-first_name": "Mia",
            "children-0-born_on": "2015-04-01",
            "children-0-tax_id": "86095742719",
            "_action": "add:children",
        },
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Mia"' in html
    assert 'name="children-1-first_name"' in html
    assert "Kinder: Eintrag 2" in html
    assert "kern-error" not in html
