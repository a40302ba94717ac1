from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from rathaus.dogtax.taxrules import Dog, Exemption, Keeper, assess


def amounts(assessment):
    return {dog.ref: str(dog.amount) for dog in assessment.dogs}


def ranks(assessment, ref):
    dog = next(d for d in assessment.dogs if d.ref == ref)
    return {m.month: m.rank for m in dog.months}


def test_one_dog_kept_since_2024_pays_120_in_2026(kaiserslautern):
    dogs = [Dog(ref="A", kept_since=date(2024, 5, 10))]

    result = assess(statute=kaiserslautern, year=2026, dogs=dogs)

    assert str(result.total) == "120.00"
    assert [(m.month, m.rank, str(m.amount)) for m in result.dogs[0].months] == [
        (month, 1, "10.00") for month in range(1, 13)
    ]


def test_second_dog_acquired_in_march_pays_the_second_rate_from_april(kaiserslautern):
    dogs = [
        Dog(ref="first", kept_since=date(2020, 6, 1)),
        Dog(ref="second", kept_since=date(2026, 3, 3)),
    ]

    result = assess(statute=kaiserslautern, year=2026, dogs=dogs)

    assert amounts(result) == {"first": "120.00", "second": "126.00"}
    assert str(result.total) == "246.00"
    assert [m.month for m in result.dogs[1].months] == list(range(4, 13))


def test_when_the_older_dog_is_given_up_the_other_moves_up_the_following_month(kaiserslautern):
    dogs = [
        Dog(ref="older", kept_since=date(2019, 2, 1), given_up_on=date(2026, 6, 20)),
        Dog(ref="younger", kept_since=date(2023, 8, 8)),
    ]

    result = assess(statute=kaiserslautern, year=2026, dogs=dogs)

    assert amounts(result) == {"older": "60.00", "younger": "144.00"}
    assert ranks(result, "younger") == {m: 2 if m <= 6 else 1 for m in range(1, 13)}


@pytest.mark.parametrize(
    ("kept_since", "first_month"),
    [(date(2026, 3, 1), 4), (date(2026, 3, 31), 4), (date(2025, 12, 31), 1)],
)
def test_liability_starts_the_month_after_taking_the_dog_in(
    kaiserslautern, kept_since, first_month
):
    result = assess(statute=kaiserslautern, year=2026, dogs=[Dog(ref="A", kept_since=kept_since)])

    assert result.dogs[0].months[0].month == first_month
    assert result.dogs[0].amount == Decimal(10 * (13 - first_month))


@pytest.mark.parametrize(
    ("born_on", "kept_since", "first_month"),
    [
        (date(2026, 1, 1), date(2026, 1, 1), 4),
        (date(2026, 1, 31), date(2026, 2, 10), 4),
        (date(2025, 12, 20), date(2026, 2, 10), 3),
        (date(2025, 11, 20), date(2026, 1, 10), 2),
    ],
)
def test_puppies_are_liable_from_the_third_month_after_their_birth_month(
    kaiserslautern, born_on, kept_since, first_month
):
    dog = Dog(ref="puppy", kept_since=kept_since, born_on=born_on)

    result = assess(statute=kaiserslautern, year=2026, dogs=[dog])

    assert result.dogs[0].months[0].month == first_month


@pytest.mark.parametrize("given_up_on", [date(2026, 1, 1), date(2026, 1, 31)])
def test_the_month_of_giving_up_is_paid_in_full(kaiserslautern, given_up_on):
    dog = Dog(ref="A", kept_since=date(2020, 1, 1), given_up_on=given_up_on)

    result = assess(statute=kaiserslautern, year=2026, dogs=[dog])

    assert [(m.month, str(m.amount)) for m in result.dogs[0].months] == [(1, "10.00")]
    assert str(result.total) == "10.00"


def test_a_dog_given_up_before_its_liability_starts_pays_nothing(kaiserslautern):
    dog = Dog(ref="A", kept_since=date(2026, 3, 3), given_up_on=date(2026, 3, 25))

    result = assess(statute=kaiserslautern, year=2026, dogs=[dog])

    assert result.dogs[0].months == ()
    assert str(result.total) == "0.00"
    assert result.installments == ()


def test_the_rates_of_2022_replace_the_older_rates_from_january_2022(kaiserslautern):
    dogs = [Dog(ref="A", kept_since=date(2018, 1, 1)), Dog(ref="B", kept_since=date(2019, 1, 1))]

    before = assess(statute=kaiserslautern, year=2021, dogs=dogs)
    after = assess(statute=kaiserslautern, year=2022, dogs=dogs)

    assert amounts(before) == {"A": "102.00", "B": "150.00"}
    assert amounts(after) == {"A": "120.00", "B": "168.00"}


def test_each_month_pays_the_rate_valid_on_its_first_day(other_city):
    result = assess(statute=other_city, year=2025, dogs=[Dog(ref="A", kept_since=date(2020, 1, 1))])

    assert [m.annual_rate for m in result.dogs[0].months] == [Decimal("100.10")] * 6 + [
        Decimal("110.00")
    ] * 6
    assert str(result.total) == "105.05"


def test_months_are_shown_to_the_cent_but_the_year_is_rounded_once(other_city):
    result = assess(statute=other_city, year=2024, dogs=[Dog(ref="A", kept_since=date(2020, 1, 1))])

    assert {str(m.amount) for m in result.dogs[0].months} == {"8.34"}
    assert str(result.dogs[0].amount) == "100.10"


def test_a_shelter_dog_is_exempt_for_its_first_24_months_across_year_ends(kaiserslautern):
    dog = Dog(ref="A", kept_since=date(2025, 4, 20), exemption=Exemption(kind="shelter"))

    years = {
        year: assess(statute=kaiserslautern, year=year, dogs=[dog]).dogs[0]
        for year in (2025, 2026, 2027)
    }

    assert [(m.month, m.exempt, m.rank, str(m.amount)) for m in years[2025].months] == [
        (month, True, None, "0.00") for month in range(5, 13)
    ]
    assert str(years[2026].amount) == "0.00"
    assert len(years[2026].months) == 12
    assert [m.exempt for m in years[2027].months] == [True] * 4 + [False] * 8
    assert str(years[2027].amount) == "80.00"


def test_an_exempt_dog_does_not_count_in_the_ranking(kaiserslautern):
    dogs = [
        Dog(ref="shelter", kept_since=date(2025, 9, 1), exemption=Exemption(kind="shelter")),
        Dog(ref="other", kept_since=date(2025, 12, 1)),
    ]

    result = assess(statute=kaiserslautern, year=2026, dogs=dogs)

    assert amounts(result) == {"shelter": "0.00", "other": "120.00"}


def test_all_dogs_of_a_nato_forces_keeper_are_exempt(kaiserslautern):
    dogs = [Dog(ref="A", kept_since=date(2024, 1, 1)), Dog(ref="B", kept_since=date(2025, 1, 1))]

    result = assess(
        statute=kaiserslautern,
        year=2026,
        keeper=Keeper(exemption=Exemption(kind="nato_forces")),
        dogs=dogs,
    )

    assert str(result.total) == "0.00"
    assert all(m.exempt and m.rank is None for dog in result.dogs for m in dog.months)
    assert result.installments == ()


def test_an_assistance_dog_is_exempt_in_the_months_whose_first_day_the_grant_covers(kaiserslautern):
    grant = Exemption(
        kind="assistance", granted_from=date(2026, 3, 10), granted_until=date(2026, 9, 20)
    )
    dog = Dog(ref="A", kept_since=date(2020, 1, 1), exemption=grant)

    result = assess(statute=kaiserslautern, year=2026, dogs=[dog])

    assert [m.month for m in result.dogs[0].months if m.exempt] == [4, 5, 6, 7, 8, 9]
    assert str(result.total) == "60.00"


def test_an_exemption_granted_from_the_first_of_a_month_covers_that_month(kaiserslautern):
    grant = Exemption(kind="rescue", granted_from=date(2026, 3, 1))
    dog = Dog(ref="A", kept_since=date(2020, 1, 1), exemption=grant)

    result = assess(statute=kaiserslautern, year=2026, dogs=[dog])

    assert [m.month for m in result.dogs[0].months if not m.exempt] == [1, 2]


def test_dogs_whose_liability_starts_together_rank_in_input_order(kaiserslautern):
    a = Dog(ref="A", kept_since=date(2026, 2, 20))
    b = Dog(ref="B", kept_since=date(2026, 2, 3))

    ab = assess(statute=kaiserslautern, year=2026, dogs=[a, b])
    ba = assess(statute=kaiserslautern, year=2026, dogs=[b, a])

    assert amounts(ab) == {"A": "100.00", "B": "140.00"}
    assert amounts(ba) == {"A": "140.00", "B": "100.00"}


def test_a_dangerous_dog_pays_the_dangerous_rate_and_takes_its_rank(other_city):
    dogs = [
        Dog(ref="dangerous", kept_since=date(2020, 1, 1), dangerous=True),
        Dog(ref="other", kept_since=date(2021, 1, 1)),
    ]

    result = assess(statute=other_city, year=2026, dogs=dogs)

    assert amounts(result) == {"dangerous": "612.01", "other": "160.01"}
    assert set(ranks(result, "dangerous").values()) == {1}


def test_a_statute_can_leave_dangerous_dogs_out_of_the_ranking(other_city):
    statute = replace(other_city, dangerous_dogs_rank=False)
    dogs = [
        Dog(ref="dangerous", kept_since=date(2020, 1, 1), dangerous=True),
        Dog(ref="other", kept_since=date(2021, 1, 1)),
    ]

    result = assess(statute=statute, year=2026, dogs=dogs)

    assert amounts(result) == {"dangerous": "612.01", "other": "110.00"}
    assert set(ranks(result, "dangerous").values()) == {None}


@pytest.mark.parametrize("dangerous_dogs_rank", [True, False])
def test_without_a_dangerous_rate_a_dangerous_dog_pays_by_rank(kaiserslautern, dangerous_dogs_rank):
    statute = replace(kaiserslautern, dangerous_dogs_rank=dangerous_dogs_rank)
    dogs = [
        Dog(ref="A", kept_since=date(2020, 1, 1)),
        Dog(ref="B", kept_since=date(2021, 1, 1), dangerous=True),
    ]

    result = assess(statute=statute, year=2026, dogs=dogs)

    assert amounts(result) == {"A": "120.00", "B": "168.00"}


@pytest.mark.parametrize(
    ("deregistered_on", "last_month"), [(date(2026, 7, 14), 6), (date(2026, 7, 15), 7)]
)
def test_a_late_deregistration_costs_the_following_month_where_the_statute_says_so(
    other_city, deregistered_on, last_month
):
    dog = Dog(
        ref="A",
        kept_since=date(2020, 1, 1),
        given_up_on=date(2026, 6, 20),
        deregistered_on=deregistered_on,
    )

    result = assess(statute=other_city, year=2026, dogs=[dog])

    assert result.dogs[0].months[-1].month == last_month


def test_a_late_deregistration_in_december_costs_january_of_the_next_year(other_city):
    dog = Dog(
        ref="A",
        kept_since=date(2020, 1, 1),
        given_up_on=date(2026, 12, 5),
        deregistered_on=date(2027, 1, 20),
    )

    result = assess(statute=other_city, year=2027, dogs=[dog])

    assert [m.month for m in result.dogs[0].months] == [1]


def test_kaiserslautern_does_not_charge_for_late_deregistration_until_confirmed(kaiserslautern):
    dog = Dog(
        ref="A",
        kept_since=date(2020, 1, 1),
        given_up_on=date(2026, 6, 20),
        deregistered_on=date(2026, 9, 1),
    )

    result = assess(statute=kaiserslautern, year=2026, dogs=[dog])

    assert str(result.total) == "60.00"


def test_the_result_maps_onto_the_quote_response(kaiserslautern):
    dogs = [Dog(ref="A", kept_since=date(2024, 5, 10), born_on=date(2020, 1, 1))]

    result = assess(statute=kaiserslautern, year=2026, keeper=Keeper(), dogs=dogs)
    response = {
        "year": result.year,
        "currency": result.currency,
        "total": str(result.total),
        "dogs": [
            {
                "ref": d.ref,
                "amount": str(d.amount),
                "months": [
                    {"month": m.month, "rank": m.rank, "exempt": m.exempt, "amount": str(m.amount)}
                    for m in d.months
                ],
            }
            for d in result.dogs
        ],
        "installments": [
            {"due_on": i.due_on.isoformat(), "amount": str(i.amount)} for i in result.installments
        ],
    }

    assert response["year"] == 2026
    assert response["currency"] == "EUR"
    assert response["total"] == "120.00"
    assert response["dogs"][0]["months"][0] == {
        "month": 1,
        "rank": 1,
        "exempt": False,
        "amount": "10.00",
    }
    assert response["installments"] == [
        {"due_on": "2026-02-15", "amount": "30.00"},
        {"due_on": "2026-05-15", "amount": "30.00"},
        {"due_on": "2026-08-15", "amount": "30.00"},
        {"due_on": "2026-11-15", "amount": "30.00"},
    ]
