"""Every case-related URL against every kind of visitor.

The applicant sees their own case; another citizen gets 404 (the case does not exist for them);
a clerk of another department gets 403 (or 404 where the URL is the citizen's); anonymous
visitors are sent to sign in.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from rathaus.eservices.handlers import Decision, Outcome
from rathaus.eservices.models import Upload
from rathaus.eservices.services.decisions import case_decide
from rathaus.eservices.services.payments import payment_request_create
from rathaus.eservices.services.receipts import receipt_store
from tests.eservices.factories import PDF
from tests.factories import sign_in

CITIZEN_GET = [
    "/services/cases/{ref}/",
    "/services/cases/{ref}/receipt.pdf",
    "/services/cases/{ref}/notices/{notice}.pdf",
    "/services/cases/{ref}/files/{upload}/",
    "/services/cases/{ref}/payments/{payment}/mandate/",
    "/en/services/cases/{ref}/",
]
CITIZEN_POST = [
    ("/services/cases/{ref}/reply/", {"body": "Hello"}),
    ("/services/cases/{ref}/withdraw/", {"confirm": "on"}),
    (
        "/services/cases/{ref}/payments/{payment}/mandate/",
        {"debtor_name": "X", "iban": "DE89370400440532013000", "authorise": "on"},
    ),
]
STAFF_GET = [
    "/backoffice/services/cases/{ref}/",
    "/backoffice/services/cases/{ref}/decide/",
    "/backoffice/services/cases/{ref}/receipt.pdf",
    "/backoffice/services/cases/{ref}/notices/{notice}.pdf",
    "/backoffice/services/cases/{ref}/files/{upload}/",
    "/en/backoffice/services/cases/{ref}/",
]
STAFF_POST = [
    ("/backoffice/services/cases/{ref}/status/", {"to": "in_review", "expected": "submitted"}),
    ("/backoffice/services/cases/{ref}/assign/", {"assignee": ""}),
    ("/backoffice/services/cases/{ref}/note/", {"text": "note"}),
    ("/backoffice/services/cases/{ref}/deadline/", {"due_on": "2030-01-01"}),
    (
        "/backoffice/services/cases/{ref}/ask/",
        {"ask-body": "Question", "ask-expected": "submitted"},
    ),
    (
        "/backoffice/services/cases/{ref}/inform/",
        {"inform-body": "Info", "inform-expected": "submitted"},
    ),
    (
        "/backoffice/services/cases/{ref}/decide/",
        {"outcome": "granted", "text": "ok", "expected": "submitted"},
    ),
]
API = ["/api/v1/cases", "/api/v1/cases/{ref}"]


@pytest.fixture
def world(make_case, citizen, tax_clerk, quick_pdfs):
    """A case with a receipt, a notice (on a second case), an upload and a payment.

    The PDFs are stand-ins: this module is about who may open them, not what they contain.
    """
    case = make_case(citizen)
    receipt_store(case=case)
    other = make_case(citizen)
    notice = case_decide(
        case=other, decision=Decision(outcome=Outcome.GRANTED, text="ok"), actor=tax_clerk
    )
    payment = payment_request_create(
        case=case, amount=1, purpose="Fee", due_on=case.submitted_at.date(), actor=tax_clerk
    )
    upload = Upload.objects.filter(case=case).first()
    return {"case": case, "decided": other, "notice": notice, "payment": payment, "upload": upload}


def _url(world, template):
    case = world["decided"] if "{notice}" in template else world["case"]
    return template.format(
        ref=case.reference,
        notice=world["notice"].pk,
        upload=world["upload"].pk,
        payment=world["payment"].pk,
    )


@pytest.mark.parametrize("template", CITIZEN_GET)
def test_the_applicant_opens_their_own_case_pages(client, citizen, world, template):
    sign_in(client, citizen)

    assert client.get(_url(world, template)).status_code == 200


@pytest.mark.parametrize("template", CITIZEN_GET)
def test_another_citizen_gets_not_found_on_citizen_pages(client, other_citizen, world, template):
    sign_in(client, other_citizen)

    assert client.get(_url(world, template)).status_code == 404


@pytest.mark.parametrize(("template", "data"), CITIZEN_POST)
def test_another_citizen_cannot_act_on_the_case(client, other_citizen, world, template, data):
    sign_in(client, other_citizen)

    assert client.post(_url(world, template), data).status_code == 404
    world["case"].refresh_from_db()
    assert world["case"].status == "submitted"
    assert world["case"].messages.count() == 0


@pytest.mark.parametrize("template", CITIZEN_GET)
def test_a_clerk_of_another_department_gets_not_found_on_citizen_pages(
    client, family_clerk, world, template
):
    sign_in(client, family_clerk)

    assert client.get(_url(world, template)).status_code == 404


@pytest.mark.parametrize("template", STAFF_GET)
def test_the_responsible_clerk_opens_the_staff_pages(client, tax_clerk, world, template):
    sign_in(client, tax_clerk)

    assert client.get(_url(world, template)).status_code == 200


@pytest.mark.parametrize("template", STAFF_GET)
def test_a_clerk_of_another_department_is_refused_on_staff_pages(
    client, family_clerk, world, template
):
    sign_in(client, family_clerk)

    assert client.get(_url(world, template)).status_code == 403


@pytest.mark.parametrize(("template", "data"), STAFF_POST)
def test_a_clerk_of_another_department_cannot_change_the_case(
    client, family_clerk, world, template, data
):
    sign_in(client, family_clerk)

    assert client.post(_url(world, template), data).status_code == 403
    world["case"].refresh_from_db()
    assert world["case"].status == "submitted"
    assert world["case"].notes.count() == 0


@pytest.mark.parametrize("template", STAFF_GET)
def test_the_applicant_is_refused_on_staff_pages(client, citizen, world, template):
    sign_in(client, citizen)

    assert client.get(_url(world, template)).status_code == 403


@pytest.mark.parametrize("template", CITIZEN_GET + STAFF_GET)
def test_anonymous_visitors_are_sent_to_sign_in(client, world, template):
    response = client.get(_url(world, template))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(("template", "data"), CITIZEN_POST + STAFF_POST)
def test_anonymous_posts_are_sent_to_sign_in_and_change_nothing(client, world, template, data):
    response = client.post(_url(world, template), data)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    world["case"].refresh_from_db()
    assert world["case"].status == "submitted"


def test_a_clerk_of_another_department_cannot_open_a_reply_attachment(
    client, citizen, family_clerk, world
):
    from rathaus.eservices.services.mailbox import message_reply

    message_reply(
        case=world["case"], body="x", user=citizen, files=[SimpleUploadedFile("a.pdf", PDF)]
    )
    attachment = Upload.objects.filter(message__isnull=False).get()
    sign_in(client, family_clerk)

    url = f"/backoffice/services/cases/{world['case'].reference}/files/{attachment.pk}/"
    assert client.get(url).status_code == 403


def test_an_unknown_reference_is_not_found_for_staff(client, tax_clerk, world):
    sign_in(client, tax_clerk)

    assert client.get("/backoffice/services/cases/KL-1999-000001/").status_code == 404


@pytest.mark.parametrize(
    "template", ["/services/drafts/{draft}/", "/services/drafts/{draft}/review/"]
)
def test_another_citizens_draft_does_not_exist(client, citizen, other_citizen, service, template):
    from rathaus.eservices.services.drafts import draft_start

    draft = draft_start(user=citizen, service=service)
    sign_in(client, other_citizen)

    assert client.get(template.format(draft=draft.public_id)).status_code == 404
