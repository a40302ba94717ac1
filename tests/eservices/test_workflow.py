from datetime import date

import pytest

from rathaus.eservices import workflow as wf


@pytest.mark.parametrize(
    "path",
    [
        [
            (wf.SUBMITTED, wf.IN_REVIEW, wf.STAFF),
            (wf.IN_REVIEW, wf.DECIDED, wf.STAFF),
            (wf.DECIDED, wf.CLOSED, wf.STAFF),
        ],
        [(wf.SUBMITTED, wf.DECIDED, wf.SYSTEM), (wf.DECIDED, wf.CLOSED, wf.SYSTEM)],
        [
            (wf.SUBMITTED, wf.IN_REVIEW, wf.STAFF),
            (wf.IN_REVIEW, wf.WAITING, wf.STAFF),
            (wf.WAITING, wf.IN_REVIEW, wf.CITIZEN),
            (wf.IN_REVIEW, wf.DECIDED, wf.STAFF),
        ],
        [(wf.SUBMITTED, wf.WAITING, wf.STAFF), (wf.WAITING, wf.WITHDRAWN, wf.CITIZEN)],
        [(wf.SUBMITTED, wf.WITHDRAWN, wf.CITIZEN)],
    ],
    ids=[
        "reviewed-and-decided",
        "decided-automatically",
        "question-answered",
        "withdrawn-while-waiting",
        "withdrawn-at-once",
    ],
)
def test_every_path_of_the_workflow_is_allowed_step_by_step(path):
    for current, target, actor in path:
        assert wf.can_transition(current, target, actor), (current, target, actor)


@pytest.mark.parametrize(
    ("current", "target", "actor"),
    [
        (wf.SUBMITTED, wf.WITHDRAWN, wf.STAFF),
        (wf.SUBMITTED, wf.DECIDED, wf.CITIZEN),
        (wf.DECIDED, wf.IN_REVIEW, wf.STAFF),
        (wf.CLOSED, wf.IN_REVIEW, wf.STAFF),
        (wf.WITHDRAWN, wf.IN_REVIEW, wf.STAFF),
        (wf.DECIDED, wf.WITHDRAWN, wf.CITIZEN),
        (wf.WAITING, wf.DECIDED, wf.SYSTEM),
        (wf.IN_REVIEW, wf.IN_REVIEW, wf.STAFF),
    ],
)
def test_changes_outside_the_table_are_refused(current, target, actor):
    assert not wf.can_transition(current, target, actor)


def test_staff_see_the_next_statuses_in_workflow_order():
    assert wf.next_statuses(wf.IN_REVIEW, wf.STAFF) == [wf.WAITING, wf.DECIDED]
    assert wf.next_statuses(wf.CLOSED, wf.STAFF) == []


def test_only_open_cases_past_their_due_date_are_overdue():
    today = date(2026, 5, 10)

    assert wf.is_overdue(wf.IN_REVIEW, date(2026, 5, 9), today)
    assert not wf.is_overdue(wf.IN_REVIEW, date(2026, 5, 10), today)
    assert not wf.is_overdue(wf.DECIDED, date(2026, 1, 1), today)
    assert not wf.is_overdue(wf.SUBMITTED, None, today)


def test_references_have_prefix_year_and_six_digits():
    assert wf.format_reference("KL", 2026, 123) == "KL-2026-000123"
    with pytest.raises(ValueError):
        wf.format_reference("KL", 2026, 1_000_000)
