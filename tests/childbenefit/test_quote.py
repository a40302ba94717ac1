from decimal import Decimal

import pytest

from rathaus.childbenefit.benefitrules import Month, compute_quote
from tests.childbenefit.builders import (
    child,
    month_span,
    only_issue,
    outcomes,
    period,
    request_for,
)


def test_newborn_is_paid_from_the_month_of_birth(amounts):
    request = request_for("2026-04-10", "2026-06", child("2026-03-20"))

    quote = compute_quote(request=request, amounts=amounts)

    assert outcomes(quote) == {
        **month_span("2025-10", "2026-02", "not_yet_born"),
        **month_span("2026-03", "2026-06", "259.00"),
    }


def test_application_reaches_back_six_months_before_the_month_of_receipt(amounts):
    request = request_for("2026-11-24", "2026-12", child("2015-01-10"))

    quote = compute_quote(request=request, amounts=amounts)

    assert quote.first_month == Month(2026, 5)
    assert list(outcomes(quote)) == [f"2026-{month:02d}" for month in range(5, 13)]


def test_months_asked_for_before_the_backdating_limit_are_refused(amounts):
    request = request_for("2026-11-24", "2026-06", child("2015-01-10"), requested_from="2026-02")

    quote = compute_quote(request=request, amounts=amounts)

    assert outcomes(quote) == {
        **month_span("2026-02", "2026-04", "before_backdating_limit"),
        **month_span("2026-05", "2026-06", "259.00"),
    }
    assert quote.earliest_month == Month(2026, 5)


@pytest.mark.parametrize(
    ("born_on", "last_paid", "first_refused"),
    [
        ("2008-08-02", "2026-08", "2026-09"),
        ("2008-08-01", "2026-07", "2026-08"),
        ("2008-08-31", "2026-08", "2026-09"),
    ],
)
def test_without_qualifying_period_payment_ends_with_the_18th_year_of_life(
    amounts, born_on, last_paid, first_refused
):
    request = request_for("2026-09-15", "2026-12", child(born_on))

    quote = compute_quote(request=request, amounts=amounts)

    assert outcomes(quote) == {
        **month_span("2026-03", last_paid, "259.00"),
        **month_span(first_refused, "2026-12", "no_qualifying_period"),
    }


def test_the_public_api_example_totals_eight_months_of_2026(amounts):
    request = request_for(
        "2026-11-24", "2026-12", child("2010-05-03", period("education", "2026-09"))
    )

    quote = compute_quote(request=request, amounts=amounts)

    assert quote.total == Decimal("2072.00")
    assert outcomes(quote) == month_span("2026-05", "2026-12", "259.00")


def test_education_is_paid_until_the_25th_year_of_life_is_completed(amounts):
    student = child("2001-06-10", period("education", "2020-10"))
    request = request_for("2026-11-24", "2026-12", student)

    quote = compute_quote(request=request, amounts=amounts)

    assert outcomes(quote) == {
        **month_span("2026-05", "2026-06", "259.00"),
        **month_span("2026-07", "2026-12", "over_25"),
    }


@pytest.mark.parametrize("kind", ["education", "voluntary_service", "no_training_place"])
def test_a_qualifying_period_pays_only_its_own_months_after_18(amounts, kind):
    request = request_for(
        "2026-11-24", "2026-12", child("2005-01-15", period(kind, "2026-07", "2026-09"))
    )

    quote = compute_quote(request=request, amounts=amounts)

    assert outcomes(quote) == {
        **month_span("2026-05", "2026-06", "no_qualifying_period"),
        **month_span("2026-07", "2026-09", "259.00"),
        **month_span("2026-10", "2026-12", "no_qualifying_period"),
    }


@pytest.mark.parametrize(
    ("kind", "born_on", "last_paid", "first_refused", "reason"),
    [
        ("job_seeking", "2005-08-01", "2026-07", "2026-08", "over_21_job_seeking"),
        ("job_seeking", "2005-08-02", "2026-08", "2026-09", "over_21_job_seeking"),
        ("education", "2001-08-01", "2026-07", "2026-08", "over_25"),
        ("education", "2001-08-02", "2026-08", "2026-09", "over_25"),
    ],
)
def test_an_age_limit_ends_payment_a_month_earlier_for_a_child_born_on_the_first(
    amounts, kind, born_on, last_paid, first_refused, reason
):
    request = request_for("2026-11-24", "2026-12", child(born_on, period(kind, "2019-10")))

    quote = compute_quote(request=request, amounts=amounts)

    assert outcomes(quote) == {
        **month_span("2026-05", last_paid, "259.00"),
        **month_span(first_refused, "2026-12", reason),
    }


def test_a_disabled_child_is_paid_at_any_age(amounts):
    request = request_for(
        "2026-11-24", "2026-12", child("1980-02-10", period("disabled", "1999-01"))
    )

    quote = compute_quote(request=request, amounts=amounts)

    assert outcomes(quote) == month_span("2026-05", "2026-12", "259.00")


@pytest.mark.parametrize(
    ("born_on", "disabled_from", "paid"),
    [
        ("1996-09-02", "2021-09", True),
        ("1996-09-01", "2021-08", True),
        ("1996-09-01", "2021-09", False),
        ("1996-09-02", "2021-10", False),
    ],
)
def test_a_disability_counts_after_25_only_if_it_began_before_the_25th_birthday(
    amounts, born_on, disabled_from, paid
):
    request = request_for(
        "2026-11-24", "2026-12", child(born_on, period("disabled", disabled_from))
    )

    quote = compute_quote(request=request, amounts=amounts)

    expected = "259.00" if paid else "disability_began_after_25"
    assert outcomes(quote) == month_span("2026-05", "2026-12", expected)


def test_a_gap_of_four_months_between_training_sections_is_paid(amounts):
    trainee = child(
        "2006-02-10",
        period("education", "2024-09", "2026-06"),
        period("transition", "2026-07", "2026-10"),
        period("education", "2026-11"),
    )
    request = request_for("2026-11-24", "2026-12", trainee)

    quote = compute_quote(request=request, amounts=amounts)

    assert outcomes(quote) == month_span("2026-05", "2026-12", "259.00")


def test_no_month_of_a_gap_longer_than_four_months_is_paid(amounts):
    trainee = child(
        "2006-02-10",
        period("education", "2024-09", "2026-05"),
        period("transition", "2026-06", "2026-10"),
        period("education", "2026-11"),
    )
    request = request_for("2026-11-24", "2026-12", trainee)

    quote = compute_quote(request=request, amounts=amounts)

    assert outcomes(quote) == {
        "2026-05": "259.00",
        **month_span("2026-06", "2026-10", "transition_too_long"),
        **month_span("2026-11", "2026-12", "259.00"),
    }


def test_a_young_adult_past_every_limit_is_refused_for_the_strongest_period(amounts):
    request = request_for(
        "2026-11-24",
        "2026-05",
        child("2000-01-15", period("job_seeking", "2026-01"), period("education", "2026-01")),
        child("2004-01-15", period("job_seeking", "2026-01"), ref="B"),
    )

    quote = compute_quote(request=request, amounts=amounts)

    assert outcomes(quote, "A") == {"2026-05": "over_25"}
    assert outcomes(quote, "B") == {"2026-05": "over_21_job_seeking"}


def test_in_2022_the_third_and_fourth_child_by_age_get_more(amounts):
    children = [
        child(born_on, ref=ref)
        for ref, born_on in [
            ("youngest", "2021-05-01"),
            ("eldest", "2010-01-01"),
            ("third", "2019-03-01"),
            ("second", "2015-07-01"),
            ("fourth", "2020-09-01"),
        ]
    ]
    request = request_for("2023-06-05", "2022-12", *children)

    quote = compute_quote(request=request, amounts=amounts)

    assert {each.ref: str(each.total) for each in quote.children} == {
        "eldest": "219.00",
        "second": "219.00",
        "third": "225.00",
        "fourth": "250.00",
        "youngest": "250.00",
    }


def test_a_child_no_longer_paid_does_not_count_towards_the_ordinal(amounts):
    children = [
        child("1995-03-10", ref="grown up"),
        child("2010-01-01", ref="first"),
        child("2015-07-01", ref="second"),
        child("2019-03-01", ref="third"),
    ]
    request = request_for("2023-06-05", "2022-12", *children)

    quote = compute_quote(request=request, amounts=amounts)

    assert [str(each.total) for each in quote.children] == ["0.00", "219.00", "219.00", "225.00"]


def test_months_without_an_amount_in_the_data_are_refused_as_input(amounts):
    request = request_for("2026-11-24", "2027-03", child("2015-01-10"))

    assert only_issue(request, amounts) == (
        "until",
        "no_amount",
        {"from": "2027-01", "to": "2027-03"},
    )


def test_an_application_reaching_back_before_the_data_names_its_receipt_date(amounts):
    request = request_for("2022-03-01", "2022-03", child("2015-01-10"))

    assert only_issue(request, amounts) == (
        "application_received_on",
        "no_amount",
        {"from": "2021-09", "to": "2021-12"},
    )


def test_refused_months_before_the_limit_need_no_amount(amounts):
    request = request_for("2022-08-01", "2022-01", child("2015-01-10"), requested_from="2021-11")

    quote = compute_quote(request=request, amounts=amounts)

    assert outcomes(quote) == month_span("2021-11", "2022-01", "before_backdating_limit")
