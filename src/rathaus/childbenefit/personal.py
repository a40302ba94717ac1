"""Whose own pages a child-benefit row shows: the payment schedule and the case page's link to
it belong to the applicant of the claim's case (ADR 0421)."""

from __future__ import annotations

from rathaus.childbenefit.models import BenefitClaim, ClaimChild, DecisionLine
from rathaus.core.fragments import connect_person
from rathaus.eservices.models import Case
from rathaus.eservices.personal import applicant_of


def claim_applicants(claim_ids) -> list[int | None]:
    return list(
        Case.objects.filter(benefit_claim__in=list(claim_ids)).values_list(
            "applicant_id", flat=True
        )
    )


def _of_claim(row) -> list[int | None]:
    if type(row).claim.is_cached(row):
        return applicant_of(row.claim)
    return claim_applicants([row.claim_id])


def connect() -> None:
    connect_person(BenefitClaim, applicant_of)
    connect_person(ClaimChild, _of_claim)
    connect_person(DecisionLine, _of_claim)
