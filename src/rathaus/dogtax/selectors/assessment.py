"""Reads of the annual assessment: which households a year concerns, which are left, and what
the finished run's payment files list."""

from __future__ import annotations

from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet

from rathaus.dogtax import taxrules
from rathaus.dogtax.annual_notice import Payable, payment_reference
from rathaus.dogtax.models import AssessmentItem, AssessmentRun, Dog, TaxAccount
from rathaus.dogtax.predicates import TAX_OFFICE
from rathaus.dogtax.selectors.statute import current_statute
from rathaus.eservices.models import Mandate
from rathaus.organization.models import OrgUnit
from rathaus.organization.selectors import unit_with_duty

DONE_STATES = (AssessmentItem.State.DONE, AssessmentItem.State.SKIPPED)


def liable_accounts(year: int) -> QuerySet[TaxAccount]:
    """Households with a dog kept at some time during ``year`` (the rules decide the months)."""
    dogs = Dog.objects.filter(account=OuterRef("pk"), kept_since__lte=date(year, 12, 31)).filter(
        Q(given_up_on__isnull=True) | Q(given_up_on__gte=date(year, 1, 1))
    )
    return TaxAccount.objects.filter(Exists(dogs)).order_by("pk")


def pending_accounts(run: AssessmentRun, *, retry_failed: bool = True) -> QuerySet[TaxAccount]:
    states = DONE_STATES if retry_failed else (*DONE_STATES, AssessmentItem.State.FAILED)
    finished = AssessmentItem.objects.filter(run=run, account=OuterRef("pk"), state__in=states)
    return liable_accounts(run.year).exclude(Exists(finished))


def statute_covers(year: int) -> bool:
    """Whether the statute has rates for every month of ``year``."""
    try:
        taxrules.assess(statute=current_statute(), year=year, dogs=[], keeper=taxrules.Keeper())
    except taxrules.InvalidInput:
        return False
    return True


def tax_office() -> OrgUnit | None:
    """The department that sends the dog-tax notices: the one holding the tax-office duty."""
    return unit_with_duty(TAX_OFFICE)


def household_mandate(account: TaxAccount):
    """The household's SEPA mandate when it has one that is not revoked."""
    if not account.sepa_mandate_reference:
        return None
    return Mandate.objects.filter(
        reference=account.sepa_mandate_reference, revoked_at__isnull=True
    ).first()


def export_rows(run: AssessmentRun) -> list[dict]:
    """Every amount the run's notices ask for, in account and due-date order."""
    items = (
        AssessmentItem.objects.filter(run=run, state=AssessmentItem.State.DONE)
        .exclude(payable=[])
        .select_related("account")
        .order_by("account__number")
    )
    rows = []
    for item in items:
        reference = payment_reference(item.account, run.year)
        for payable in map(Payable.from_json, item.payable):
            if payable.amount <= 0:
                continue
            rows.append(
                {
                    "account": item.account,
                    "due_on": payable.due_on,
                    "amount": payable.amount,
                    "reference": reference,
                    "end_to_end_id": f"{reference}-{payable.index}",
                    "mandate_reference": item.mandate_reference,
                }
            )
    return rows
