"""Every write on the dog tax: keyword-only, in one transaction each, audited."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction

from rathaus.core.audit import audit_record
from rathaus.dogtax import taxrules
from rathaus.dogtax.models import (
    STATUTE_PK,
    DogTaxStatute,
    ExemptionKind,
    InstallmentDate,
    RatePeriod,
)
from rathaus.dogtax.statute_records import (
    as_statute,
    exemption_kind_snapshot,
    rate_period_snapshot,
    rate_period_value,
)
from rathaus.dogtax.statute_source import configured_source, statute_from_source


@transaction.atomic
def statute_seed(*, source: str | None = None, actor=None) -> DogTaxStatute:
    """Store the statute from its file, unless a statute is stored already (then unchanged)."""
    existing = DogTaxStatute.objects.filter(pk=STATUTE_PK).first()
    if existing is not None:
        return existing
    source = source or configured_source()
    value = statute_from_source(source)
    record, created = DogTaxStatute.objects.get_or_create(
        pk=STATUTE_PK, defaults=_statute_fields(value, source)
    )
    if not created:  # another process seeded it meanwhile
        return record
    RatePeriod.objects.bulk_create(
        RatePeriod(statute=record, **_rate_period_fields(period)) for period in value.rate_periods
    )
    ExemptionKind.objects.bulk_create(
        ExemptionKind(statute=record, position=position, **_exemption_kind_fields(kind))
        for position, kind in enumerate(value.exemption_kinds)
    )
    InstallmentDate.objects.bulk_create(
        InstallmentDate(statute=record, month=due.month, day=due.day, covers=list(due.covers))
        for due in value.installment_dates
    )
    audit_record(actor=actor, action="dogtax.statute.seed", target=record, after={"source": source})
    return record


@transaction.atomic
def rate_period_add(
    *,
    actor,
    valid_from: date,
    valid_until: date | None,
    first: Decimal,
    second: Decimal,
    further: Decimal,
    dangerous: Decimal | None = None,
) -> RatePeriod:
    """Add a rate period. A period starting after the start of the open-ended period ends that
    one the day before; any other overlap is refused. Raises ``taxrules.InvalidInput`` with
    problems on the fields ``valid_from``, ``valid_until``, ``first``, … ."""
    record = DogTaxStatute.objects.select_for_update().get(pk=statute_seed(actor=actor).pk)
    new = taxrules.RatePeriod(
        valid_from=valid_from,
        valid_until=valid_until,
        first=first,
        second=second,
        further=further,
        dangerous=dangerous,
    )
    periods = list(record.rate_periods.all())
    ended = next((p for p in periods if p.valid_until is None and p.valid_from < valid_from), None)
    values = [
        replace(rate_period_value(p), valid_until=valid_from - timedelta(days=1))
        if p is ended
        else rate_period_value(p)
        for p in periods
    ]
    _raise_for_new_period(as_statute(record), values, new)
    if ended is not None:
        before = rate_period_snapshot(ended)
        ended.valid_until = valid_from - timedelta(days=1)
        ended.save(update_fields=["valid_until"])
        audit_record(
            actor=actor,
            action="dogtax.rate_period.end",
            target=ended,
            before=before,
            after=rate_period_snapshot(ended),
        )
    period = RatePeriod.objects.create(statute=record, **_rate_period_fields(new))
    audit_record(
        actor=actor,
        action="dogtax.rate_period.add",
        target=period,
        after=rate_period_snapshot(period),
    )
    return period


def _raise_for_new_period(
    statute: taxrules.Statute, others: list[taxrules.RatePeriod], new: taxrules.RatePeriod
) -> None:
    """The new period is the last one checked, so its problems carry its index."""
    candidate = replace(statute, rate_periods=(*others, new))
    prefix = f"rate_periods[{len(others)}]."
    problems = [
        taxrules.Problem(field=p.field.removeprefix(prefix), code=p.code)
        for p in taxrules.statute_problems(candidate)
        if p.field.startswith(prefix)
    ]
    if problems:
        raise taxrules.InvalidInput(problems)


@transaction.atomic
def exemption_kind_update(
    *,
    actor,
    kind: ExemptionKind,
    name_de: str,
    name_en: str,
    condition_de: str,
    condition_en: str,
    evidence_de: str,
    evidence_en: str,
    duration_months: int | None,
    once_in_years: int | None,
    clerk_check: bool,
) -> ExemptionKind:
    """Change what the tax office may change about an exemption kind (not its code or level).
    Raises ``taxrules.InvalidInput`` for a duration or limit that is not positive."""
    kind = ExemptionKind.objects.select_for_update().get(pk=kind.pk)
    problems = [
        taxrules.Problem(field=name, code=taxrules.Code.NEGATIVE_AMOUNT)
        for name, value in (("duration_months", duration_months), ("once_in_years", once_in_years))
        if value is not None and value <= 0
    ]
    if problems:
        raise taxrules.InvalidInput(problems)
    before = exemption_kind_snapshot(kind)
    changes = {
        "name_de": name_de,
        "name_en": name_en,
        "condition_de": condition_de,
        "condition_en": condition_en,
        "evidence_de": evidence_de,
        "evidence_en": evidence_en,
        "duration_months": duration_months,
        "once_in_years": once_in_years,
        "clerk_check": clerk_check,
    }
    for name, value in changes.items():
        setattr(kind, name, value)
    after = exemption_kind_snapshot(kind)
    if after != before:
        kind.save()
        audit_record(
            actor=actor,
            action="dogtax.exemption_kind.update",
            target=kind,
            before=before,
            after=after,
        )
    return kind


def _statute_fields(value: taxrules.Statute, source: str) -> dict:
    late = value.late_deregistration
    return {
        "name": value.name,
        "currency": value.currency,
        "source": source,
        "whole_year_due_month": value.whole_year_due.month if value.whole_year_due else None,
        "whole_year_due_day": value.whole_year_due.day if value.whole_year_due else None,
        "late_assessment_due_months": value.late_assessment_due_months,
        "late_deregistration_enabled": late.enabled,
        "late_deregistration_grace_days": late.grace_days,
        "late_deregistration_extra_months": late.extra_months,
        "dangerous_dogs_rank": value.dangerous_dogs_rank,
    }


def _rate_period_fields(period: taxrules.RatePeriod) -> dict:
    return {
        "valid_from": period.valid_from,
        "valid_until": period.valid_until,
        "first": period.first,
        "second": period.second,
        "further": period.further,
        "dangerous": period.dangerous,
    }


def _exemption_kind_fields(kind: taxrules.ExemptionKind) -> dict:
    return {
        "code": kind.code,
        "level": str(kind.level),
        "name_de": kind.name.de,
        "name_en": kind.name.en,
        "condition_de": kind.condition.de,
        "condition_en": kind.condition.en,
        "evidence_de": kind.evidence.de,
        "evidence_en": kind.evidence.en,
        "duration_months": kind.duration_months,
        "once_in_years": kind.once_in_years,
        "clerk_check": kind.clerk_check,
    }
