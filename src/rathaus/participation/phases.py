"""Phases of a participation process and what each role may do in them, declared as data.

Pure module (no Django import): the registry below is the single place that says who may do what
when. `rules.py` turns it into named django-rules permissions that views, the API and templates
use alike; adding a phase type means registering one more `PhaseType`, not branching in views.

A person holds a *set* of roles for an object (a signed-in person is a citizen; on their own
proposal also its author; staff may in addition be moderator or administrator); an action is
allowed when any of the roles allows it in the running phase. `CLOSED` stands for "no phase is
running" (before the first, between two, after the last).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from itertools import pairwise


class Role(StrEnum):
    ANONYMOUS = "anonymous"
    CITIZEN = "citizen"
    AUTHOR = "author"
    MODERATOR = "moderator"
    ADMINISTRATOR = "administrator"


class Action(StrEnum):
    VIEW = "view"
    FOLLOW = "follow"
    PROPOSE = "propose"
    EDIT_OWN_PROPOSAL = "edit_own_proposal"
    COMMENT = "comment"
    SUPPORT = "support"
    REPORT = "report"
    MODERATE = "moderate"
    ANSWER = "answer"


EVERYONE = frozenset(Role)
PARTICIPANTS = frozenset({Role.CITIZEN, Role.AUTHOR})
STAFF = frozenset({Role.MODERATOR, Role.ADMINISTRATOR})
AUTHOR = frozenset({Role.AUTHOR})

# What is allowed whatever the phase: reading, following, reporting abuse, moderating.
ALWAYS: Mapping[Action, frozenset[Role]] = {
    Action.VIEW: EVERYONE,
    Action.FOLLOW: PARTICIPANTS | STAFF,
    Action.REPORT: PARTICIPANTS,
    Action.MODERATE: STAFF,
}


@dataclass(frozen=True)
class PhaseType:
    """One kind of phase: its key (stored on `Phase.kind`) and what it allows beyond `ALWAYS`."""

    key: str
    order: int
    allows: Mapping[Action, frozenset[Role]] = field(default_factory=dict)
    takes_proposals: bool = False

    def roles_for(self, action: Action) -> frozenset[Role]:
        return ALWAYS.get(action, frozenset()) | self.allows.get(action, frozenset())


INFORMATION = "information"
PROPOSALS = "proposals"
DISCUSSION = "discussion"
VOTING = "voting"
RESULTS = "results"
IMPLEMENTATION = "implementation"
CLOSED = "closed"

_REGISTRY: dict[str, PhaseType] = {}


def register(phase_type: PhaseType) -> PhaseType:
    if phase_type.key in _REGISTRY:
        raise ValueError(f"Phase type {phase_type.key!r} is registered already.")
    _REGISTRY[phase_type.key] = phase_type
    return phase_type


def phase_type(key: str | None) -> PhaseType:
    """The registered type; `None` (no phase running) is `CLOSED`."""
    return _REGISTRY[key or CLOSED]


def phase_types() -> list[PhaseType]:
    """The types a process can be given, in their natural order (`CLOSED` is not one)."""
    return sorted((t for t in _REGISTRY.values() if t.key != CLOSED), key=lambda t: t.order)


def permitted(*, phase: str | None, roles: Iterable[Role], action: Action) -> bool:
    return bool(phase_type(phase).roles_for(action) & frozenset(roles))


register(PhaseType(INFORMATION, 10))
register(
    PhaseType(
        PROPOSALS,
        20,
        allows={
            Action.PROPOSE: PARTICIPANTS,
            Action.EDIT_OWN_PROPOSAL: AUTHOR,
            Action.COMMENT: PARTICIPANTS,
            Action.SUPPORT: PARTICIPANTS,
            Action.ANSWER: STAFF,
        },
        takes_proposals=True,
    )
)
register(
    PhaseType(
        DISCUSSION,
        30,
        allows={Action.COMMENT: PARTICIPANTS, Action.SUPPORT: PARTICIPANTS, Action.ANSWER: STAFF},
    )
)
register(PhaseType(VOTING, 40, allows={Action.ANSWER: STAFF}))
register(PhaseType(RESULTS, 50, allows={Action.ANSWER: STAFF}))
register(PhaseType(IMPLEMENTATION, 60, allows={Action.ANSWER: STAFF}))
register(PhaseType(CLOSED, 99, allows={Action.ANSWER: STAFF}))


@dataclass(frozen=True)
class Span:
    """A phase as plain values, for checking a process's schedule."""

    kind: str
    starts_at: datetime
    ends_at: datetime


def schedule_problems(spans: Iterable[Span]) -> list[tuple[int, str]]:
    """What is wrong with a schedule: (index of the span, problem code); empty when sound.

    Codes: `unknown_kind`, `ends_before_start`, `duplicate_kind`, `overlaps_previous`.
    """
    problems: list[tuple[int, str]] = []
    seen: set[str] = set()
    indexed = list(enumerate(spans))
    for index, span in indexed:
        if span.kind not in _REGISTRY or span.kind == CLOSED:
            problems.append((index, "unknown_kind"))
        if span.ends_at <= span.starts_at:
            problems.append((index, "ends_before_start"))
        if span.kind in seen:
            problems.append((index, "duplicate_kind"))
        seen.add(span.kind)
    by_start = sorted(indexed, key=lambda pair: pair[1].starts_at)
    for (_, earlier), (index, later) in pairwise(by_start):
        if later.starts_at < earlier.ends_at:
            problems.append((index, "overlaps_previous"))
    return problems


def running(spans: Iterable[Span], at: datetime) -> Span | None:
    """The span running at `at` (start inclusive, end exclusive), or None."""
    return next((span for span in spans if span.starts_at <= at < span.ends_at), None)
