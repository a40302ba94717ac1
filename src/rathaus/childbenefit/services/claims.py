"""Writes on child-benefit claims: record the application with its automatic checks, decide it.

Every function is a service (keyword-only, in a transaction, audited). The month computation is
the pure `benefitrules` package; this module turns answers into its inputs and its results into
rows (`DecisionLine`), which are also the payment schedule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from stdnum.de import idnr

from rathaus.childbenefit.benefitrules import (
    Child,
    InputError,
    Month,
    QualifyingKind,
    QualifyingPeriod,
    QuoteRequest,
    compute_quote,
)
from rathaus.childbenefit.messages import already_receiving_message
from rathaus.childbenefit.models import (
    ALREADY_GRANTED,
    CLERK_REJECTED,
    NOT_IN_HOUSEHOLD,
    PAID_TO_OTHER,
    BenefitClaim,
    ClaimChild,
    ClaimKind,
    DecisionLine,
)
from rathaus.childbenefit.selectors.amounts import amount_schedule
from rathaus.childbenefit.selectors.claims import taken_months
from rathaus.childbenefit.selectors.schedule import CLAIMS_TOPIC
from rathaus.core.audit import audit_record
from rathaus.core.fragments import changed, changed_for
from rathaus.eservices.handlers import Decision, Outcome
from rathaus.eservices.services.decisions import case_decide
from rathaus.eservices.services.mailbox import message_inform

FIRST_PAYMENT_DAYS = 5
MONTHLY_PAYMENT_DAY = 15


class GrantConflict(Exception):
    """A month would be paid for a child that another decision already pays to someone else."""

    def __init__(self, tax_id: str, months: list[str]):
        self.tax_id, self.months = tax_id, months
        super().__init__(f"{tax_id}: {', '.join(months)}")


def _month(value: str | None) -> Month | None:
    return Month.of(date.fromisoformat(value)) if value else None


def periods_of(entry: dict) -> list[dict]:
    """The qualifying periods of a child entry of the form, with evidence file names."""
    periods = []
    for prefix, evidence in (("period_", "evidence"), ("period2_", "evidence2")):
        kind = entry.get(f"{prefix}kind")
        if not kind or not entry.get(f"{prefix}from"):
            continue
        periods.append(
            {
                "kind": kind,
                "from": str(_month(entry[f"{prefix}from"])),
                "to": str(_month(entry.get(f"{prefix}to"))) if entry.get(f"{prefix}to") else None,
                "evidence": (entry.get(evidence) or {}).get("name", ""),
            }
        )
    return periods


def _age_on(born_on: date, day: date) -> int:
    return day.year - born_on.year - ((day.month, day.day) < (born_on.month, born_on.day))


def _valid(tax_id: str) -> bool:
    return bool(tax_id) and idnr.is_valid(tax_id)


def _taken_check(code: str, position: int, months: list[str], taken: dict) -> dict:
    references = sorted({taken[month].claim.case.reference for month in months})
    return {
        "code": code,
        "ok": False,
        "child": position,
        "params": {"from": months[0], "to": months[-1], "references": references},
    }


def _proposal(
    children: list[ClaimChild], received_on: date, recipient_id, kind: str = ClaimKind.APPLICATION
) -> list[dict]:
    """Checks found by the rules; fills each child's `proposal` (saved by the caller)."""
    amounts = amount_schedule()
    if not amounts.periods:
        return [{"code": "rules_input", "ok": False, "params": {"issues": ["no_amount"]}}]
    until = max(amounts.periods[-1].valid_until, Month.of(received_on))
    request = QuoteRequest(
        application_received_on=received_on,
        until=until,
        children=tuple(
            Child(
                ref=str(child.position),
                born_on=child.born_on,
                qualifying_periods=tuple(
                    QualifyingPeriod(
                        kind=QualifyingKind(period["kind"]),
                        from_month=Month.parse(period["from"]),
                        to_month=Month.parse(period["to"]) if period["to"] else None,
                    )
                    for period in child.periods
                ),
            )
            for child in children
        ),
    )
    try:
        quote = compute_quote(request=request, amounts=amounts)
    except InputError as error:
        return [
            {
                "code": "rules_input",
                "ok": False,
                "params": {"issues": [f"{issue.path}: {issue.code}" for issue in error.issues]},
            }
        ]
    checks = []
    today = timezone.localdate()
    for child, result in zip(children, quote.children, strict=True):
        taken = taken_months(child.tax_id, today=today)
        lines, conflicts = [], {PAID_TO_OTHER: [], ALREADY_GRANTED: []}
        for month in result.months:
            label = str(month.month)
            reason = _taken_reason(taken.get(label), recipient_id, kind) if month.paid else ""
            if reason:
                conflicts[reason].append(label)
                lines.append({"month": label, "amount": None, "reason": reason})
            else:
                lines.append(
                    {
                        "month": label,
                        "amount": str(month.amount) if month.paid else None,
                        "reason": "" if month.paid else str(month.reason),
                    }
                )
        child.proposal = lines
        checks += [
            _taken_check(code, child.position, months, taken)
            for code, months in conflicts.items()
            if months
        ]
    return checks


def _taken_reason(line: DecisionLine | None, recipient_id, kind: str) -> str:
    """Why a month the rules would pay cannot be granted by this claim ("" if it can).

    Another recipient's month is never granted again; the applicant's own month only through a
    change notice, which replaces the earlier decision (its payment is carried over)."""
    if line is None:
        return ""
    if line.recipient_id != recipient_id or recipient_id is None:
        return PAID_TO_OTHER
    return "" if kind == ClaimKind.CHANGE else ALREADY_GRANTED


@transaction.atomic
def claim_record(*, case, kind: str = ClaimKind.APPLICATION) -> BenefitClaim:
    """The claim of a submitted case with its children and automatic checks (idempotent)."""
    existing = BenefitClaim.objects.filter(case=case).first()
    if existing is not None:
        return existing
    answers = case.answers
    received_on = timezone.localdate(case.submitted_at)
    earlier = (
        BenefitClaim.objects.filter(recipient=case.applicant, decided_at__isnull=False)
        .order_by("-decided_at")
        .first()
        if case.applicant_id
        else None
    )
    claim = BenefitClaim.objects.create(
        case=case,
        kind=kind,
        recipient=case.applicant,
        received_on=received_on,
        applicant_tax_id=answers.get("tax_id") or "",
        iban=answers.get("iban") or (earlier.iban if earlier else ""),
        account_holder=answers.get("account_holder") or case.applicant_name,
        created_at=timezone.now(),
    )
    children = []
    for position, entry in enumerate(answers.get("children") or [], start=1):
        children.append(
            ClaimChild.objects.create(
                claim=claim,
                position=position,
                first_name=entry.get("first_name", ""),
                family_name=entry.get("family_name", ""),
                born_on=date.fromisoformat(entry["born_on"]),
                tax_id=entry.get("tax_id", ""),
                relationship=entry.get("relationship", ""),
                in_household=bool(entry.get("in_household", True)),
                periods=periods_of(entry),
                recipient=case.applicant,
            )
        )
    claim.checks = automatic_checks(claim, children, answers)
    if kind == ClaimKind.CHANGE and answers.get("effective_on"):
        _from_change(children, Month.of(date.fromisoformat(answers["effective_on"])))
    claim.save(update_fields=["checks"])
    for child in children:
        child.save(update_fields=["proposal"])
    _tell_already_receiving(case, claim.checks)
    audit_record(
        actor=None,
        action="childbenefit.claim.record",
        target=case,
        after={"children": len(children), "failed_checks": sum(not c["ok"] for c in claim.checks)},
    )
    return claim


def _tell_already_receiving(case, checks: list[dict]) -> None:
    """The applicant learns at once that months they already receive are not paid again."""
    found = [check for check in checks if check["code"] == ALREADY_GRANTED]
    if found:
        with translation.override(case.language):
            body = already_receiving_message(found)
        message_inform(case=case, body=body, actor=None)


def automatic_checks(claim: BenefitClaim, children: list[ClaimChild], answers: dict) -> list[dict]:
    tax_ids = [claim.applicant_tax_id, answers.get("partner_tax_id") or ""]
    tax_ids += [child.tax_id for child in children]
    given = [tax_id for tax_id in tax_ids if tax_id]
    checks = [
        {"code": "tax_ids_valid", "ok": all(_valid(tax_id) for tax_id in given)},
        {"code": "tax_ids_distinct", "ok": len(set(given)) == len(given)},
    ]
    for child in children:
        age = _age_on(child.born_on, claim.received_on)
        checks.append({"code": "age", "ok": True, "child": child.position, "params": {"age": age}})
        if age >= 18 and not child.periods:
            checks.append({"code": "adult_without_period", "ok": False, "child": child.position})
        if not child.in_household:
            checks.append({"code": "not_in_household", "ok": False, "child": child.position})
    checks += _proposal(children, claim.received_on, claim.recipient_id, claim.kind)
    return checks


def _from_change(children: list[ClaimChild], effective: Month) -> None:
    """A change notice decides anew from the month of the change on; earlier months stay as
    decided. A child who moved out is proposed as rejected from then."""
    for child in children:
        child.proposal = [
            entry
            if child.in_household or entry["amount"] is None
            else {"month": entry["month"], "amount": None, "reason": NOT_IN_HOUSEHOLD}
            for entry in child.proposal
            if Month.parse(entry["month"]) >= effective
        ]


@dataclass(frozen=True)
class ChildChoice:
    """The clerk's choice for one child: grant the proposed months (except a rejected range),
    or reject them all; `reason` is printed for the rejected months."""

    grant: bool
    reason: str = ""
    reject_from: Month | None = None
    reject_to: Month | None = None

    def rejects(self, month: Month) -> bool:
        if not self.grant:
            return True
        if self.reject_from is None:
            return False
        return self.reject_from <= month <= (self.reject_to or self.reject_from)


def _payable_on(month: Month, today: date) -> date:
    if month <= Month.of(today):
        return today + timedelta(days=FIRST_PAYMENT_DAYS)
    return month.first_day.replace(day=MONTHLY_PAYMENT_DAY)


def _lines(claim: BenefitClaim, choices: dict[int, ChildChoice], today: date) -> list[DecisionLine]:
    lines = []
    for child in claim.children.all():
        choice = choices.get(child.position, ChildChoice(grant=True))
        for entry in child.proposal:
            month = Month.parse(entry["month"])
            line = DecisionLine(
                claim=claim,
                child=child,
                child_tax_id=child.tax_id,
                recipient=claim.recipient,
                month=entry["month"],
                granted=False,
            )
            if entry["amount"] is None:
                line.reason = entry["reason"]
            elif choice.rejects(month):
                line.reason, line.reason_text = CLERK_REJECTED, choice.reason[:500]
            else:
                line.granted, line.amount = True, Decimal(entry["amount"])
                line.payable_on = _payable_on(month, today)
            lines.append(line)
    return lines


def _settle_taken_months(claim: BenefitClaim, lines: list[DecisionLine], today: date) -> None:
    """Refuse to grant a month another decision pays; let a change notice replace the
    recipient's own decision, carrying its payment over instead of paying the month again.

    Raises GrantConflict; the unique constraint on granted lines in force backs this up."""
    tax_id = lines[0].child_tax_id
    taken = taken_months(tax_id, today=today, exclude_claim=claim, lock=True)
    refused = sorted(
        line.month
        for line in lines
        if line.granted and _taken_reason(taken.get(line.month), claim.recipient_id, claim.kind)
    )
    if refused:
        raise GrantConflict(tax_id, refused)
    for line in lines:
        earlier = taken.get(line.month)
        if line.granted and earlier is not None:
            line.replaces, line.payable_on = earlier, earlier.payable_on
    replaced = DecisionLine.objects.filter(
        child_tax_id=tax_id,
        recipient=claim.recipient,
        in_force=True,
        month__in=[line.month for line in lines],
    ).exclude(claim=claim)
    if claim.kind != ClaimKind.CHANGE:
        # A new application replaces earlier refusals, never an earlier grant.
        replaced = replaced.filter(granted=False)
    # Another claim's schedule shows these lines (update() sends no signal).
    people = set(replaced.values_list("claim__case__applicant_id", flat=True))
    if replaced.update(in_force=False):
        changed(CLAIMS_TOPIC)
        changed_for(*people)


def _outcome(lines: list[DecisionLine]) -> str:
    if not any(line.granted for line in lines):
        return Outcome.REJECTED
    partial = (CLERK_REJECTED, PAID_TO_OTHER, ALREADY_GRANTED, NOT_IN_HOUSEHOLD)
    if any(line.reason in partial for line in lines):
        return Outcome.PARTLY_GRANTED
    return Outcome.GRANTED


@transaction.atomic
def claim_decide(
    *, claim: BenefitClaim, choices: dict[int, ChildChoice], actor, expected: str | None = None
):
    """Decide the claim: lines per child and month, then the engine's decision with the notice.

    Earlier lines of the same recipient for the same child and months stop being in force (a new
    decision replaces the old one). Raises GrantConflict when another recipient was granted a
    month meanwhile; the unique constraint on granted lines in force makes this race-safe.
    """
    claim = BenefitClaim.objects.select_for_update().get(pk=claim.pk)
    today = timezone.localdate()
    lines = _lines(claim, choices, today)
    for tax_id in {line.child_tax_id for line in lines}:
        _settle_taken_months(claim, [line for line in lines if line.child_tax_id == tax_id], today)
    try:
        with transaction.atomic():
            DecisionLine.objects.bulk_create(lines)
    except IntegrityError:
        raise GrantConflict("", []) from None
    changed(CLAIMS_TOPIC)  # a bulk insert sends no signals
    claim.decided_at = timezone.now()
    claim.save(update_fields=["decided_at"])
    outcome = _outcome(lines)
    audit_record(
        actor=actor,
        action="childbenefit.claim.decide",
        target=claim.case,
        after={
            "outcome": outcome,
            "granted_months": sum(line.granted for line in lines),
            "rejected_months": sum(not line.granted for line in lines),
        },
    )
    return case_decide(
        case=claim.case,
        decision=Decision(outcome=outcome, text="", amount=None, legal_remedy=True),
        actor=actor,
        expected=expected,
    )
