"""The phase registry: what each phase allows, and sound schedules (pure, no database)."""

import datetime

import pytest

from rathaus.participation import phases
from rathaus.participation.models import PhaseKind
from rathaus.participation.phases import Action, Role, Span

T0 = datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)


def test_the_model_choices_are_exactly_the_registered_phase_types():
    assert [kind for kind, _ in PhaseKind.choices] == [t.key for t in phases.phase_types()]


def test_phase_types_come_in_their_natural_order():
    assert [t.key for t in phases.phase_types()] == [
        "information",
        "proposals",
        "discussion",
        "voting",
        "results",
        "implementation",
    ]


def test_registering_a_key_twice_is_refused():
    with pytest.raises(ValueError, match="registered already"):
        phases.register(phases.PhaseType(phases.VOTING, 41))


def test_no_running_phase_behaves_as_closed():
    assert phases.phase_type(None).key == phases.CLOSED
    assert not phases.permitted(phase=None, roles={Role.CITIZEN}, action=Action.PROPOSE)
    assert phases.permitted(phase=None, roles={Role.ANONYMOUS}, action=Action.VIEW)


def test_any_of_several_roles_is_enough():
    assert phases.permitted(
        phase=phases.PROPOSALS, roles={Role.CITIZEN, Role.AUTHOR}, action=Action.EDIT_OWN_PROPOSAL
    )
    assert not phases.permitted(
        phase=phases.PROPOSALS, roles={Role.CITIZEN}, action=Action.EDIT_OWN_PROPOSAL
    )


def spans(*triples):
    return [Span(kind, T0 + start * DAY, T0 + end * DAY) for kind, start, end in triples]


def test_a_sound_schedule_has_no_problems():
    assert phases.schedule_problems(spans(("information", 0, 5), ("proposals", 5, 20))) == []


@pytest.mark.parametrize(
    ("schedule", "problem"),
    [
        ((("proposals", 5, 5),), (0, "ends_before_start")),
        ((("proposals", 5, 3),), (0, "ends_before_start")),
        ((("lottery", 0, 3),), (0, "unknown_kind")),
        ((("closed", 0, 3),), (0, "unknown_kind")),
        ((("proposals", 0, 3), ("proposals", 3, 6)), (1, "duplicate_kind")),
        ((("proposals", 0, 4), ("discussion", 3, 6)), (1, "overlaps_previous")),
        ((("discussion", 3, 6), ("proposals", 0, 4)), (0, "overlaps_previous")),
    ],
)
def test_unsound_schedules_name_the_phase_and_the_problem(schedule, problem):
    assert problem in phases.schedule_problems(spans(*schedule))


def test_the_running_phase_includes_its_start_and_excludes_its_end():
    schedule = spans(("information", 0, 5), ("proposals", 5, 20))

    assert phases.running(schedule, T0 + 5 * DAY).kind == "proposals"
    assert phases.running(schedule, T0 + 5 * DAY - datetime.timedelta(seconds=1)).kind == (
        "information"
    )
    assert phases.running(schedule, T0 + 20 * DAY) is None
