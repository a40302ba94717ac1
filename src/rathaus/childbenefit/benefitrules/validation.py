"""Problems with the input of a computation, each with a field path and a stable code.

The paths use the names of the public quote API (``children[0].qualifying_periods[1].to``); the
codes are what a translation layer turns into German or English messages, with ``params`` as the
named placeholders.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from rathaus.childbenefit.benefitrules.amounts import AmountSchedule
from rathaus.childbenefit.benefitrules.backdating import earliest_month, first_listed_month
from rathaus.childbenefit.benefitrules.inputs import QualifyingKind, QuoteRequest
from rathaus.core.months import Month


class IssueCode(StrEnum):
    REQUIRED = "required"
    INVALID_TYPE = "invalid_type"
    INVALID_DATE = "invalid_date"
    INVALID_MONTH = "invalid_month"
    UNKNOWN_KIND = "unknown_kind"
    DUPLICATE_REF = "duplicate_ref"
    BORN_AFTER_RECEIPT = "born_after_receipt"
    PERIOD_ENDS_BEFORE_START = "period_ends_before_start"
    TRANSITION_WITHOUT_END = "transition_without_end"
    UNTIL_BEFORE_FIRST_MONTH = "until_before_first_month"
    NO_AMOUNT = "no_amount"
    OUT_OF_RANGE = "out_of_range"
    QUOTE_TOO_LONG = "quote_too_long"


EARLIEST_DAY = date(1900, 1, 1)
"""The earliest day a quote reads: older dates lie outside anything the rules cover."""
LATEST_DAY = date(2099, 12, 31)
"""The latest day a quote reads (the amounts are set by law for a few years ahead at most)."""
MAX_QUOTE_MONTHS = 12 * 30
"""The longest quote: a child is paid for at most 25 years, plus the six months reached back."""


@dataclass(frozen=True)
class Issue:
    path: str
    code: IssueCode
    params: dict[str, str] = field(default_factory=dict)


class InputError(ValueError):
    """The input cannot be computed; ``issues`` lists every problem found."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = tuple(issues)
        super().__init__("; ".join(f"{issue.path}: {issue.code}" for issue in self.issues))


def period_issues(
    path: str, kind: QualifyingKind | None, from_month: Month | None, to_month: Month | None
) -> list[Issue]:
    """Problems of one qualifying period; ``None`` stands for a value that could not be read."""
    if from_month is not None and to_month is not None and to_month < from_month:
        return [Issue(f"{path}.to", IssueCode.PERIOD_ENDS_BEFORE_START)]
    if kind is QualifyingKind.TRANSITION and to_month is None:
        return [Issue(f"{path}.to", IssueCode.TRANSITION_WITHOUT_END)]
    return []


def day_range_issues(path: str, day: date) -> list[Issue]:
    """A day outside ``EARLIEST_DAY`` to ``LATEST_DAY``, which no rule covers."""
    if EARLIEST_DAY <= day <= LATEST_DAY:
        return []
    params = {"from": EARLIEST_DAY.isoformat(), "to": LATEST_DAY.isoformat()}
    return [Issue(path, IssueCode.OUT_OF_RANGE, params)]


def month_range_issues(path: str, month: Month) -> list[Issue]:
    if Month.of(EARLIEST_DAY) <= month <= Month.of(LATEST_DAY):
        return []
    params = {"from": EARLIEST_DAY.isoformat(), "to": LATEST_DAY.isoformat()}
    return [Issue(path, IssueCode.OUT_OF_RANGE, params)]


def born_on_issues(path: str, born_on: date, received_on: date | None) -> list[Issue]:
    if received_on is not None and born_on > received_on:
        return [Issue(f"{path}.born_on", IssueCode.BORN_AFTER_RECEIPT)]
    return []


def duplicate_ref_issues(refs: Sequence[str | None]) -> list[Issue]:
    seen: set[str] = set()
    issues = []
    for index, ref in enumerate(refs):
        if ref is None:
            continue
        if ref in seen:
            issues.append(Issue(f"children[{index}].ref", IssueCode.DUPLICATE_REF))
        seen.add(ref)
    return issues


def range_issues(
    *, received_on: date, requested_from: Month | None, until: Month, amounts: AmountSchedule
) -> list[Issue]:
    """``until`` must not precede the first month listed; every payable month needs an amount."""
    first = first_listed_month(received_on, requested_from)
    if until < first:
        return [Issue("until", IssueCode.UNTIL_BEFORE_FIRST_MONTH, {"month": str(first)})]
    earliest = earliest_month(received_on)
    if until.index - earliest.index >= MAX_QUOTE_MONTHS:
        return [Issue("until", IssueCode.QUOTE_TOO_LONG, {"months": str(MAX_QUOTE_MONTHS)})]
    return [
        Issue(
            "application_received_on" if gap_from == earliest else "until",
            IssueCode.NO_AMOUNT,
            {"from": str(gap_from), "to": str(gap_to)},
        )
        for gap_from, gap_to in amounts.gaps(earliest, until)
    ]


def check_request(request: QuoteRequest, amounts: AmountSchedule) -> list[Issue]:
    """Every problem of an already typed request (the wire format adds its reading problems)."""
    issues: list[Issue] = []
    for index, child in enumerate(request.children):
        path = f"children[{index}]"
        issues += born_on_issues(path, child.born_on, request.application_received_on)
        for number, period in enumerate(child.qualifying_periods):
            issues += period_issues(
                f"{path}.qualifying_periods[{number}]",
                period.kind,
                period.from_month,
                period.to_month,
            )
    issues += duplicate_ref_issues([child.ref for child in request.children])
    issues += range_issues(
        received_on=request.application_received_on,
        requested_from=request.requested_from,
        until=request.until,
        amounts=amounts,
    )
    return issues
