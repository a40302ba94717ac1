"""The back-office case page's cached fragments (ADR 0431): the application summary, the history
and the assign form. Whatever changes on the case shows at once, a clerk sees a case's fragments
only where they may see the case, and every read still writes its audit row."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from rathaus.core.models import AuditEntry
from rathaus.eservices import workflow
from rathaus.eservices.services.cases import case_assign, case_note_add, case_transition
from rathaus.eservices.services.mailbox import message_inform
from tests.eservices.test_page_queries import add_events
from tests.factories import OrgUnitFactory, StaffFactory, UserFactory, sign_in


def page(client, case, prefix: str = "") -> str:
    response = client.get(f"{prefix}/backoffice/services/cases/{case.reference}/")
    assert response.status_code == 200
    return response.content.decode()


def history(html: str) -> str:
    return html[html.index('class="es-timeline"') :]


def test_every_change_to_the_case_shows_at_once(client, make_case, tax_clerk, tax_office):
    case = make_case(UserFactory())
    colleague = StaffFactory(
        email="kollegin@example.org", display_name="Kollegin Krause", unit=tax_office
    )
    sign_in(client, tax_clerk)
    first = page(client, case)
    assert "Kollegin Krause" in first and "selected>Kollegin Krause" not in first

    case_assign(case=case, assignee=colleague, actor=tax_clerk)
    shown = page(client, case)
    assert f'value="{colleague.pk}" selected>Kollegin Krause' in shown
    assert history(shown).count("<li>") == history(first).count("<li>") + 1

    case_note_add(case=case, text="Nachweis liegt vor.", actor=tax_clerk)
    message_inform(case=case, body="Wir prüfen Ihren Antrag.", actor=tax_clerk)
    case_transition(case=case, to=workflow.IN_REVIEW, actor=tax_clerk, actor_kind=workflow.STAFF)
    shown = page(client, case)
    assert "Nachweis liegt vor." in shown and "Wir prüfen Ihren Antrag." in shown
    assert "Status: in Bearbeitung" in history(shown)

    add_events(case, 3, tax_clerk)  # written in bulk, without signals
    assert history(page(client, case)).count("<li>") == history(shown).count("<li>") + 3


def test_a_renamed_clerk_and_a_new_colleague_show_at_once(client, make_case, tax_clerk, tax_office):
    case = make_case(UserFactory())
    case_assign(case=case, assignee=tax_clerk, actor=tax_clerk)
    sign_in(client, tax_clerk)
    page(client, case)

    tax_clerk.display_name = "Sachbearbeiter Neu"
    tax_clerk.save()
    StaffFactory(email="neu@example.org", display_name="Neuer Kollege", unit=tax_office)
    shown = page(client, case)

    assert "(Sachbearbeiter Neu)" in history(shown)
    assert "Neuer Kollege" in shown


def test_changed_answers_show_at_once(client, make_case, tax_clerk):
    """Answers change only when retention clears them; the summary is keyed by their digest."""
    case = make_case(UserFactory(), details="Alter Text")
    sign_in(client, tax_clerk)
    assert "Alter Text" in page(client, case)

    case.answers = {**case.answers, "details": "Neuer Text"}
    case.save(update_fields=["answers"])

    shown = page(client, case)
    assert "Neuer Text" in shown and "Alter Text" not in shown


def test_the_fragments_are_the_cases_own_and_in_the_pages_language(client, make_case, tax_clerk):
    first = make_case(UserFactory(), details="Erster Grund")
    second = make_case(UserFactory(), details="Zweiter Grund")
    add_events(first, 4, tax_clerk)
    sign_in(client, tax_clerk)

    assert "Erster Grund" in page(client, first)
    shown = page(client, second)
    assert "Zweiter Grund" in shown and "Erster Grund" not in shown
    assert history(shown).count("<li>") < history(page(client, first)).count("<li>")
    german = page(client, first)
    assert "Zugewiesen an" in german and "Antrag eingereicht" in history(german)
    english = page(client, first, "/en")
    assert "Assigned to" in english and "Application submitted" in history(english)
    assert "Zugewiesen an" not in english and "Antrag eingereicht" not in english


def test_another_department_never_sees_a_cached_case(client, make_case, tax_clerk):
    case = make_case(UserFactory(), details="Vertraulicher Grund")
    sign_in(client, tax_clerk)
    page(client, case)  # every fragment cached
    outsider = StaffFactory(
        email="fremd@example.org", with_totp=True, unit=OrgUnitFactory(slug="ordnungsamt")
    )
    sign_in(client, outsider)

    response = client.get(f"/backoffice/services/cases/{case.reference}/")

    assert response.status_code == 403
    assert "Vertraulicher Grund" not in response.content.decode()


def test_every_read_writes_its_audit_row_also_from_the_cache(client, make_case, tax_clerk):
    case = make_case(UserFactory())
    sign_in(client, tax_clerk)
    page(client, case)

    with CaptureQueriesContext(connection) as captured:
        page(client, case)
        page(client, case)

    reads = AuditEntry.objects.filter(action="case.read", target_id=str(case.pk))
    assert reads.count() == 3
    assert sum(q["sql"].startswith("INSERT") for q in captured) == 2
    # The cached history and assign form read neither the entries nor the staff.
    assert not [q for q in captured if q["sql"].startswith('SELECT "eservices_caseevent"')]
    assert not [q for q in captured if "DISTINCT" in q["sql"]]
