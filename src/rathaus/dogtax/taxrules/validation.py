"""Impossible or unsupported household inputs, each reported with a field path and a code."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date

from rathaus.core.months import add_months, first_day, month_of_year

from .errors import Code, Problem
from .household import Dog, Exemption, Keeper
from .liability import exempt_months, liability_of
from .statute import ExemptionLevel, Statute


def household_problems(
    *, statute: Statute, year: int, keeper: Keeper, dogs: Sequence[Dog], whole_year: bool
) -> tuple[Problem, ...]:
    problems = [*_year_problems(statute, year, whole_year), *_keeper_problems(statute, keeper)]
    refs = Counter(dog.ref for dog in dogs)
    for i, dog in enumerate(dogs):
        path = f"dogs[{i}]"
        if refs[dog.ref] > 1:
            problems.append(Problem(field=f"{path}.ref", code=Code.DUPLICATE_REF))
        problems.extend(_date_problems(dog, path))
        if dog.exemption is not None:
            problems.extend(_exemption_problems(statute, dog.exemption, ExemptionLevel.DOG, path))
    problems.extend(_limit_problems(statute, keeper, dogs))
    return tuple(problems)


def _year_problems(statute: Statute, year: int, whole_year: bool) -> Iterator[Problem]:
    if any(
        statute.rate_period_on(first_day(month_of_year(year, month))) is None
        for month in range(1, 13)
    ):
        yield Problem(field="year", code=Code.YEAR_NOT_COVERED)
    if whole_year and statute.whole_year_due is None:
        yield Problem(field="whole_year", code=Code.WHOLE_YEAR_NOT_OFFERED)


def _keeper_problems(statute: Statute, keeper: Keeper) -> Iterator[Problem]:
    if keeper.exemption is not None:
        yield from _exemption_problems(statute, keeper.exemption, ExemptionLevel.KEEPER, "keeper")


def _date_problems(dog: Dog, path: str) -> Iterator[Problem]:
    if dog.given_up_on is not None and dog.given_up_on < dog.kept_since:
        yield Problem(field=f"{path}.given_up_on", code=Code.GIVEN_UP_BEFORE_KEPT)
    if dog.born_on is not None and dog.born_on > dog.kept_since:
        yield Problem(field=f"{path}.born_on", code=Code.BORN_AFTER_KEPT)
    if dog.deregistered_on is not None and dog.given_up_on is None:
        yield Problem(field=f"{path}.deregistered_on", code=Code.DEREGISTERED_WITHOUT_GIVING_UP)


def _exemption_problems(
    statute: Statute, exemption: Exemption, level: ExemptionLevel, path: str
) -> Iterator[Problem]:
    if statute.exemption_kind(exemption.kind, level) is None:
        yield Problem(field=f"{path}.exemption.kind", code=Code.UNKNOWN_EXEMPTION)
    if (
        exemption.granted_from is not None
        and exemption.granted_until is not None
        and exemption.granted_until < exemption.granted_from
    ):
        yield Problem(field=f"{path}.exemption.granted_until", code=Code.ENDS_BEFORE_START)


def _limit_problems(statute: Statute, keeper: Keeper, dogs: Sequence[Dog]) -> Iterator[Problem]:
    """A limited exemption (shelter: once in 10 years) granted again too early: the later
    grant is the problem. A grant starts with its first exempt month; one that never takes
    effect (the dog is given up before) does not count."""
    for kind in statute.exemption_kinds:
        if kind.level != ExemptionLevel.DOG or kind.once_in_years is None:
            continue
        grants: list[tuple[date, int]] = [
            (grant.started_on, -1) for grant in keeper.earlier_grants if grant.kind == kind.code
        ]
        for i, dog in enumerate(dogs):
            if dog.exemption is None or dog.exemption.kind != kind.code:
                continue
            liability = liability_of(dog, late_deregistration=statute.late_deregistration)
            months = exempt_months(dog.exemption, kind, liability)
            start = months.start(liability)
            if liability.covers(start) and months.covers(start):
                grants.append((first_day(start), i))
        last_granted: date | None = None
        for start, i in sorted(grants):
            years = 12 * kind.once_in_years
            if i >= 0 and last_granted is not None and start < add_months(last_granted, years):
                yield Problem(field=f"dogs[{i}].exemption", code=Code.EXEMPTION_LIMIT_EXCEEDED)
            else:
                last_granted = start
