"""Reads on child benefit: the amounts (as the pure schedule) and the city's role."""

from __future__ import annotations

from django.db.models import QuerySet

from rathaus.childbenefit.benefitrules import AmountSchedule, schedule_from_rows
from rathaus.childbenefit.models import (
    BenefitAmount,
    BenefitRole,
    BenefitRoleSetting,
    DecisionLine,
)


def amount_rows() -> QuerySet[BenefitAmount]:
    """Every stored amount row, oldest months first."""
    return BenefitAmount.objects.order_by("valid_from", "child_ordinal", "pk")


def amount_schedule() -> AmountSchedule:
    """The amounts as the pure rules use them (``compute_quote(amounts=...)``); one query."""
    return schedule_from_rows([amount.row for amount in amount_rows()])


def benefit_role() -> BenefitRole:
    """``decide`` (the city is the Familienkasse) or ``handover``; ``decide`` until set."""
    stored = BenefitRoleSetting.objects.filter(pk=1).values_list("role", flat=True).first()
    return BenefitRole(stored) if stored else BenefitRole.DECIDE


def payments_in_force() -> QuerySet[DecisionLine]:
    """The payment file: one row per child and month that a decision in force pays.

    Granted lines in force are unique per child and month (database constraint), so no month is
    paid twice; a change notice's line carries the payment day of the grant it replaced."""
    return (
        DecisionLine.objects.filter(granted=True, in_force=True)
        .select_related("claim__case")
        .order_by("payable_on", "claim__case__reference", "child_tax_id", "month")
    )
