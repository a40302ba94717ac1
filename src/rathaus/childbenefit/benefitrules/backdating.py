"""How far back an application reaches (§ 66 (3) EStG)."""

from __future__ import annotations

from datetime import date

from rathaus.core.months import Month

BACKDATING_MONTHS = 6


def earliest_month(received_on: date) -> Month:
    """The first month still paid: six months before the month the application arrived in."""
    return Month.of(received_on).shifted(-BACKDATING_MONTHS)


def first_listed_month(received_on: date, requested_from: Month | None) -> Month:
    """Where a computation starts: the earliest month, or earlier if the caller asks for it."""
    earliest = earliest_month(received_on)
    return earliest if requested_from is None else min(earliest, requested_from)
