"""Reads that shape a decided claim for people and machines: the payment schedule per child
(notice, citizen page) and the hand-over package for the Familienkasse of the Federal Agency."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import prefetch_related_objects
from django.utils import timezone

from rathaus.childbenefit.benefitrules import Month, RefusalReason
from rathaus.childbenefit.messages import (
    ALREADY_GRANTED_TEXT,
    MOVED_OUT_TEXT,
    PAID_TO_OTHER_TEXT,
    REASON_TEXTS,
    REJECTED_BY_CLERK_TEXT,
    month_label,
)
from rathaus.childbenefit.models import (
    ALREADY_GRANTED,
    CLERK_REJECTED,
    NOT_IN_HOUSEHOLD,
    PAID_TO_OTHER,
    BenefitClaim,
)
from rathaus.eservices.payments.mandates import format_iban


def reason_text(code: str, text: str = "") -> str:
    if code == CLERK_REJECTED:
        return text or str(REJECTED_BY_CLERK_TEXT)
    own = {
        NOT_IN_HOUSEHOLD: MOVED_OUT_TEXT,
        PAID_TO_OTHER: PAID_TO_OTHER_TEXT,
        ALREADY_GRANTED: ALREADY_GRANTED_TEXT,
    }
    if code in own:
        return str(own[code])
    try:
        return str(REASON_TEXTS[RefusalReason(code)])
    except ValueError:
        return code


# Changes with every save or delete of a claim, a child of a claim or a decision line
# (`childbenefit.apps`), and when a decision replaces earlier lines in bulk: the decision page's
# cached proposal and schedule show them (ADR 0431).
CLAIMS_TOPIC = "childbenefit.claims"


def claim_for_case(case, *, rows: bool = True) -> BenefitClaim | None:
    """The claim of a case with its children and their decision lines (three queries);
    `rows=False`: the claim alone (its children and lines are read when they are shown)."""
    claims = BenefitClaim.objects.filter(case=case)
    return (claims.prefetch_related("children__lines") if rows else claims).first()


def claim_children(claim: BenefitClaim) -> list:
    """The claim's children, read once (`claim_schedule` then reads only their lines)."""
    prefetch_related_objects([claim], "children")
    return list(claim.children.all())


def decided_claim_for_citizen(user, reference: str) -> BenefitClaim | None:
    """The decided claim of the person's own case, with the case, its children and their
    decision lines (three queries); None for another person's case or an undecided one."""
    return (
        BenefitClaim.objects.filter(
            case__applicant=user, case__reference=reference, decided_at__isnull=False
        )
        .select_related("case")
        .prefetch_related("children__lines")
        .first()
    )


def claim_schedule(claim: BenefitClaim) -> dict:
    """Per child the decided months (amount or reason), totals, arrears and monthly payments.

    Reads the children and their lines unless the claim comes with them prefetched."""
    decided_on = timezone.localdate(claim.decided_at) if claim.decided_at else timezone.localdate()
    decided_month = Month.of(decided_on)
    children = []
    arrears = Decimal("0.00")
    first_payment_on = None
    monthly: dict[str, Decimal] = {}
    prefetch_related_objects([claim], "children__lines")
    for child in claim.children.all():
        rows = []
        for line in child.lines.all():
            rows.append(
                {
                    "month": line.month,
                    "label": month_label(line.month),
                    "granted": line.granted,
                    "amount": line.amount,
                    "reason": "" if line.granted else reason_text(line.reason, line.reason_text),
                    "payable_on": line.payable_on,
                    "in_force": line.in_force,
                    "carried": line.replaces_id is not None,
                }
            )
            if line.granted and line.in_force and line.replaces_id is None:
                if Month.parse(line.month) <= decided_month:
                    arrears += line.amount
                    first_payment_on = line.payable_on
                else:
                    monthly[line.month] = monthly.get(line.month, Decimal("0.00")) + line.amount
        children.append(
            {
                "name": str(child),
                "born_on": child.born_on,
                "rows": rows,
                "total": sum(
                    (row["amount"] for row in rows if row["granted"] and row["in_force"]),
                    Decimal("0.00"),
                ),
                "granted": any(row["granted"] for row in rows),
            }
        )
    return {
        "children": children,
        "total": sum((child["total"] for child in children), Decimal("0.00")),
        "arrears": arrears,
        "first_payment_on": first_payment_on,
        "monthly": [
            {"label": month_label(month), "amount": amount}
            for month, amount in sorted(monthly.items())
        ],
        "iban": format_iban(claim.iban) if claim.iban else "",
        "account_holder": claim.account_holder,
    }


def handover_package(claim: BenefitClaim) -> dict:
    """Machine-readable data for the Familienkasse: applicant, partner, children, periods, files."""
    answers = claim.case.answers
    return {
        "format": "rathaus.childbenefit.handover/1",
        "received_on": claim.received_on.isoformat(),
        "applicant": {
            "given_name": answers.get("given_name", ""),
            "family_name": answers.get("family_name", ""),
            "born_on": answers.get("born_on"),
            "tax_id": claim.applicant_tax_id,
            "address": answers.get("address"),
            "phone": answers.get("phone", ""),
        },
        "partner": {
            "given_name": answers.get("partner_given_name", ""),
            "family_name": answers.get("partner_family_name", ""),
            "born_on": answers.get("partner_born_on"),
            "tax_id": answers.get("partner_tax_id") or "",
            "same_household": bool(answers.get("partner_same_household")),
            "nomination_consent": bool(answers.get("nomination_consent")),
            "nomination_consent_name": answers.get("nomination_consent_name", ""),
        }
        if answers.get("has_partner")
        else None,
        "payment": {"iban": claim.iban, "account_holder": claim.account_holder},
        "children": [
            {
                "first_name": child.first_name,
                "family_name": child.family_name,
                "born_on": child.born_on.isoformat(),
                "tax_id": child.tax_id,
                "relationship": child.relationship,
                "in_household": child.in_household,
                "qualifying_periods": child.periods,
            }
            for child in claim.children.all()
        ],
        "checks": claim.checks,
    }
