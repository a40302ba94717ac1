from datetime import timedelta

import pytest
from django.utils import timezone

from rathaus.eservices import workflow
from rathaus.eservices.models import Case
from rathaus.eservices.selectors.inbox import InboxFilters, inbox_cases, inbox_page
from rathaus.eservices.services.cases import case_assign, case_transition
from tests.eservices.factories import ServiceFactory
from tests.factories import UserFactory, sign_in


@pytest.fixture
def cases(make_case, tax_clerk):
    made = [
        make_case(UserFactory(display_name=name))
        for name in ("Anna Alt", "Bernd Berg", "Carla Conrad")
    ]
    case_transition(case=made[1], to=workflow.IN_REVIEW, actor=tax_clerk, actor_kind=workflow.STAFF)
    case_transition(case=made[2], to=workflow.DECIDED, actor=tax_clerk, actor_kind=workflow.STAFF)
    case_assign(case=made[1], assignee=tax_clerk, actor=tax_clerk)
    Case.objects.filter(pk=made[0].pk).update(due_on=timezone.localdate() - timedelta(days=1))
    return made


def references(units, user=None, **filters):
    return [
        case.reference
        for case in inbox_cases(unit_ids=units, filters=InboxFilters(**filters), user=user)
    ]


def test_the_inbox_shows_open_cases_newest_first_by_default(cases, tax_office):
    assert references({tax_office.pk}) == [cases[1].reference, cases[0].reference]


def test_filters_status_assignee_overdue_and_search(cases, tax_office, tax_clerk):
    units = {tax_office.pk}

    assert references(units, status="decided") == [cases[2].reference]
    assert references(units, status="all", sort="oldest") == [case.reference for case in cases]
    assert references(units, assignee="me", user=tax_clerk) == [cases[1].reference]
    assert references(units, assignee="nobody") == [cases[0].reference]
    assert references(units, overdue=True) == [cases[0].reference]
    assert references(units, status="all", query="berg") == [cases[1].reference]
    assert references(units, status="all", query=cases[2].reference) == [cases[2].reference]


def test_other_departments_cases_never_appear(cases, family_office, citizen):
    ServiceFactory(unit=family_office, slug="kindergeld-demo")

    assert references({family_office.pk}, status="all") == []


def test_pages_know_whether_more_follow_without_counting(
    make_case, tax_office, django_assert_num_queries
):
    for _ in range(3):
        make_case()
    cases = inbox_cases(unit_ids={tax_office.pk}, filters=InboxFilters())

    with django_assert_num_queries(1):
        first = inbox_page(cases, number=1, per_page=2)
    second = inbox_page(cases, number=2, per_page=2)

    assert (len(first.cases), first.has_next, first.has_previous) == (2, True, False)
    assert (len(second.cases), second.has_next, second.has_previous) == (1, False, True)


def test_the_inbox_page_needs_the_same_queries_for_3_or_30_cases(
    client, tax_clerk, make_case, django_assert_max_num_queries
):
    sign_in(client, tax_clerk)
    for _ in range(3):
        make_case()
    with django_assert_max_num_queries(12) as few:
        client.get("/backoffice/services/")
    for _ in range(27):
        make_case()

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/backoffice/services/")

    assert response.status_code == 200


def test_the_inbox_page_filters_by_query_string(client, tax_clerk, cases):
    sign_in(client, tax_clerk)

    html = client.get("/backoffice/services/", {"q": "Bernd"}).content.decode()

    assert cases[1].reference in html
    assert cases[0].reference not in html


def test_the_inbox_rows_show_each_cell_escaped_in_the_current_language(
    client, tax_clerk, make_case
):
    """The rows are built in Python (ADR 0441): the same cells as the template wrote."""
    case = make_case()
    Case.objects.filter(pk=case.pk).update(
        applicant_name="<b>Eve</b> & Co",
        due_on=timezone.localdate() - timedelta(days=1),
        submitted_at=timezone.make_aware(timezone.datetime(2026, 3, 9, 23, 30)),
    )
    case_assign(case=case, assignee=tax_clerk, actor=tax_clerk)
    sign_in(client, tax_clerk)

    german = client.get("/backoffice/services/").content.decode()
    english = client.get("/en/backoffice/services/").content.decode()

    assert f'href="/backoffice/services/cases/{case.reference}/">{case.reference}</a>' in german
    assert "&lt;b&gt;Eve&lt;/b&gt; &amp; Co" in german and "<b>Eve</b>" not in german
    assert "09.03.2026" in german and "überfällig" in german
    assert "overdue" in english and "überfällig" not in english
    assert str(tax_clerk) in german
