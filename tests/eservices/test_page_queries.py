"""The citizen's mailbox and the case pages cost the same queries for few and for many rows.

Query counts, not times (performance is measured by `make bench`): a page whose queries grow
with its letters or history entries would be slow at city scale (issue 15).
"""

from datetime import timedelta

from django.utils import timezone

from rathaus.core.fragments import changed_for
from rathaus.eservices.models import CaseEvent, Letter
from tests.factories import UserFactory, sign_in
from tests.pages import second_view_queries as queries


def add_letters(person, count: int, start: int) -> None:
    changed_for(person.pk)  # bulk_create sends no signal
    Letter.objects.bulk_create(
        Letter(
            recipient=person,
            title=f"Bescheid {number}",
            sender="Steueramt",
            source=f"test:{number}",
            language="de",
            file=f"eservices/letters/test/{number}.pdf",
            sha256="0" * 64,
            issued_at=timezone.now() - timedelta(days=number),
        )
        for number in range(start, start + count)
    )


def add_events(case, count: int, actor) -> None:
    changed_for(case.applicant_id)  # bulk_create sends no signal
    CaseEvent.objects.bulk_create(
        CaseEvent(
            case=case,
            at=case.submitted_at + timedelta(hours=number + 1),
            kind=("message", "status", "deadline", "assigned")[number % 4],
            actor=actor if number % 2 else None,
        )
        for number in range(count)
    )


def test_the_mailbox_costs_the_same_queries_for_2_and_60_letters(client, make_case):
    person = UserFactory()
    make_case(person)
    add_letters(person, 2, 0)
    sign_in(client, person)
    few = queries(client, "/services/mailbox/", fresh=person)
    kept = queries(client, "/services/mailbox/")

    add_letters(person, 58, 2)
    make_case(person)

    assert queries(client, "/services/mailbox/", fresh=person) <= few
    # Kept until the person's data changes: the session and the user, nothing of the page.
    assert queries(client, "/services/mailbox/") == kept <= 3


def test_the_case_pages_cost_the_same_queries_for_2_and_50_history_entries(
    client, make_case, tax_clerk
):
    person = UserFactory()
    case = make_case(person)
    add_events(case, 2, tax_clerk)
    sign_in(client, person)
    citizen_few = queries(client, f"/services/cases/{case.reference}/", fresh=person)
    citizen_kept = queries(client, f"/services/cases/{case.reference}/")
    client.logout()
    sign_in(client, tax_clerk)
    staff_few = queries(client, f"/backoffice/services/cases/{case.reference}/")

    add_events(case, 48, tax_clerk)

    assert queries(client, f"/backoffice/services/cases/{case.reference}/") <= staff_few
    client.logout()
    sign_in(client, person)
    assert queries(client, f"/services/cases/{case.reference}/", fresh=person) <= citizen_few
    assert queries(client, f"/services/cases/{case.reference}/") == citizen_kept <= 3


def test_the_mailbox_lists_letters_twenty_per_page_newest_first(client, db):
    person = UserFactory()
    add_letters(person, 25, 0)
    sign_in(client, person)

    first = client.get("/services/mailbox/").content.decode()
    second = client.get("/services/mailbox/?page=2").content.decode()

    assert first.count("(PDF)") == 20
    assert "Bescheid 0<" in first and "Bescheid 19<" in first and "Bescheid 20<" not in first
    assert second.count("(PDF)") == 5
    assert "Bescheid 24<" in second
    assert 'rel="next"' in first
