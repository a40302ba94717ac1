"""Each trait of the claim factory makes a claim in the state it names."""

import pytest

from rathaus.eservices import workflow
from tests.childbenefit.factories import REJECTION_REASON, ClaimFactory

pytestmark = pytest.mark.django_db


def test_a_claim_is_submitted_with_checks_and_a_proposal_and_undecided():
    claim = ClaimFactory()

    assert claim.case.status == workflow.SUBMITTED and claim.decided_at is None
    assert {"code": "tax_ids_valid", "ok": True} in claim.checks
    assert claim.children.get().proposal
    assert not claim.lines.exists()


def test_a_granted_claim_pays_every_proposed_month():
    claim = ClaimFactory(granted=True)

    assert claim.decided_at is not None
    assert (claim.case.status, claim.case.outcome) == (workflow.DECIDED, "granted")
    assert claim.lines.count() == len(claim.children.get().proposal)
    assert all(line.granted for line in claim.lines.all())


def test_a_rejected_claim_pays_no_month_and_says_why():
    claim = ClaimFactory(rejected=True)

    assert (claim.case.status, claim.case.outcome) == (workflow.DECIDED, "rejected")
    assert claim.lines.exists()
    assert {(line.granted, line.reason_text) for line in claim.lines.all()} == {
        (False, REJECTION_REASON)
    }


def test_a_change_notice_is_recorded_as_a_claim_of_the_change_service():
    claim = ClaimFactory(
        change=True, answers={"change_kind": "other", "effective_on": "2026-10-01"}
    )

    assert claim.case.service.handler == "childbenefit.change"
    assert claim.case.status == workflow.SUBMITTED and claim.decided_at is None
