"""The month helper both rule cores use: indexes, Month values, the ends of the calendar."""

from datetime import date

import pytest

from rathaus.core.months import (
    Month,
    add_months,
    first_day,
    first_month_on_or_after,
    joined_runs,
    last_day,
    month_index,
    month_of_year,
    months_between,
)


def test_an_index_counts_months_since_january_of_year_0_and_goes_both_ways():
    assert month_index(date(2026, 5, 17)) == 2026 * 12 + 4
    assert month_of_year(2026, 5) == month_index(date(2026, 5, 1)) == Month(2026, 5).index
    assert Month.from_index(month_of_year(2026, 5)) == Month(2026, 5)
    assert month_index(date(2027, 1, 1)) - month_index(date(2026, 12, 31)) == 1


def test_the_first_and_the_last_month_of_the_calendar():
    first, last = Month(1, 1), Month(9999, 12)

    assert first_day(first.index) == date(1, 1, 1) == first.first_day
    assert last_day(first.index) == date(1, 1, 31)
    assert first_day(last.index) == date(9999, 12, 1)
    assert last_day(last.index) == date(9999, 12, 31) == last.last_day
    assert str(first) == "0001-01" and str(last) == "9999-12"
    assert Month.parse("0001-01") == first and Month.parse("9999-12") == last
    assert add_months(date(9999, 11, 30), 1) == date(9999, 12, 30)
    assert add_months(date(1, 2, 28), -1) == date(1, 1, 28)


@pytest.mark.parametrize(
    "step", [lambda: Month(9999, 12).shifted(1), lambda: Month(1, 1).shifted(-1)]
)
def test_beyond_the_calendar_is_an_error_not_a_wrong_month(step):
    with pytest.raises(ValueError, match="month"):
        step()


def test_beyond_the_calendar_a_day_is_an_error_too():
    with pytest.raises(ValueError):
        add_months(date(9999, 12, 31), 1)
    with pytest.raises(ValueError):
        first_day(Month(9999, 12).index + 1)


@pytest.mark.parametrize(
    ("year", "last"),
    [(2024, 29), (2023, 28), (2000, 29), (1900, 28), (4, 29), (9996, 29)],
)
def test_february_has_29_days_in_leap_years_only(year, last):
    assert last_day(month_of_year(year, 2)) == date(year, 2, last)
    assert Month(year, 2).last_day == date(year, 2, last)


def test_adding_months_clamps_to_the_end_of_a_shorter_month():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2024, 3, 31), -1) == date(2024, 2, 29)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)
    assert add_months(date(2026, 5, 31), 0) == date(2026, 5, 31)


def test_the_first_month_on_or_after_a_day_starts_on_that_day_or_later():
    assert first_month_on_or_after(date(2026, 5, 1)) == month_of_year(2026, 5)
    assert first_month_on_or_after(date(2026, 5, 2)) == month_of_year(2026, 6)
    assert first_month_on_or_after(date(2026, 12, 31)) == month_of_year(2027, 1)


def test_months_between_and_joined_runs():
    assert list(months_between(Month(2025, 12), Month(2026, 1))) == [
        Month(2025, 12),
        Month(2026, 1),
    ]
    assert list(months_between(Month(2026, 2), Month(2026, 1))) == []
    spans = [
        (Month(2026, 1), Month(2026, 3)),
        (Month(2026, 4), Month(2026, 4)),
        (Month(2026, 6), Month(2026, 7)),
    ]
    assert joined_runs(spans) == [
        (Month(2026, 1), Month(2026, 4)),
        (Month(2026, 6), Month(2026, 7)),
    ]
