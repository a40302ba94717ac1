"""Races on PostgreSQL: parallel identical submits, parallel references, two clerks at once.

Run with DATABASE_URL=postgres://… (skipped on SQLite, whose single writer serialises anyway).
"""

import threading
import time

import pytest
from django.db import connection, connections

from rathaus.core import audit
from rathaus.eservices import workflow
from rathaus.eservices.models import Case, CaseEvent, Draft
from rathaus.eservices.services.cases import TransitionNotAllowed, case_transition
from rathaus.eservices.services.drafts import draft_save_step, draft_start
from rathaus.eservices.services.submission import draft_submit
from tests.eservices.factories import ANSWERS, attach
from tests.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")


def run_together(*calls):
    """Start all calls at the same moment in their own threads; results or exceptions."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # the test looks at what each thread got
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.fixture
def slow_audit(monkeypatch):
    """Hold each transaction a little longer, so that the racing threads really overlap."""
    original = audit.audit_record

    def slow(**kwargs):
        time.sleep(0.2)
        return original(**kwargs)

    for module in ("submission", "cases"):
        monkeypatch.setattr(f"rathaus.eservices.services.{module}.audit_record", slow)


def ready_draft(service, user) -> Draft:
    draft = draft_start(user=user, service=service)
    draft_save_step(
        draft=draft,
        step_key="request",
        values={**ANSWERS, "proof": attach(draft)},
        next_step="review",
    )
    return draft


def test_two_parallel_identical_submits_make_one_case(service, slow_audit):
    user = UserFactory()
    draft = ready_draft(service, user)

    results = run_together(
        *[lambda: draft_submit(draft=Draft.objects.get(pk=draft.pk), user=user)] * 2
    )

    assert all(isinstance(result, Case) for result in results), results
    assert results[0].pk == results[1].pk
    assert Case.objects.count() == 1


def test_parallel_submissions_get_unique_references_without_gaps(service):
    drafts = [(ready_draft(service, user), user) for user in UserFactory.create_batch(6)]

    results = run_together(*[lambda d=d, u=u: draft_submit(draft=d, user=u) for d, u in drafts])

    assert all(isinstance(result, Case) for result in results), results
    numbers = sorted(int(case.reference[-6:]) for case in results)
    assert numbers == list(range(1, 7))


def test_two_clerks_changing_the_status_at_once_cannot_corrupt_the_case(
    service, tax_clerk, tax_office, slow_audit
):
    from tests.factories import StaffFactory

    colleague = StaffFactory(unit=tax_office)
    case = draft_submit(draft=ready_draft(service, UserFactory()), user=Draft.objects.get().user)
    case_transition(case=case, to=workflow.IN_REVIEW, actor=tax_clerk, actor_kind=workflow.STAFF)

    results = run_together(
        lambda: case_transition(
            case=case,
            to=workflow.WAITING,
            actor=tax_clerk,
            actor_kind=workflow.STAFF,
            expected=workflow.IN_REVIEW,
        ),
        lambda: case_transition(
            case=case,
            to=workflow.DECIDED,
            actor=colleague,
            actor_kind=workflow.STAFF,
            expected=workflow.IN_REVIEW,
        ),
    )

    won = [result for result in results if isinstance(result, Case)]
    lost = [result for result in results if isinstance(result, TransitionNotAllowed)]
    assert len(won) == 1 and len(lost) == 1, results
    assert lost[0].stale
    case.refresh_from_db()
    assert case.status == won[0].status
    changes = CaseEvent.objects.filter(case=case, kind="status", from_status=workflow.IN_REVIEW)
    assert [event.to_status for event in changes] == [case.status]
