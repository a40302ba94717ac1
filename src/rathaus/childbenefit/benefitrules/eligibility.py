"""Whether one child counts in one month, and if not, why (§ 32 (4), § 63, § 66 EStG).

A month counts when the conditions hold on at least one of its days (§ 66 (2) EStG: from the month
in which they are met to the month in which one of them ends). Ages follow ``ages``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rathaus.childbenefit.benefitrules.ages import (
    ADULT_AGE,
    JOB_SEEKING_AGE_LIMIT,
    TRAINING_AGE_LIMIT,
    last_month_under,
)
from rathaus.childbenefit.benefitrules.inputs import Child, QualifyingKind, QualifyingPeriod
from rathaus.core.months import Month

MAX_TRANSITION_MONTHS = 4


class RefusalReason(StrEnum):
    """Why a month is not paid for a child.

    When several qualifying periods cover a month and none of them is enough, the reason reported
    is the first of them in this order (the one that even a better period could not mend).
    """

    NOT_YET_BORN = "not_yet_born"
    BEFORE_BACKDATING_LIMIT = "before_backdating_limit"
    NO_QUALIFYING_PERIOD = "no_qualifying_period"
    """18 or over, and no qualifying period covers the month."""
    DISABILITY_BEGAN_AFTER_25 = "disability_began_after_25"
    OVER_25 = "over_25"
    TRANSITION_TOO_LONG = "transition_too_long"
    OVER_21_JOB_SEEKING = "over_21_job_seeking"


_PERIOD_REASON_ORDER = list(RefusalReason)


@dataclass(frozen=True, slots=True)
class _Limits:
    birth: Month
    last_under_18: Month
    last_under_21: Month
    last_under_25: Month


def month_refusals(
    child: Child, months: list[Month], *, earliest: Month
) -> list[RefusalReason | None]:
    """For each month, ``None`` if the child counts in it, else the reason why not."""
    limits = _Limits(
        birth=Month.of(child.born_on),
        last_under_18=last_month_under(child.born_on, ADULT_AGE),
        last_under_21=last_month_under(child.born_on, JOB_SEEKING_AGE_LIMIT),
        last_under_25=last_month_under(child.born_on, TRAINING_AGE_LIMIT),
    )
    return [_refusal(child, month, earliest, limits) for month in months]


def _refusal(child: Child, month: Month, earliest: Month, limits: _Limits) -> RefusalReason | None:
    if month < limits.birth:
        return RefusalReason.NOT_YET_BORN
    if month < earliest:
        return RefusalReason.BEFORE_BACKDATING_LIMIT
    if month <= limits.last_under_18:
        return None
    reasons = [
        _period_refusal(period, month, limits)
        for period in child.qualifying_periods
        if period.covers(month)
    ]
    if not reasons:
        return RefusalReason.NO_QUALIFYING_PERIOD
    if None in reasons:
        return None
    return min(reasons, key=_PERIOD_REASON_ORDER.index)


def _period_refusal(
    period: QualifyingPeriod, month: Month, limits: _Limits
) -> RefusalReason | None:
    if period.kind is QualifyingKind.DISABLED:
        if period.from_month <= limits.last_under_25:
            return None
        return RefusalReason.DISABILITY_BEGAN_AFTER_25
    if period.kind is QualifyingKind.JOB_SEEKING:
        return None if month <= limits.last_under_21 else RefusalReason.OVER_21_JOB_SEEKING
    if month > limits.last_under_25:
        return RefusalReason.OVER_25
    if period.kind is QualifyingKind.TRANSITION:
        length = period.length_in_months
        if length is None or length > MAX_TRANSITION_MONTHS:
            return RefusalReason.TRANSITION_TOO_LONG
    return None
