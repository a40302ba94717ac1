"""What the case pages and the inbox keep or skip to be cheap (issue 15), and that a change
still shows at once."""

import re

from django.db import connection
from django.template.defaultfilters import date
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from rathaus.eservices.models import Message
from rathaus.eservices.services.mailbox import message_inform
from tests.eservices.factories import ServiceFactory
from tests.eservices.test_page_queries import add_letters
from tests.factories import UserFactory, sign_in


def writes(captured) -> list[str]:
    return [
        q["sql"]
        for q in captured
        if q["sql"].split(None, 1)[0] in ("INSERT", "UPDATE", "DELETE")
        and "django_session" not in q["sql"]
    ]


def test_a_renamed_or_new_service_shows_in_the_inbox_filter_at_once(
    client, tax_clerk, tax_office, service
):
    sign_in(client, tax_clerk)
    client.get("/backoffice/services/")

    service.name_de = "Umbenannter Dienst"
    service.save()
    ServiceFactory(unit=tax_office, slug="neu", name_de="Ganz neuer Dienst")
    page = client.get("/backoffice/services/").content.decode()

    assert "Umbenannter Dienst" in page
    assert "Ganz neuer Dienst" in page


def test_the_inbox_filter_keeps_what_the_clerk_chose(client, tax_clerk, service):
    sign_in(client, tax_clerk)
    client.get("/backoffice/services/", {"q": "Anna"})

    page = client.get("/backoffice/services/", {"q": "Bernd"}).content.decode()

    assert 'value="Bernd"' in page and 'value="Anna"' not in page


def test_showing_a_case_without_unread_messages_writes_nothing(client, make_case):
    person = UserFactory()
    case = make_case(person)
    sign_in(client, person)

    with CaptureQueriesContext(connection) as captured:
        assert client.get(case.get_absolute_url()).status_code == 200

    assert writes(captured) == []


def test_showing_a_case_marks_the_departments_messages_read(client, make_case, tax_clerk):
    person = UserFactory()
    case = make_case(person)
    message_inform(case=case, body="Ihr Antrag ist vollständig.", actor=tax_clerk)
    sign_in(client, person)

    page = client.get(case.get_absolute_url()).content.decode()

    assert "Ihr Antrag ist vollständig." in page
    assert not Message.objects.filter(case=case, read_at__isnull=True).exists()


def test_the_history_shows_each_time_as_the_date_filter_does(client, make_case):
    person = UserFactory()
    case = make_case(person)
    moment = timezone.localtime(case.events.first().at)
    sign_in(client, person)

    for prefix, language in (("", "de"), ("/en", "en")):
        page = client.get(prefix + case.get_absolute_url()).content.decode()
        with translation.override(language):
            shown = date(moment, "SHORT_DATETIME_FORMAT")
        iso = date(moment, "Y-m-d\\TH:i:sO")
        assert f'<time datetime="{iso}">{shown}</time>' in page


def test_a_page_past_the_last_shows_the_last_page_of_letters(client, db):
    person = UserFactory()
    add_letters(person, 25, 0)
    sign_in(client, person)

    page = client.get("/services/mailbox/?page=9").content.decode()

    assert page.count("(PDF)") == 5
    assert re.search(r"Seite 2 von 2", page)
