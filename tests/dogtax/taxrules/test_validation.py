from dataclasses import replace
from datetime import date

import pytest

from rathaus.dogtax.taxrules import Code, Dog, EarlierGrant, Exemption, InvalidInput, Keeper, assess

SOUND = Dog(ref="sound", kept_since=date(2020, 1, 1))


def problems_of(**kwargs):
    with pytest.raises(InvalidInput) as caught:
        assess(**kwargs)
    return {(p.field, p.code) for p in caught.value.problems}


def test_every_problem_is_listed_with_its_field_and_code(kaiserslautern):
    dogs = [
        SOUND,
        Dog(ref="B", kept_since=date(2026, 5, 1), given_up_on=date(2026, 4, 30)),
        Dog(ref="C", kept_since=date(2026, 5, 1), born_on=date(2026, 5, 2)),
    ]

    problems = problems_of(statute=kaiserslautern, year=2016, dogs=dogs)

    assert problems == {
        ("year", Code.YEAR_NOT_COVERED),
        ("dogs[1].given_up_on", Code.GIVEN_UP_BEFORE_KEPT),
        ("dogs[2].born_on", Code.BORN_AFTER_KEPT),
    }


def test_a_year_with_one_month_without_a_rate_is_not_covered(kaiserslautern):
    first, second = kaiserslautern.rate_periods
    statute = replace(
        kaiserslautern, rate_periods=(first, replace(second, valid_from=date(2022, 2, 1)))
    )

    assert problems_of(statute=statute, year=2022, dogs=[SOUND]) == {
        ("year", Code.YEAR_NOT_COVERED)
    }


@pytest.mark.parametrize(
    ("dog", "field", "code"),
    [
        (
            replace(SOUND, deregistered_on=date(2026, 1, 1)),
            "dogs[1].deregistered_on",
            Code.DEREGISTERED_WITHOUT_GIVING_UP,
        ),
        (
            replace(SOUND, exemption=Exemption(kind="nato_forces")),
            "dogs[1].exemption.kind",
            Code.UNKNOWN_EXEMPTION,
        ),
        (
            replace(SOUND, exemption=Exemption(kind="lap_dog")),
            "dogs[1].exemption.kind",
            Code.UNKNOWN_EXEMPTION,
        ),
        (
            replace(
                SOUND,
                exemption=Exemption(
                    kind="rescue", granted_from=date(2026, 5, 1), granted_until=date(2026, 4, 1)
                ),
            ),
            "dogs[1].exemption.granted_until",
            Code.ENDS_BEFORE_START,
        ),
        (replace(SOUND, ref="A"), "dogs[1].ref", Code.DUPLICATE_REF),
    ],
)
def test_impossible_dog_details_are_refused(kaiserslautern, dog, field, code):
    dogs = [Dog(ref="A", kept_since=date(2021, 1, 1)), dog]

    assert (field, code) in problems_of(statute=kaiserslautern, year=2026, dogs=dogs)


def test_a_dog_level_exemption_is_no_keeper_exemption(kaiserslautern):
    keeper = Keeper(exemption=Exemption(kind="shelter"))

    problems = problems_of(statute=kaiserslautern, year=2026, keeper=keeper, dogs=[SOUND])

    assert problems == {("keeper.exemption.kind", Code.UNKNOWN_EXEMPTION)}


def test_whole_year_payment_needs_a_statute_that_offers_it(kaiserslautern):
    statute = replace(kaiserslautern, whole_year_due=None)

    problems = problems_of(statute=statute, year=2026, dogs=[SOUND], whole_year=True)

    assert problems == {("whole_year", Code.WHOLE_YEAR_NOT_OFFERED)}


def test_a_household_gets_the_shelter_exemption_once_in_ten_years(kaiserslautern):
    shelter = Exemption(kind="shelter")
    dogs = [
        Dog(ref="A", kept_since=date(2024, 3, 3), exemption=shelter),
        Dog(ref="B", kept_since=date(2026, 1, 10), exemption=shelter),
    ]

    problems = problems_of(statute=kaiserslautern, year=2026, dogs=dogs)

    assert problems == {("dogs[1].exemption", Code.EXEMPTION_LIMIT_EXCEEDED)}


@pytest.mark.parametrize(
    ("earlier", "refused"), [(date(2016, 5, 1), False), (date(2016, 5, 2), True)]
)
def test_an_earlier_shelter_exemption_blocks_another_for_ten_years(
    kaiserslautern, earlier, refused
):
    keeper = Keeper(earlier_grants=(EarlierGrant(kind="shelter", started_on=earlier),))
    dog = Dog(ref="A", kept_since=date(2026, 4, 15), exemption=Exemption(kind="shelter"))

    if refused:
        assert problems_of(statute=kaiserslautern, year=2026, keeper=keeper, dogs=[dog]) == {
            ("dogs[0].exemption", Code.EXEMPTION_LIMIT_EXCEEDED)
        }
    else:
        assert assess(statute=kaiserslautern, year=2026, keeper=keeper, dogs=[dog]).total == 0


def test_a_shelter_exemption_that_never_took_effect_does_not_count(kaiserslautern):
    shelter = Exemption(kind="shelter")
    dogs = [
        Dog(ref="A", kept_since=date(2026, 2, 3), given_up_on=date(2026, 2, 20), exemption=shelter),
        Dog(ref="B", kept_since=date(2026, 4, 10), exemption=shelter),
    ]

    result = assess(statute=kaiserslautern, year=2026, dogs=dogs)

    assert [m.exempt for m in result.dogs[1].months] == [True] * 8
