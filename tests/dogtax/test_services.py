"""The tax office's changes to the statute: validated, audited, and read by the next quote."""

from datetime import date
from decimal import Decimal

import pytest

from rathaus.core.models import AuditEntry
from rathaus.dogtax.models import ExemptionKind, RatePeriod
from rathaus.dogtax.selectors import current_statute
from rathaus.dogtax.services import exemption_kind_update, rate_period_add
from rathaus.dogtax.taxrules import Code, Dog, Exemption, InvalidInput, assess

pytestmark = pytest.mark.django_db

RATES = {"first": Decimal("132.00"), "second": Decimal("180.00"), "further": Decimal("240.00")}


def problems_of(raised) -> list[tuple[str, str]]:
    return [(p.field, str(p.code)) for p in raised.value.problems]


def test_a_new_period_after_the_open_one_ends_it_the_day_before(stored_statute, tax_clerk):
    period = rate_period_add(
        actor=tax_clerk, valid_from=date(2027, 1, 1), valid_until=None, **RATES
    )

    periods = list(RatePeriod.objects.values_list("valid_from", "valid_until"))
    assert periods == [
        (date(2017, 1, 1), date(2021, 12, 31)),
        (date(2022, 1, 1), date(2026, 12, 31)),
        (date(2027, 1, 1), None),
    ]
    assert period.first == Decimal("132.00")
    dog = Dog(ref="A", kept_since=date(2020, 1, 1))
    assert assess(statute=current_statute(), year=2027, dogs=[dog]).total == Decimal("132.00")
    assert assess(statute=current_statute(), year=2026, dogs=[dog]).total == Decimal("120.00")


def test_adding_and_ending_periods_is_audited_with_who_and_what(stored_statute, tax_clerk):
    rate_period_add(actor=tax_clerk, valid_from=date(2027, 1, 1), valid_until=None, **RATES)

    ended = AuditEntry.objects.get(action="dogtax.rate_period.end")
    added = AuditEntry.objects.get(action="dogtax.rate_period.add")
    assert ended.actor == added.actor == tax_clerk
    assert ended.before["valid_until"] is None
    assert ended.after["valid_until"] == "2026-12-31"
    assert added.after == {
        "valid_from": "2027-01-01",
        "valid_until": None,
        "first": "132.00",
        "second": "180.00",
        "further": "240.00",
        "dangerous": None,
    }


def test_a_period_may_fill_a_gap_before_the_known_rates(stored_statute, tax_clerk):
    rate_period_add(
        actor=tax_clerk, valid_from=date(2012, 1, 1), valid_until=date(2016, 12, 31), **RATES
    )

    dog = Dog(ref="A", kept_since=date(2010, 1, 1))
    assert assess(statute=current_statute(), year=2014, dogs=[dog]).total == Decimal("132.00")
    assert RatePeriod.objects.get(valid_from=date(2017, 1, 1)).valid_until == date(2021, 12, 31)


@pytest.mark.parametrize(
    ("valid_from", "valid_until"),
    [
        (date(2021, 1, 1), date(2021, 6, 30)),  # inside a closed period
        (date(2016, 1, 1), date(2017, 1, 1)),  # into a closed period
        (date(2022, 1, 1), None),  # the same start as the open period
        (date(2015, 1, 1), None),  # open-ended over everything
    ],
)
def test_overlapping_periods_are_refused_and_nothing_changes(
    stored_statute, tax_clerk, valid_from, valid_until
):
    with pytest.raises(InvalidInput) as raised:
        rate_period_add(actor=tax_clerk, valid_from=valid_from, valid_until=valid_until, **RATES)

    assert problems_of(raised) == [("valid_from", Code.PERIODS_OVERLAP)]
    assert RatePeriod.objects.count() == 2
    assert RatePeriod.objects.get(valid_from=date(2022, 1, 1)).valid_until is None
    assert not AuditEntry.objects.filter(action__startswith="dogtax.rate_period").exists()


def test_negative_rates_and_an_end_before_the_start_are_refused(stored_statute, tax_clerk):
    with pytest.raises(InvalidInput) as raised:
        rate_period_add(
            actor=tax_clerk,
            valid_from=date(2030, 1, 1),
            valid_until=date(2029, 12, 31),
            first=Decimal("-1.00"),
            second=Decimal("0.00"),
            further=Decimal("10.00"),
            dangerous=Decimal("-600.00"),
        )

    assert problems_of(raised) == [
        ("valid_until", Code.ENDS_BEFORE_START),
        ("first", Code.NEGATIVE_AMOUNT),
        ("dangerous", Code.NEGATIVE_AMOUNT),
    ]
    assert RatePeriod.objects.count() == 2


def kind_fields(kind: ExemptionKind, **changes) -> dict:
    return {name: getattr(kind, name) for name in ExemptionKind.EDITABLE} | changes


def test_an_exemption_kind_change_is_stored_audited_and_used(stored_statute, tax_clerk):
    shelter = ExemptionKind.objects.get(code="shelter")

    exemption_kind_update(actor=tax_clerk, kind=shelter, **kind_fields(shelter, duration_months=12))

    entry = AuditEntry.objects.get(action="dogtax.exemption_kind.update")
    assert entry.actor == tax_clerk
    assert (entry.before["duration_months"], entry.after["duration_months"]) == (24, 12)
    dog = Dog(ref="A", kept_since=date(2025, 12, 15), exemption=Exemption(kind="shelter"))
    result = assess(statute=current_statute(), year=2026, dogs=[dog])
    assert result.total == Decimal("0.00")
    result = assess(statute=current_statute(), year=2027, dogs=[dog])
    assert result.total == Decimal("120.00")


def test_saving_an_unchanged_exemption_kind_writes_no_audit_entry(stored_statute, tax_clerk):
    shelter = ExemptionKind.objects.get(code="shelter")

    exemption_kind_update(actor=tax_clerk, kind=shelter, **kind_fields(shelter))

    assert not AuditEntry.objects.filter(action="dogtax.exemption_kind.update").exists()


def test_a_duration_of_zero_months_is_refused(stored_statute, tax_clerk):
    shelter = ExemptionKind.objects.get(code="shelter")

    with pytest.raises(InvalidInput) as raised:
        exemption_kind_update(
            actor=tax_clerk, kind=shelter, **kind_fields(shelter, duration_months=0)
        )

    assert problems_of(raised) == [("duration_months", Code.NEGATIVE_AMOUNT)]
    assert ExemptionKind.objects.get(code="shelter").duration_months == 24
