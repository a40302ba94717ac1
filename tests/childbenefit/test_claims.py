import json
from datetime import date, datetime
from pathlib import Path

import pytest
from django.utils import timezone

from rathaus.childbenefit.benefitrules import Month
from rathaus.childbenefit.models import BenefitRole, DecisionLine
from rathaus.childbenefit.services import ChildChoice, GrantConflict, claim_decide, role_set
from rathaus.eservices.handlers import handler_for
from rathaus.eservices.services.handoff import delivery_attempt
from tests.childbenefit.applications import CHILD_TAX_IDS, apply, child, kindergeld_service
from tests.childbenefit.factories import ClaimFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(family_office):
    return kindergeld_service(family_office)


@pytest.fixture
def received(monkeypatch):
    moment = timezone.make_aware(datetime(2026, 11, 24, 10, 0))
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return moment


def test_a_submission_records_children_checks_and_the_proposal(service, received):
    claim = ClaimFactory(
        service=service,
        children=[
            child("Mia", "2015-04-01", CHILD_TAX_IDS[0]),
            child("Leo", "2007-02-10", CHILD_TAX_IDS[1], period=("education", "2025-09-01", None)),
        ],
    )

    mia, leo = claim.children.all()
    assert {"code": "tax_ids_valid", "ok": True} in claim.checks
    assert {"code": "tax_ids_distinct", "ok": True} in claim.checks
    assert mia.proposal[0] == {"month": "2026-05", "amount": "259.00", "reason": ""}
    assert leo.periods[0]["kind"] == "education"
    assert leo.periods[0]["evidence"] == "bescheinigung.pdf"
    assert all(entry["amount"] == "259.00" for entry in leo.proposal)


def test_a_child_paid_to_someone_else_is_flagged_and_those_months_proposed_rejected(
    service, received, family_clerk
):
    first = ClaimFactory(service=service, children=[child("Mia", "2015-04-01", CHILD_TAX_IDS[0])])
    claim_decide(claim=first, choices={}, actor=family_clerk)

    second = ClaimFactory(service=service, children=[child("Mia", "2015-04-01", CHILD_TAX_IDS[0])])

    assert {
        "code": "paid_to_other",
        "ok": False,
        "child": 1,
        "params": {"from": "2026-05", "to": "2026-12", "references": [first.case.reference]},
    } in second.checks
    assert {entry["reason"] for entry in second.children.get().proposal} == {"paid_to_other"}


def test_the_clerk_grants_one_child_and_rejects_a_range_of_another(service, received, family_clerk):
    claim = ClaimFactory(
        service=service,
        children=[
            child("Mia", "2015-04-01", CHILD_TAX_IDS[0]),
            child("Ben", "2016-06-01", CHILD_TAX_IDS[1]),
        ],
    )

    notice = claim_decide(
        claim=claim,
        choices={
            2: ChildChoice(
                grant=True,
                reason="Lived with the other parent.",
                reject_from=Month(2026, 5),
                reject_to=Month(2026, 6),
            )
        },
        actor=family_clerk,
    )

    claim.case.refresh_from_db()
    assert claim.case.status == "decided"
    assert claim.case.outcome == "partly_granted"
    assert notice.file.size > 0
    ben = DecisionLine.objects.filter(child__position=2)
    assert [line.month for line in ben.filter(granted=False)] == ["2026-05", "2026-06"]
    assert ben.get(month="2026-05").reason_text == "Lived with the other parent."
    assert DecisionLine.objects.filter(granted=True).count() == 8 + 6
    assert DecisionLine.objects.get(child__position=1, month="2026-05").payable_on == date(
        2026, 11, 29
    )
    assert DecisionLine.objects.get(child__position=1, month="2026-12").payable_on == date(
        2026, 12, 15
    )


def test_a_second_grant_of_the_same_months_to_another_recipient_is_refused(
    service, received, family_clerk
):
    first = ClaimFactory(service=service, children=[child("Mia", "2015-04-01", CHILD_TAX_IDS[0])])
    second = ClaimFactory(service=service, children=[child("Mia", "2015-04-01", CHILD_TAX_IDS[0])])
    second.children.update(
        proposal=[{"month": "2026-11", "amount": "259.00", "reason": ""}]
    )  # as if proposed before the first decision
    claim_decide(claim=first, choices={}, actor=family_clerk)

    with pytest.raises(GrantConflict):
        claim_decide(claim=second, choices={}, actor=family_clerk)

    assert DecisionLine.objects.filter(claim=second).count() == 0


def test_in_the_handover_role_the_package_goes_to_the_outbox_and_the_citizen_is_told(
    service, received, administrator, settings
):
    role_set(actor=administrator, role=BenefitRole.HANDOVER)
    case = apply(
        service,
        UserFactory(),
        [child("Leo", "2007-02-10", CHILD_TAX_IDS[1], period=("education", "2025-09-01", None))],
    )
    decision = handler_for(case.service).decide_automatically(case=case)
    from rathaus.eservices.services.decisions import case_decide

    case_decide(case=case, decision=decision, actor=None)
    delivery_attempt(delivery=case.deliveries.get())

    folder = Path(settings.ESERVICES_OUTBOX_DIR) / case.reference
    data = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    package = data["childbenefit"]
    assert package["applicant"]["tax_id"] == "36574261809"
    assert package["children"][0]["qualifying_periods"][0]["evidence"] == "bescheinigung.pdf"
    case.refresh_from_db()
    assert case.status == "decided" and case.outcome == "noted"
    assert case.notices.get().title == "Ihr Kindergeldantrag wurde weitergeleitet"


def test_in_the_decide_role_nothing_is_decided_automatically(service, received):
    case = apply(service, UserFactory(), [child("Mia", "2015-04-01", CHILD_TAX_IDS[0])])

    assert handler_for(case.service).decide_automatically(case=case) is None
    assert not case.deliveries.exists()
