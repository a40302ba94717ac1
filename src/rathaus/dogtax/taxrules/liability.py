"""Which months a dog is liable to the tax and which of them are exempt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from rathaus.core.months import first_month_on_or_after, last_day, month_index

from .household import Dog, Exemption, Keeper
from .statute import ExemptionKind, ExemptionLevel, LateDeregistration, Statute

PUPPY_MONTHS = 3
"""Liability starts at the earliest on the first day of the third month after the birth month."""


@dataclass(frozen=True, kw_only=True)
class Liability:
    """Liable months as month indices, ``first`` to ``last`` inclusive (``last`` None: open)."""

    first: int
    last: int | None

    def covers(self, month: int) -> bool:
        return self.first <= month and (self.last is None or month <= self.last)


def liability_of(dog: Dog, *, late_deregistration: LateDeregistration) -> Liability:
    first = month_index(dog.kept_since) + 1
    if dog.born_on is not None:
        first = max(first, month_index(dog.born_on) + PUPPY_MONTHS)
    if dog.given_up_on is None:
        return Liability(first=first, last=None)
    last = month_index(dog.given_up_on)
    rule = late_deregistration
    if (
        rule.enabled
        and dog.deregistered_on is not None
        and dog.deregistered_on > last_day(last) + timedelta(days=rule.grace_days)
    ):
        last += rule.extra_months
    return Liability(first=first, last=last)


@dataclass(frozen=True, kw_only=True)
class ExemptMonths:
    """Months in which the exemption is in force (bounds inclusive, None: open)."""

    first: int | None
    last: int | None

    def covers(self, month: int) -> bool:
        return (self.first is None or self.first <= month) and (
            self.last is None or month <= self.last
        )

    def start(self, liability: Liability) -> int:
        """The first month of liability in which the exemption applies."""
        return liability.first if self.first is None else max(self.first, liability.first)


def exempt_months(exemption: Exemption, kind: ExemptionKind, liability: Liability) -> ExemptMonths:
    first = (
        None if exemption.granted_from is None else first_month_on_or_after(exemption.granted_from)
    )
    last = None if exemption.granted_until is None else month_index(exemption.granted_until)
    if kind.duration_months is not None:
        limit = liability.first + kind.duration_months - 1
        last = limit if last is None else min(last, limit)
    return ExemptMonths(first=first, last=last)


def exemptions_of(
    dog: Dog, *, keeper: Keeper, statute: Statute, liability: Liability
) -> tuple[ExemptMonths, ...]:
    """The exemptions that apply to the dog; the caller has validated the kinds."""
    granted: list[ExemptMonths] = []
    for exemption, level in (
        (keeper.exemption, ExemptionLevel.KEEPER),
        (dog.exemption, ExemptionLevel.DOG),
    ):
        if exemption is None:
            continue
        kind = statute.exemption_kind(exemption.kind, level)
        if kind is not None:
            granted.append(exempt_months(exemption, kind, liability))
    return tuple(granted)
