"""Every write on child benefit settings: the amounts and the city's role, each audited."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from rathaus.childbenefit.benefitrules import (
    AmountRow,
    Month,
    RowIssue,
    RowIssueCode,
    first_child_gaps,
    load_default_amounts,
    missing_default_rows,
    row_issues,
    rows_from_schedule,
)
from rathaus.childbenefit.models import BenefitAmount, BenefitRole, BenefitRoleSetting
from rathaus.core.audit import audit_record


class AmountRowInvalid(ValueError):
    """The change would make the amounts inconsistent; ``issues`` says where and why."""

    def __init__(self, issues: list[RowIssue]) -> None:
        self.issues = issues
        super().__init__("; ".join(f"{issue.field}: {issue.code}" for issue in issues))


def _other_rows(*, exclude: BenefitAmount | None = None) -> list[AmountRow]:
    """The stored rows except ``exclude``, locked until the transaction ends."""
    rows = BenefitAmount.objects.select_for_update().order_by("pk")
    if exclude is not None:
        rows = rows.exclude(pk=exclude.pk)
    return [stored.row for stored in rows]


def _checked(row: AmountRow, *, exclude: BenefitAmount | None = None) -> AmountRow:
    issues = row_issues(row, others=_other_rows(exclude=exclude))
    if issues:
        raise AmountRowInvalid(issues)
    return row


def _fill(stored: BenefitAmount, row: AmountRow) -> BenefitAmount:
    stored.valid_from = row.valid_from.first_day
    stored.valid_until = row.valid_until.first_day
    stored.child_ordinal = row.ordinal
    stored.amount = row.amount
    return stored


@transaction.atomic
def amount_create(
    *, actor, valid_from: Month, valid_until: Month, amount: Decimal, child_ordinal: int | None
) -> BenefitAmount:
    row = _checked(AmountRow(valid_from, valid_until, amount, child_ordinal))
    created = _fill(BenefitAmount(), row)
    created.save()
    audit_record(
        actor=actor, action="childbenefit_amount.create", target=created, after=created.snapshot()
    )
    return created


@transaction.atomic
def amount_update(
    *,
    actor,
    stored: BenefitAmount,
    valid_from: Month,
    valid_until: Month,
    amount: Decimal,
    child_ordinal: int | None,
) -> BenefitAmount:
    row = _checked(AmountRow(valid_from, valid_until, amount, child_ordinal), exclude=stored)
    before = BenefitAmount.objects.get(pk=stored.pk).snapshot()
    _fill(stored, row).save()
    after = stored.snapshot()
    if before != after:
        audit_record(
            actor=actor,
            action="childbenefit_amount.update",
            target=stored,
            before=before,
            after=after,
        )
    return stored


@transaction.atomic
def amount_delete(*, actor, stored: BenefitAmount) -> None:
    """Remove a row; refused if months would keep amounts for further children only."""
    gaps = first_child_gaps(_other_rows(exclude=stored))
    if gaps:
        raise AmountRowInvalid(
            [
                RowIssue("ordinal", RowIssueCode.NO_FIRST_CHILD, {"from": str(a), "to": str(b)})
                for a, b in gaps
            ]
        )
    audit_record(
        actor=actor, action="childbenefit_amount.delete", target=stored, before=stored.snapshot()
    )
    stored.delete()


@transaction.atomic
def amount_defaults_seed(*, actor=None) -> list[BenefitAmount]:
    """Add the periods of ``amount_defaults/kindergeld.toml`` whose months have no row yet.

    Idempotent; rows someone entered or changed are never touched.
    """
    defaults = rows_from_schedule(load_default_amounts())
    created = []
    for row in missing_default_rows(existing=_other_rows(), defaults=defaults):
        stored = _fill(BenefitAmount(), row)
        stored.save()
        audit_record(
            actor=actor, action="childbenefit_amount.seed", target=stored, after=stored.snapshot()
        )
        created.append(stored)
    return created


@transaction.atomic
def role_set(*, actor, role: BenefitRole) -> BenefitRoleSetting:
    """Choose whether the city decides child benefit or hands applications over."""
    setting, _ = BenefitRoleSetting.objects.select_for_update().get_or_create(pk=1)
    before = setting.role
    setting.role = BenefitRole(role)
    setting.save(update_fields=["role"])
    if before != setting.role:
        audit_record(
            actor=actor,
            action="childbenefit_role.set",
            target=setting,
            before={"role": before},
            after={"role": setting.role.value},
        )
    return setting
