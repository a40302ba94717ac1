"""When a child completes a year of life, counted as §§ 187 (2), 188 (2) BGB require.

The day of birth counts as the first day of life, so the n-th year of life is completed at the end
of the day before the n-th birthday: a child born on 2 August 2008 completes its 18th year on
1 August 2026, one born on 1 August 2008 already on 31 July 2026. A child born on 29 February has
no birthday in common years; its year then ends with the last day of February (§ 188 (3) BGB),
the 28th, which is also the day before its birthday in leap years.
"""

from __future__ import annotations

from datetime import date, timedelta

from rathaus.core.months import Month

ADULT_AGE = 18
JOB_SEEKING_AGE_LIMIT = 21
TRAINING_AGE_LIMIT = 25


def year_of_life_completed_on(born_on: date, years: int) -> date:
    """The last day of the child's ``years``-th year of life."""
    birthday_year = born_on.year + years
    if born_on.month == 2 and born_on.day == 29:
        return date(birthday_year, 2, 28)
    return born_on.replace(year=birthday_year) - timedelta(days=1)


def last_month_under(born_on: date, years: int) -> Month:
    """The last month with at least one day on which the child is younger than ``years``."""
    return Month.of(year_of_life_completed_on(born_on, years))


def month_completing_18th_year(born_on: date) -> Month:
    """The last month paid without a qualifying period: remind the family before it ends."""
    return last_month_under(born_on, ADULT_AGE)
