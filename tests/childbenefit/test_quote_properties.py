"""compute_quote against a naive oracle that walks every day of every month."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from rathaus.childbenefit.benefitrules import (
    Child,
    Month,
    QualifyingKind,
    QualifyingPeriod,
    QuoteRequest,
    RefusalReason,
    compute_quote,
    load_default_amounts,
    month_completing_18th_year,
    quote_payload,
)

AMOUNTS = load_default_amounts()
EUROS_BY_YEAR = {
    2022: (219, 219, 225, 250),
    2023: (250,),
    2024: (250,),
    2025: (255,),
    2026: (259,),
}
LAST_YEAR_WITH_AMOUNTS = 2026


def age_on(born_on: date, day: date) -> int:
    return day.year - born_on.year - ((day.month, day.day) < (born_on.month, born_on.day))


def days_of(year: int, month: int):
    day = date(year, month, 1)
    while day.month == month:
        yield day
        day += timedelta(days=1)


def as_pair(month: Month) -> tuple[int, int]:
    return (month.year, month.month)


def period_counts(period: QualifyingPeriod, born_on: date, day: date) -> bool:
    age = age_on(born_on, day)
    if period.kind is QualifyingKind.DISABLED:
        return age_on(born_on, date(period.from_month.year, period.from_month.month, 1)) < 25
    if period.kind is QualifyingKind.JOB_SEEKING:
        return age < 21
    if period.kind is QualifyingKind.TRANSITION:
        start, end = as_pair(period.from_month), as_pair(period.to_month)
        length = (end[0] - start[0]) * 12 + end[1] - start[1] + 1
        return age < 25 and length <= 4
    return age < 25


def counts_on(child: Child, day: date) -> bool:
    if day < child.born_on:
        return False
    if age_on(child.born_on, day) < 18:
        return True
    here = (day.year, day.month)
    return any(
        period_counts(period, child.born_on, day)
        for period in child.qualifying_periods
        if as_pair(period.from_month) <= here
        and (period.to_month is None or here <= as_pair(period.to_month))
    )


def oracle(request: QuoteRequest) -> dict[str, dict[tuple[int, int], Decimal | None]]:
    received = request.application_received_on
    earliest_index = received.year * 12 + received.month - 1 - 6
    first_index = earliest_index
    if request.requested_from is not None:
        first_index = min(
            first_index, request.requested_from.year * 12 + request.requested_from.month - 1
        )
    until_index = request.until.year * 12 + request.until.month - 1
    expected: dict[str, dict[tuple[int, int], Decimal | None]] = {
        c.ref: {} for c in request.children
    }
    for index in range(first_index, until_index + 1):
        year, month = divmod(index, 12)
        month += 1
        paying = [
            (child.born_on, position, child.ref)
            for position, child in enumerate(request.children)
            if index >= earliest_index
            and any(counts_on(child, day) for day in days_of(year, month))
        ]
        paid = {}
        for ordinal, (_, _, ref) in enumerate(sorted(paying), start=1):
            euros = EUROS_BY_YEAR[year]
            paid[ref] = Decimal(euros[min(ordinal, len(euros)) - 1])
        for child in request.children:
            expected[child.ref][(year, month)] = paid.get(child.ref)
    return expected


@st.composite
def birth_dates(draw, received_on: date) -> date:
    """Any child, or one whose 18th, 21st or 25th birthday is near, or one between 18 and 25."""
    anchor = draw(st.sampled_from([None, 18, 21, 25, 22]))
    spread = 4 if anchor == 22 else 1
    if anchor is None:
        born_on = draw(st.dates(received_on - timedelta(days=365 * 40), received_on))
    else:
        born_on = draw(
            st.dates(
                received_on.replace(year=received_on.year - anchor - spread, day=1),
                received_on.replace(year=received_on.year - anchor + spread, day=1),
            )
        )
    if draw(st.booleans()):
        born_on = born_on.replace(day=1)
    return min(born_on, received_on)


BIRTHDAYS_THAT_MATTER = {
    QualifyingKind.DISABLED: (25,),
    QualifyingKind.JOB_SEEKING: (18, 21),
}


@st.composite
def qualifying_periods(draw, window_start: Month, born_on: date) -> QualifyingPeriod:
    """Periods that start in the window or right at a birthday where their kind's rule changes."""
    kind = draw(st.sampled_from(list(QualifyingKind)))
    birthdays = BIRTHDAYS_THAT_MATTER.get(kind, (18, 25))
    anchor = draw(
        st.sampled_from(
            [window_start, *(Month.of(born_on).shifted(12 * years) for years in birthdays)]
        )
    )
    from_month = anchor.shifted(draw(st.just(0) | st.integers(-1, 1) | st.integers(-8, 8)))
    if kind is QualifyingKind.TRANSITION:
        length = draw(st.integers(3, 6) | st.integers(1, 8))
    else:
        length = draw(st.none() | st.integers(1, 12))
    to_month = None if length is None else from_month.shifted(length - 1)
    return QualifyingPeriod(kind, from_month, to_month)


@st.composite
def requests(draw, max_children: int = 5, max_periods: int = 3) -> QuoteRequest:
    received_on = draw(
        st.dates(date(2022, 7, 1), date(2023, 6, 30))
        | st.dates(date(2022, 7, 1), date(LAST_YEAR_WITH_AMOUNTS, 12, 31))
    )
    earliest = Month.of(received_on).shifted(-6)
    last_month = Month(LAST_YEAR_WITH_AMOUNTS, 12)
    until = earliest.shifted(draw(st.integers(0, min(30, last_month.index - earliest.index))))
    requested_from = draw(st.none() | st.integers(0, 8).map(lambda back: earliest.shifted(-back)))
    children = []
    for number in range(draw(st.integers(1, max_children))):
        born_on = draw(birth_dates(received_on))
        periods = draw(st.lists(qualifying_periods(earliest, born_on), max_size=max_periods))
        children.append(Child(f"child {number}", born_on, tuple(periods)))
    return QuoteRequest(received_on, until, tuple(children), requested_from)


def paid_by_month(quote) -> dict[str, dict[tuple[int, int], Decimal | None]]:
    return {
        child.ref: {as_pair(result.month): result.amount for result in child.months}
        for child in quote.children
    }


@settings(max_examples=400, deadline=None)
@given(requests())
def test_months_and_amounts_agree_with_a_day_by_day_oracle(request):
    quote = compute_quote(request=request, amounts=AMOUNTS)

    assert paid_by_month(quote) == oracle(request)


@settings(max_examples=200, deadline=None)
@given(requests(max_children=1, max_periods=1))
def test_each_single_qualifying_period_agrees_with_the_oracle(request):
    quote = compute_quote(request=request, amounts=AMOUNTS)

    assert paid_by_month(quote) == oracle(request)


@settings(max_examples=100, deadline=None)
@given(requests())
def test_every_month_is_either_paid_or_refused_with_a_fitting_reason(request):
    quote = compute_quote(request=request, amounts=AMOUNTS)

    earliest = Month.of(request.application_received_on).shifted(-6)
    for child, child_quote in zip(request.children, quote.children, strict=True):
        birth = Month.of(child.born_on)
        last_minor_month = month_completing_18th_year(child.born_on)
        assert [result.month for result in child_quote.months] == [
            quote.first_month.shifted(n)
            for n in range(request.until.index - quote.first_month.index + 1)
        ]
        for result in child_quote.months:
            assert (result.amount is None) != (result.reason is None)
            assert (result.reason is RefusalReason.NOT_YET_BORN) == (result.month < birth)
            assert (result.reason is RefusalReason.BEFORE_BACKDATING_LIMIT) == (
                birth <= result.month < earliest
            )
            reachable_minor = max(birth, earliest) <= result.month <= last_minor_month
            assert result.paid or not reachable_minor


@settings(max_examples=100, deadline=None)
@given(requests())
def test_the_response_total_is_the_sum_of_the_listed_months(request):
    payload = quote_payload(compute_quote(request=request, amounts=AMOUNTS))

    listed = [
        Decimal(month["amount"]) for child in payload["children"] for month in child["months"]
    ]
    assert Decimal(payload["total"]) == sum(listed, Decimal("0"))


@settings(max_examples=100, deadline=None)
@given(requests(), st.data())
def test_another_qualifying_period_never_takes_a_paid_month_away(request, data):
    position = data.draw(st.integers(0, len(request.children) - 1))
    target = request.children[position]
    window_start = Month.of(request.application_received_on).shifted(-6)
    extra = data.draw(qualifying_periods(window_start, target.born_on))
    widened = replace(target, qualifying_periods=(*target.qualifying_periods, extra))
    children = (*request.children[:position], widened, *request.children[position + 1 :])

    before = paid_months_of(request, position)
    after = paid_months_of(replace(request, children=children), position)

    assert before <= after


def paid_months_of(request: QuoteRequest, position: int) -> set[Month]:
    quote = compute_quote(request=request, amounts=AMOUNTS)
    return {result.month for result in quote.children[position].paid_months}
