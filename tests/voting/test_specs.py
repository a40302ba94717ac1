from datetime import UTC, datetime, timedelta
from decimal import Decimal

from rathaus.voting.specs import OptionSpec, PollSpec, spec_problems

OPENS = datetime(2026, 5, 1, 8, tzinfo=UTC)


def spec(**fields):
    base = {
        "title_de": "Umfrage",
        "kind": "multiple",
        "eligibility": "codes",
        "opens_at": OPENS,
        "closes_at": OPENS + timedelta(days=14),
        "options": tuple(OptionSpec(key=key, title_de=key.upper()) for key in "abc"),
    }
    return PollSpec(**{**base, **fields})


def problems(**fields):
    return [(problem.field, problem.code) for problem in spec_problems(spec(**fields))]


def test_a_sound_poll_has_no_problems():
    assert problems() == []


def test_a_poll_must_close_after_it_opens():
    assert problems(closes_at=OPENS) == [("closes_at", "closes_before_opening")]


def test_times_need_a_time_zone():
    assert ("opens_at", "timezone_required") in problems(opens_at=datetime(2026, 5, 1, 8))


def test_option_keys_must_be_well_formed_and_distinct():
    options = (
        OptionSpec(key="a", title_de="A"),
        OptionSpec(key="a", title_de="B"),
        OptionSpec(key="c d", title_de="C"),
    )

    assert problems(options=options) == [
        ("options[1].key", "key_duplicate"),
        ("options[2].key", "key_format"),
    ]


def test_a_budget_poll_needs_costs_a_budget_and_a_rule():
    assert problems(kind="budget") == [
        ("options[0].cost", "required"),
        ("options[1].cost", "required"),
        ("options[2].cost", "required"),
        ("budget", "required"),
        ("rule", "required"),
    ]


def test_a_choice_poll_cannot_have_a_budget():
    assert problems(budget=Decimal(10)) == [("budget", "budget_only")]


def test_limits_must_fit_the_options():
    assert problems(min_choices=4) == [("min_choices", "more_than_options")]
    assert problems(min_choices=2, max_choices=1) == [("max_choices", "below_minimum")]


def test_districts_and_age_limits_belong_to_resident_polls():
    assert problems(min_age=16) == [("eligibility", "residents_only_limits")]
    assert problems(eligibility="residents", min_age=16) == []
