"""Factories for the child-benefit tests: claims made the way a citizen applies (the
Kindergeld form, submitted, recorded by the application handler) and decided by a clerk of
the Familienkasse through ``claim_decide``."""

from __future__ import annotations

import factory

from rathaus.childbenefit.models import BenefitClaim
from rathaus.childbenefit.services import ChildChoice, claim_decide
from rathaus.eservices.handlers import handler_for
from rathaus.eservices.models import Service
from tests.childbenefit.applications import (
    APPLICATION,
    CHANGE,
    CHILD_TAX_IDS,
    apply,
    change_service,
    child,
    kindergeld_service,
)
from tests.factories import OrgUnitFactory, StaffFactory, UserFactory

REJECTION_REASON = "Das Kind lebt nicht im Haushalt."


def kindergeld() -> Service:
    """The Kindergeld service of the Familienkasse (made once per test)."""
    return Service.objects.filter(slug="kindergeld").first() or kindergeld_service(
        OrgUnitFactory(slug="familienkasse")
    )


def kindergeld_change() -> Service:
    """The Familienkasse's service for reporting a change (made once per test)."""
    return Service.objects.filter(slug="kindergeld-aenderung").first() or change_service(
        OrgUnitFactory(slug="familienkasse")
    )


class ClaimFactory(factory.Factory):
    """A child-benefit application for ``children`` (one child, Mia, by default), submitted and
    recorded with its checks and proposal. Traits: ``change`` (a change notice for the children
    instead of an application; ``answers`` name ``change_kind`` and ``effective_on``),
    ``granted`` (the clerk grants every proposed month) and ``rejected`` (the clerk rejects
    every child, with REJECTION_REASON); ``clerk`` decides (a new clerk of the service's
    department by default)."""

    class Meta:
        model = BenefitClaim

    service = factory.LazyFunction(kindergeld)
    applicant = factory.SubFactory(UserFactory)
    children = factory.LazyFunction(lambda: [child("Mia", "2015-04-01", CHILD_TAX_IDS[0])])
    defaults = APPLICATION
    answers = factory.Dict({})
    clerk = None
    decision = None

    class Params:
        change = factory.Trait(service=factory.LazyFunction(kindergeld_change), defaults=CHANGE)
        granted = factory.Trait(decision="grant")
        rejected = factory.Trait(decision="reject")

    @classmethod
    def _build(cls, model_class, *args, **kwargs):
        raise NotImplementedError("Claims are made through the services; use ClaimFactory().")

    @classmethod
    def _create(
        cls, model_class, *, service, applicant, children, defaults, answers, clerk, decision
    ):
        case = apply(service, applicant, children, defaults=defaults, **answers)
        handler_for(case.service).decide_automatically(case=case)
        claim = BenefitClaim.objects.get(case=case)
        if decision:
            choices = {
                entry.position: ChildChoice(grant=False, reason=REJECTION_REASON)
                for entry in claim.children.all()
                if decision == "reject"
            }
            claim_decide(
                claim=claim, choices=choices, actor=clerk or StaffFactory(unit=service.unit)
            )
            claim.refresh_from_db()
        return claim


def granted_then_training_finished(parent, clerk) -> tuple[BenefitClaim, BenefitClaim]:
    """A granted claim for Leo in education, and the undecided change notice that his training
    ends on 31 August 2026 (its decision replaces the later months of the first)."""
    granted = ClaimFactory(
        applicant=parent,
        children=[
            child("Leo", "2007-02-10", CHILD_TAX_IDS[1], period=("education", "2025-09-01", None))
        ],
        clerk=clerk,
        granted=True,
    )
    change = ClaimFactory(
        change=True,
        applicant=parent,
        children=[
            child(
                "Leo",
                "2007-02-10",
                CHILD_TAX_IDS[1],
                period=("education", "2025-09-01", "2026-08-31"),
            )
        ],
        answers={"change_kind": "training_finished", "effective_on": "2026-09-01"},
    )
    return granted, change
