"""Short ways to write children, requests and results in the child-benefit tests."""

from datetime import date

import pytest

from rathaus.childbenefit.benefitrules import (
    AmountSchedule,
    Child,
    InputError,
    Month,
    QualifyingKind,
    QualifyingPeriod,
    Quote,
    QuoteRequest,
    compute_quote,
)


def period(kind: str, from_month: str, to_month: str | None = None) -> QualifyingPeriod:
    return QualifyingPeriod(
        QualifyingKind(kind), Month.parse(from_month), Month.parse(to_month) if to_month else None
    )


def child(born_on: str, *periods: QualifyingPeriod, ref: str = "A") -> Child:
    return Child(ref, date.fromisoformat(born_on), periods)


def request_for(
    received_on: str, until: str, *children: Child, requested_from: str | None = None
) -> QuoteRequest:
    return QuoteRequest(
        application_received_on=date.fromisoformat(received_on),
        until=Month.parse(until),
        children=children,
        requested_from=Month.parse(requested_from) if requested_from else None,
    )


def outcomes(quote: Quote, ref: str = "A") -> dict[str, str]:
    """Month -> amount paid (``"259.00"``) or the refusal reason code, for one child."""
    (child_quote,) = (each for each in quote.children if each.ref == ref)
    return {
        str(result.month): str(result.amount) if result.amount is not None else str(result.reason)
        for result in child_quote.months
    }


def month_span(first: str, last: str, value: str) -> dict[str, str]:
    """``value`` for every month from ``first`` to ``last``, as ``outcomes`` writes them."""
    start, end = Month.parse(first), Month.parse(last)
    return {str(start.shifted(n)): value for n in range(end.index - start.index + 1)}


def only_issue(request: QuoteRequest, amounts: AmountSchedule) -> tuple[str, str, dict[str, str]]:
    """Path, code and params of the single problem ``compute_quote`` finds in ``request``."""
    with pytest.raises(InputError) as raised:
        compute_quote(request=request, amounts=amounts)
    (issue,) = raised.value.issues
    return issue.path, str(issue.code), issue.params
