from decimal import Decimal

import pytest

from rathaus.childbenefit.benefitrules import Month
from rathaus.childbenefit.models import BenefitAmount, BenefitRole
from rathaus.childbenefit.selectors import amount_schedule
from rathaus.childbenefit.services import (
    AmountRowInvalid,
    amount_create,
    amount_defaults_seed,
    amount_delete,
    amount_update,
    role_set,
)
from rathaus.core.models import AuditEntry

pytestmark = pytest.mark.django_db


def add_2027(actor, amount="265.00", ordinal=None):
    return amount_create(
        actor=actor,
        valid_from=Month(2027, 1),
        valid_until=Month(2027, 12),
        amount=Decimal(amount),
        child_ordinal=ordinal,
    )


def test_a_new_amount_is_used_by_the_schedule_and_audited(family_clerk):
    stored = add_2027(family_clerk)

    assert amount_schedule().amount_for(Month(2027, 3), 1) == Decimal("265.00")
    entry = AuditEntry.objects.get(action="childbenefit_amount.create")
    assert entry.actor == family_clerk
    assert entry.target_id == str(stored.pk)
    assert entry.after == {
        "valid_from": "2027-01",
        "valid_until": "2027-12",
        "child_ordinal": None,
        "amount": "265.00",
    }


def test_an_amount_overlapping_another_for_the_same_children_is_refused(family_clerk):
    with pytest.raises(AmountRowInvalid) as refused:
        amount_create(
            actor=family_clerk,
            valid_from=Month(2026, 7),
            valid_until=Month(2027, 6),
            amount=Decimal("265.00"),
            child_ordinal=None,
        )

    assert [(issue.field, str(issue.code)) for issue in refused.value.issues] == [
        ("valid_from", "overlap")
    ]
    assert not AuditEntry.objects.filter(action__startswith="childbenefit_amount").exists()


def test_changing_an_amount_keeps_a_before_and_after(family_clerk):
    stored = BenefitAmount.objects.get(valid_from="2026-01-01")

    amount_update(
        actor=family_clerk,
        stored=stored,
        valid_from=Month(2026, 1),
        valid_until=Month(2026, 12),
        amount=Decimal("260.00"),
        child_ordinal=None,
    )

    assert amount_schedule().amount_for(Month(2026, 5), 1) == Decimal("260.00")
    entry = AuditEntry.objects.get(action="childbenefit_amount.update")
    assert (entry.before["amount"], entry.after["amount"]) == ("259.00", "260.00")


def test_a_row_does_not_collide_with_itself_when_changed(family_clerk):
    stored = BenefitAmount.objects.get(valid_from="2026-01-01")

    amount_update(
        actor=family_clerk,
        stored=stored,
        valid_from=Month(2026, 1),
        valid_until=Month(2026, 12),
        amount=stored.amount,
        child_ordinal=None,
    )

    assert not AuditEntry.objects.filter(action="childbenefit_amount.update").exists()


def test_removing_the_first_child_amount_of_a_year_by_ordinal_is_refused(family_clerk):
    first_child_2022 = BenefitAmount.objects.get(valid_from="2022-01-01", child_ordinal=1)

    with pytest.raises(AmountRowInvalid) as refused:
        amount_delete(actor=family_clerk, stored=first_child_2022)

    assert refused.value.issues[0].params == {"from": "2022-01", "to": "2022-12"}
    assert BenefitAmount.objects.filter(pk=first_child_2022.pk).exists()


def test_removing_an_amount_leaves_its_months_without_one(family_clerk):
    stored = add_2027(family_clerk)

    amount_delete(actor=family_clerk, stored=stored)

    assert amount_schedule().period_for(Month(2027, 1)) is None
    assert AuditEntry.objects.get(action="childbenefit_amount.delete").before["amount"] == "265.00"


def test_seeding_again_adds_nothing_and_never_overwrites_a_change(family_clerk):
    stored = BenefitAmount.objects.get(valid_from="2026-01-01")
    stored.amount = Decimal("999.00")
    stored.save()

    assert amount_defaults_seed() == []
    assert BenefitAmount.objects.get(pk=stored.pk).amount == Decimal("999.00")


def test_seeding_restores_a_default_period_whose_months_have_no_amount(family_clerk):
    BenefitAmount.objects.filter(valid_from="2025-01-01").delete()

    created = amount_defaults_seed()

    assert [(str(row.row.valid_from), str(row.amount)) for row in created] == [
        ("2025-01", "255.00")
    ]
    assert AuditEntry.objects.get(action="childbenefit_amount.seed").actor is None


def test_setting_the_role_is_audited_once_per_change(family_lead):
    role_set(actor=family_lead, role=BenefitRole.HANDOVER)
    role_set(actor=family_lead, role=BenefitRole.HANDOVER)

    entries = AuditEntry.objects.filter(action="childbenefit_role.set")
    assert [(entry.before, entry.after) for entry in entries] == [
        ({"role": "decide"}, {"role": "handover"})
    ]
