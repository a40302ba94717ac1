from dataclasses import replace
from datetime import date

import pytest

from rathaus.dogtax.taxrules import Dog, assess


def schedule(assessment):
    return [(i.due_on.isoformat(), str(i.amount)) for i in assessment.installments]


def test_each_quarterly_instalment_is_the_tax_of_its_quarter(kaiserslautern):
    dogs = [Dog(ref="A", kept_since=date(2020, 1, 1)), Dog(ref="B", kept_since=date(2026, 3, 3))]

    result = assess(statute=kaiserslautern, year=2026, dogs=dogs)

    assert schedule(result) == [
        ("2026-02-15", "30.00"),
        ("2026-05-15", "72.00"),
        ("2026-08-15", "72.00"),
        ("2026-11-15", "72.00"),
    ]
    assert [i.covers for i in result.installments] == [
        (1, 2, 3),
        (4, 5, 6),
        (7, 8, 9),
        (10, 11, 12),
    ]


def test_the_rounding_residue_goes_where_the_running_total_crosses_half_a_cent(other_city):
    result = assess(statute=other_city, year=2024, dogs=[Dog(ref="A", kept_since=date(2020, 1, 1))])

    assert [str(i.amount) for i in result.installments] == ["25.03", "25.02", "25.03", "25.02"]
    assert sum(i.amount for i in result.installments) == result.total


def test_instalments_of_several_dogs_with_residues_sum_to_the_total(other_city):
    dogs = [
        Dog(ref="A", kept_since=date(2019, 1, 1)),
        Dog(ref="B", kept_since=date(2023, 4, 4), given_up_on=date(2024, 8, 8)),
        Dog(ref="C", kept_since=date(2024, 1, 31), dangerous=True),
    ]

    result = assess(statute=other_city, year=2024, dogs=dogs)

    assert sum(i.amount for i in result.installments) == result.total
    assert str(result.total) == "750.13"


@pytest.mark.parametrize(
    ("dog", "due"),
    [
        (Dog(ref="A", kept_since=date(2020, 1, 1), given_up_on=date(2026, 2, 2)), ["2026-02-15"]),
        (Dog(ref="A", kept_since=date(2026, 6, 6)), ["2026-08-15", "2026-11-15"]),
    ],
)
def test_quarters_without_tax_have_no_instalment(kaiserslautern, dog, due):
    result = assess(statute=kaiserslautern, year=2026, dogs=[dog])

    assert [i.due_on.isoformat() for i in result.installments] == due


def test_amounts_whose_due_date_has_passed_are_due_a_month_after_the_notice(kaiserslautern):
    dogs = [Dog(ref="A", kept_since=date(2025, 1, 1))]

    result = assess(statute=kaiserslautern, year=2026, dogs=dogs, notice_on=date(2026, 6, 10))

    assert schedule(result) == [
        ("2026-07-10", "60.00"),
        ("2026-08-15", "30.00"),
        ("2026-11-15", "30.00"),
    ]
    assert result.installments[0].covers == (1, 2, 3, 4, 5, 6)


def test_a_notice_on_the_due_date_leaves_the_due_date(kaiserslautern):
    dogs = [Dog(ref="A", kept_since=date(2025, 1, 1))]

    result = assess(statute=kaiserslautern, year=2026, dogs=dogs, notice_on=date(2026, 2, 15))

    assert schedule(result)[0] == ("2026-02-15", "30.00")


def test_a_late_due_date_falls_on_the_last_day_of_a_shorter_month(kaiserslautern):
    dogs = [Dog(ref="A", kept_since=date(2025, 1, 1))]

    result = assess(statute=kaiserslautern, year=2026, dogs=dogs, notice_on=date(2026, 3, 31))

    assert schedule(result)[0] == ("2026-04-30", "30.00")


def test_the_whole_year_is_due_on_1_july_on_request(kaiserslautern):
    dogs = [Dog(ref="A", kept_since=date(2020, 1, 1)), Dog(ref="B", kept_since=date(2026, 3, 3))]

    result = assess(statute=kaiserslautern, year=2026, dogs=dogs, whole_year=True)

    assert schedule(result) == [("2026-07-01", "246.00")]


def test_a_whole_year_assessed_after_1_july_is_due_a_month_after_the_notice(kaiserslautern):
    dogs = [Dog(ref="A", kept_since=date(2020, 1, 1))]

    result = assess(
        statute=kaiserslautern, year=2026, dogs=dogs, whole_year=True, notice_on=date(2026, 7, 2)
    )

    assert schedule(result) == [("2026-08-02", "120.00")]


def test_other_quarter_plans_of_a_statute_are_followed(kaiserslautern):
    halves = (
        replace(kaiserslautern.installment_dates[0], month=3, day=1, covers=(1, 2, 3, 4, 5, 6)),
        replace(kaiserslautern.installment_dates[0], month=9, day=1, covers=(7, 8, 9, 10, 11, 12)),
    )
    statute = replace(kaiserslautern, installment_dates=halves)

    result = assess(statute=statute, year=2026, dogs=[Dog(ref="A", kept_since=date(2020, 1, 1))])

    assert schedule(result) == [("2026-03-01", "60.00"), ("2026-09-01", "60.00")]
