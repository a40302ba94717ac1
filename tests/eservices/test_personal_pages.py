"""The citizen's own pages are kept per person (ADR 0421): a change of their data shows at once,
and nobody else ever sees them."""

import re

import pytest
from django.conf import settings
from django.test import Client

from rathaus.eservices import workflow
from rathaus.eservices.services.cases import case_transition
from rathaus.eservices.services.letters import letter_deliver
from rathaus.eservices.services.mailbox import message_inform
from tests.eservices.factories import PDF
from tests.pages import SOMEONE_ELSE

pytestmark = pytest.mark.django_db


def letter(person, title: str):
    return letter_deliver(
        recipient=person,
        title=title,
        sender="Steueramt",
        source=f"test:{title}",
        content=PDF,
        filename="letter.pdf",
        language="de",
        notify=False,
    )


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME, None)  # the next page picks by its URL
    return response.content.decode()


def test_a_new_letter_shows_in_the_kept_mailbox_at_once(client, citizen):
    letter(citizen, "Hundesteuerbescheid 2025")
    client.force_login(citizen)
    assert "Hundesteuerbescheid 2025" in page(client, "/services/mailbox/")
    assert "Hundesteuerbescheid 2026" not in page(client, "/services/mailbox/")

    letter(citizen, "Hundesteuerbescheid 2026")

    assert "Hundesteuerbescheid 2026" in page(client, "/services/mailbox/")


@pytest.mark.parametrize("someone_else", SOMEONE_ELSE)
def test_nobody_sees_another_persons_kept_mailbox_or_case(
    client, citizen, make_case, someone_else, request
):
    case = make_case(citizen)
    letter(citizen, "Bescheid für Clara")
    client.force_login(citizen)
    assert "Bescheid für Clara" in page(client, "/services/mailbox/")
    assert case.reference in page(client, "/services/mailbox/")
    page(client, f"/services/cases/{case.reference}/")

    other = Client()
    other.force_login(someone_else(request))
    theirs = page(other, "/services/mailbox/")

    assert "Bescheid für Clara" not in theirs and case.reference not in theirs
    assert other.get(f"/services/cases/{case.reference}/").status_code == 404
    assert other.get(f"/en/services/cases/{case.reference}/").status_code == 404


def test_a_staff_message_shows_at_once_and_reading_it_clears_the_mailbox_count(
    client, citizen, make_case, tax_clerk
):
    case = make_case(citizen)
    client.force_login(citizen)
    url = f"/services/cases/{case.reference}/"
    assert "No messages yet." in page(client, "/en" + url)
    assert "<strong>1</strong>" not in page(client, "/services/mailbox/")

    message_inform(case=case, body="Your certificate arrived.", actor=tax_clerk)

    assert "<strong>1</strong>" in page(client, "/services/mailbox/")
    assert "Your certificate arrived." in page(client, "/en" + url)  # read now
    assert "<strong>1</strong>" not in page(client, "/services/mailbox/")
    assert "Your certificate arrived." in page(client, url)


def test_a_status_change_shows_on_the_kept_case_page_at_once(client, citizen, make_case, tax_clerk):
    case = make_case(citizen)
    client.force_login(citizen)
    before = page(client, f"/en/services/cases/{case.reference}/")
    assert "Status: in review" not in before

    case_transition(case=case, to=workflow.IN_REVIEW, actor=tax_clerk, actor_kind=workflow.STAFF)

    after = page(client, f"/en/services/cases/{case.reference}/")
    assert "Status: in review" in after


def test_the_kept_pages_follow_the_language(client, citizen, make_case):
    case = make_case(citizen)
    client.force_login(citizen)

    assert "Submitted applications" in page(client, "/en/services/mailbox/")
    assert "Eingereichte Anträge" in page(client, "/services/mailbox/")
    assert "Write to the department" in page(client, f"/en/services/cases/{case.reference}/")
    assert "Write to the department" not in page(client, f"/services/cases/{case.reference}/")


def test_the_forms_of_a_kept_case_page_carry_the_requests_own_token(citizen, make_case):
    case = make_case(citizen)
    client = Client(enforce_csrf_checks=True)
    client.force_login(citizen)
    url = f"/services/cases/{case.reference}/"
    page(client, url)
    client.logout()
    client.force_login(citizen)  # a new session, a new CSRF secret; the page is still kept

    html = page(client, url)
    reply = html[html.index(f'action="/services/cases/{case.reference}/reply/"') :]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', reply).group(1)

    assert "placeholder" not in html
    response = client.post(
        f"/services/cases/{case.reference}/reply/",
        {"csrfmiddlewaretoken": token, "body": "Here is my answer."},
    )
    assert response.status_code == 302
    assert "Here is my answer." in page(client, url)
