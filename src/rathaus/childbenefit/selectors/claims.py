"""Reads on claims: which months a child is already paid for, whose reminders are due."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from rathaus.childbenefit.benefitrules import Month, month_completing_18th_year
from rathaus.childbenefit.models import AgeReminder, DecisionLine

REMINDER_MONTHS_AHEAD = 2


def reminders_due(today: date) -> list[DecisionLine]:
    """One granted line in force per child whose payment without evidence ends soon."""
    this_month = Month.of(today)
    horizon = this_month.shifted(REMINDER_MONTHS_AHEAD)
    reminded = set(AgeReminder.objects.values_list("child_tax_id", flat=True))
    due: dict[str, DecisionLine] = {}
    lines = (
        DecisionLine.objects.filter(granted=True, in_force=True, month__gte=str(this_month))
        .select_related("child", "claim__case")
        .order_by("-claim__decided_at")
    )
    for line in lines:
        if line.child_tax_id in reminded or line.child_tax_id in due:
            continue
        last = month_completing_18th_year(line.child.born_on)
        if this_month <= last <= horizon:
            due[line.child_tax_id] = line
    return list(due.values())


def taken_months(
    tax_id: str, *, today: date, exclude_claim=None, lock: bool = False
) -> dict[str, DecisionLine]:
    """Per month the decision line that pays this child: granted and in force, or granted and
    already paid (payment day reached) even if a later decision replaced it. In force wins."""
    lines = (
        DecisionLine.objects.filter(child_tax_id=tax_id, granted=True)
        .filter(Q(in_force=True) | Q(payable_on__lte=today))
        .select_related("claim__case")
        .order_by("in_force", "pk")
    )
    if exclude_claim is not None:
        lines = lines.exclude(claim=exclude_claim)
    if lock:
        lines = lines.select_for_update(of=("self",))
    return {line.month: line for line in lines}
