"""The case workflow as one table (no Django import).

Who may move a case from which status to which: staff (a clerk of the responsible department),
the citizen who applied, or the system (an automatic decision by a service handler, retention).
`rathaus.eservices.services.cases.case_transition` enforces it under a row lock.

    submitted ──► in_review ──► decided ──► closed
        │  ▲          │  ▲
        │  └──────────┼──┘ (citizen answers)
        └──► waiting_for_citizen
    submitted / in_review / waiting_for_citizen ──► withdrawn (by the citizen)
"""

from __future__ import annotations

from datetime import date

SUBMITTED = "submitted"
IN_REVIEW = "in_review"
WAITING = "waiting_for_citizen"
DECIDED = "decided"
CLOSED = "closed"
WITHDRAWN = "withdrawn"
STATUSES = (SUBMITTED, IN_REVIEW, WAITING, DECIDED, CLOSED, WITHDRAWN)

STAFF = "staff"
CITIZEN = "citizen"
SYSTEM = "system"

TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    (SUBMITTED, IN_REVIEW): frozenset({STAFF}),
    (SUBMITTED, WAITING): frozenset({STAFF}),
    (SUBMITTED, DECIDED): frozenset({STAFF, SYSTEM}),
    (IN_REVIEW, WAITING): frozenset({STAFF}),
    (IN_REVIEW, DECIDED): frozenset({STAFF, SYSTEM}),
    (WAITING, IN_REVIEW): frozenset({STAFF, CITIZEN}),
    (WAITING, DECIDED): frozenset({STAFF}),
    (DECIDED, CLOSED): frozenset({STAFF, SYSTEM}),
    (SUBMITTED, WITHDRAWN): frozenset({CITIZEN}),
    (IN_REVIEW, WITHDRAWN): frozenset({CITIZEN}),
    (WAITING, WITHDRAWN): frozenset({CITIZEN}),
}

# Still being worked on: counted in inboxes, may be overdue, may be withdrawn.
OPEN = frozenset({SUBMITTED, IN_REVIEW, WAITING})
# Nothing more happens; retention periods run from here.
FINAL = frozenset({CLOSED, WITHDRAWN})


def can_transition(current: str, target: str, actor: str) -> bool:
    return actor in TRANSITIONS.get((current, target), frozenset())


def next_statuses(current: str, actor: str) -> list[str]:
    """The statuses `actor` may move a case in `current` to, in workflow order."""
    return [target for target in STATUSES if can_transition(current, target, actor)]


def is_overdue(status: str, due_on: date | None, today: date) -> bool:
    return status in OPEN and due_on is not None and due_on < today


def format_reference(prefix: str, year: int, number: int) -> str:
    """`KL-2026-000123`: prefix, year of submission, number within that year."""
    if not 0 < number <= 999_999:
        raise ValueError("A reference number has at most six digits.")
    return f"{prefix}-{year:04d}-{number:06d}"
