from datetime import date

import pytest

from rathaus.childbenefit.benefitrules import (
    Month,
    last_month_under,
    month_completing_18th_year,
    year_of_life_completed_on,
)


@pytest.mark.parametrize(
    ("born_on", "years", "completed_on"),
    [
        (date(2008, 8, 2), 18, date(2026, 8, 1)),
        (date(2008, 8, 1), 18, date(2026, 7, 31)),
        (date(2005, 1, 1), 21, date(2025, 12, 31)),
        (date(2001, 3, 1), 25, date(2026, 2, 28)),
        (date(2004, 3, 1), 25, date(2029, 2, 28)),
        (date(2008, 2, 29), 18, date(2026, 2, 28)),
        (date(2008, 2, 29), 20, date(2028, 2, 28)),
    ],
)
def test_a_year_of_life_is_completed_on_the_day_before_the_birthday(born_on, years, completed_on):
    assert year_of_life_completed_on(born_on, years) == completed_on


def test_a_child_born_on_the_first_of_a_month_is_no_longer_under_age_in_its_birthday_month():
    assert last_month_under(date(2001, 8, 1), 25) == Month(2026, 7)
    assert last_month_under(date(2001, 8, 2), 25) == Month(2026, 8)


def test_the_18th_year_reminder_month_is_the_last_month_paid_without_evidence():
    assert month_completing_18th_year(date(2009, 1, 1)) == Month(2026, 12)
    assert month_completing_18th_year(date(2009, 1, 2)) == Month(2027, 1)
