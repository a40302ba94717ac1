"""Between the stored statute records and the pure ``taxrules.Statute`` value."""

from __future__ import annotations

from rathaus.dogtax import taxrules
from rathaus.dogtax.models import DogTaxStatute, ExemptionKind, InstallmentDate, RatePeriod


def as_statute(record: DogTaxStatute) -> taxrules.Statute:
    """The pure statute value; prefetch ``rate_periods``, ``exemption_kinds`` and
    ``installment_dates`` to read it in four queries."""
    whole_year = (
        None
        if record.whole_year_due_month is None or record.whole_year_due_day is None
        else taxrules.DueDate(month=record.whole_year_due_month, day=record.whole_year_due_day)
    )
    return taxrules.Statute(
        name=record.name,
        currency=record.currency,
        rate_periods=tuple(rate_period_value(p) for p in record.rate_periods.all()),
        exemption_kinds=tuple(exemption_kind_value(k) for k in record.exemption_kinds.all()),
        installment_dates=tuple(installment_date_value(d) for d in record.installment_dates.all()),
        whole_year_due=whole_year,
        late_assessment_due_months=record.late_assessment_due_months,
        late_deregistration=taxrules.LateDeregistration(
            enabled=record.late_deregistration_enabled,
            grace_days=record.late_deregistration_grace_days,
            extra_months=record.late_deregistration_extra_months,
        ),
        dangerous_dogs_rank=record.dangerous_dogs_rank,
    )


def rate_period_value(period: RatePeriod) -> taxrules.RatePeriod:
    return taxrules.RatePeriod(
        valid_from=period.valid_from,
        valid_until=period.valid_until,
        first=period.first,
        second=period.second,
        further=period.further,
        dangerous=period.dangerous,
    )


def exemption_kind_value(kind: ExemptionKind) -> taxrules.ExemptionKind:
    return taxrules.ExemptionKind(
        code=kind.code,
        level=taxrules.ExemptionLevel(kind.level),
        name=taxrules.LocalizedText(de=kind.name_de, en=kind.name_en),
        condition=taxrules.LocalizedText(de=kind.condition_de, en=kind.condition_en),
        evidence=taxrules.LocalizedText(de=kind.evidence_de, en=kind.evidence_en),
        duration_months=kind.duration_months,
        once_in_years=kind.once_in_years,
        clerk_check=kind.clerk_check,
    )


def installment_date_value(due: InstallmentDate) -> taxrules.InstallmentDate:
    return taxrules.InstallmentDate(
        month=due.month, day=due.day, covers=tuple(int(m) for m in due.covers)
    )


def rate_period_snapshot(period: RatePeriod) -> dict:
    """A JSON-ready picture of a rate period for the audit log (money as strings)."""
    return {
        "valid_from": period.valid_from.isoformat(),
        "valid_until": period.valid_until.isoformat() if period.valid_until else None,
        "first": f"{period.first:.2f}",
        "second": f"{period.second:.2f}",
        "further": f"{period.further:.2f}",
        "dangerous": None if period.dangerous is None else f"{period.dangerous:.2f}",
    }


def exemption_kind_snapshot(kind: ExemptionKind) -> dict:
    return {
        "code": kind.code,
        "level": kind.level,
        **{name: getattr(kind, name) for name in ExemptionKind.EDITABLE},
    }
