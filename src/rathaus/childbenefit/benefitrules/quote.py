"""The months and amounts of child benefit for the children of one application."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from rathaus.childbenefit.benefitrules.amounts import AmountSchedule
from rathaus.childbenefit.benefitrules.backdating import earliest_month, first_listed_month
from rathaus.childbenefit.benefitrules.eligibility import RefusalReason, month_refusals
from rathaus.childbenefit.benefitrules.inputs import QuoteRequest
from rathaus.childbenefit.benefitrules.validation import InputError, check_request
from rathaus.core.months import Month, months_between


@dataclass(frozen=True, slots=True)
class MonthResult:
    """One month of one child: either the ``amount`` paid or the ``reason`` why nothing is."""

    month: Month
    amount: Decimal | None = None
    reason: RefusalReason | None = None

    @property
    def paid(self) -> bool:
        return self.amount is not None


@dataclass(frozen=True, slots=True)
class ChildQuote:
    ref: str
    months: tuple[MonthResult, ...]
    """Every month listed, paid or not, oldest first."""

    @property
    def paid_months(self) -> tuple[MonthResult, ...]:
        return tuple(result for result in self.months if result.paid)

    @property
    def total(self) -> Decimal:
        amounts = (result.amount for result in self.months if result.amount is not None)
        return sum(amounts, Decimal("0.00"))


@dataclass(frozen=True, slots=True)
class Quote:
    first_month: Month
    """The first month listed: the backdating limit, or an earlier month the caller asked for."""
    earliest_month: Month
    """The first month the application can still be paid for (§ 66 (3) EStG)."""
    until: Month
    children: tuple[ChildQuote, ...]

    @property
    def total(self) -> Decimal:
        return sum((child.total for child in self.children), Decimal("0.00"))


def compute_quote(*, request: QuoteRequest, amounts: AmountSchedule) -> Quote:
    """Every month from the first listed to ``request.until`` for every child, in input order.

    Raises ``InputError`` listing every problem of the request, including months that need an
    amount the schedule does not have. A child's amount depends on its place among the children
    of this request who are paid in the same month, eldest first (the 1st, 2nd, 3rd child).
    """
    issues = check_request(request, amounts)
    if issues:
        raise InputError(issues)
    earliest = earliest_month(request.application_received_on)
    first = first_listed_month(request.application_received_on, request.requested_from)
    months = list(months_between(first, request.until))
    refusals = [month_refusals(child, months, earliest=earliest) for child in request.children]
    by_age = sorted(range(len(request.children)), key=lambda index: request.children[index].born_on)
    results: list[list[MonthResult]] = [[] for _ in request.children]
    for position, month in enumerate(months):
        ordinal = 0
        for index in by_age:
            reason = refusals[index][position]
            if reason is None:
                ordinal += 1
                amount = amounts.amount_for(month, ordinal)
                results[index].append(MonthResult(month, amount=amount))
            else:
                results[index].append(MonthResult(month, reason=reason))
    return Quote(
        first_month=first,
        earliest_month=earliest,
        until=request.until,
        children=tuple(
            ChildQuote(child.ref, tuple(rows))
            for child, rows in zip(request.children, results, strict=True)
        ),
    )
