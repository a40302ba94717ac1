import pytest

from rathaus.childbenefit.models import BenefitClaim, DecisionLine
from rathaus.childbenefit.services import claim_decide
from tests.childbenefit.applications import CHILD_TAX_IDS, apply, child, kindergeld_service
from tests.childbenefit.factories import ClaimFactory
from tests.factories import UserFactory, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizen(db):
    return UserFactory(email="parent@example.org", display_name="Clara Citizen")


@pytest.fixture
def case(family_office, citizen):
    return ClaimFactory(
        applicant=citizen,
        children=[
            child("Mia", "2015-04-01", CHILD_TAX_IDS[0]),
            child("Leo", "2007-02-10", CHILD_TAX_IDS[1], period=("education", "2025-09-01", None)),
        ],
    ).case


def decide_url(case):
    return f"/backoffice/childbenefit/cases/{case.reference}/decide/"


def schedule_url(case):
    return f"/childbenefit/cases/{case.reference}/schedule/"


def test_the_case_page_leads_the_clerk_to_the_child_benefit_decision(client, family_clerk, case):
    sign_in(client, family_clerk)

    page = client.get(case.get_backoffice_url()).content.decode()

    assert decide_url(case) in page


def test_the_decision_page_shows_checks_and_the_proposal_per_child(client, family_clerk, case):
    sign_in(client, family_clerk)

    page = client.get(decide_url(case)).content.decode()

    assert "Alle Steuer-Identifikationsnummern sind gültig." in page
    assert "Kind 1: Mia Citizen" in page
    assert "Kind 2: Leo Citizen" in page
    assert "259,00 €" in page
    assert "bescheinigung.pdf" in page


@pytest.fixture
def unrecorded(family_office, citizen):
    """A submitted application whose claim processing has not recorded (yet)."""
    case = apply(
        kindergeld_service(family_office), citizen, [child("Mia", "2015-04-01", CHILD_TAX_IDS[0])]
    )
    BenefitClaim.objects.filter(case=case).delete()
    return case


def test_showing_the_decision_page_never_records_a_claim(client, family_clerk, unrecorded):
    sign_in(client, family_clerk)

    page = client.get(decide_url(unrecorded)).content.decode()

    assert "noch nicht erfasst" in page
    assert not BenefitClaim.objects.filter(case=unrecorded).exists()


def test_the_clerk_records_a_claim_that_processing_left_unrecorded(
    client, family_clerk, unrecorded
):
    sign_in(client, family_clerk)

    response = client.post(decide_url(unrecorded))

    assert response.status_code == 302
    assert response["Location"] == decide_url(unrecorded)
    assert BenefitClaim.objects.get(case=unrecorded).children.count() == 1


def test_a_rejection_needs_a_reason(client, family_clerk, case):
    sign_in(client, family_clerk)

    response = client.post(
        decide_url(case),
        {"expected": case.status, "child1-decision": "grant", "child2-decision": "reject"},
    )

    assert response.status_code == 400
    assert "Bitte geben Sie den Grund an" in response.content.decode()


def test_the_clerk_decides_and_the_citizen_sees_the_payment_schedule(
    client, family_clerk, case, citizen
):
    sign_in(client, family_clerk)
    response = client.post(
        decide_url(case),
        {
            "expected": case.status,
            "child1-decision": "grant",
            "child2-decision": "reject",
            "child2-reason": "Die Ausbildung ist nicht nachgewiesen.",
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == "decided"
    assert case.outcome == "partly_granted"
    assert DecisionLine.objects.filter(child__position=2, granted=True).count() == 0

    sign_in(client, citizen)
    mailbox = client.get(case.get_absolute_url()).content.decode()
    assert schedule_url(case) in mailbox
    page = client.get(schedule_url(case)).content.decode()
    assert "Mia Citizen" in page
    assert "Die Ausbildung ist nicht nachgewiesen." in page
    assert "Nachzahlung" in page


@pytest.fixture
def decided(case, family_clerk):
    claim_decide(claim=BenefitClaim.objects.get(case=case), choices={}, actor=family_clerk)
    return case


@pytest.mark.parametrize("person", ["tax_clerk", "administrator", "citizen"])
def test_nobody_outside_the_familienkasse_opens_the_decision_page(client, request, case, person):
    sign_in(client, request.getfixturevalue(person))

    assert client.get(decide_url(case)).status_code == 403
    assert client.post(decide_url(case), {"child1-decision": "grant"}).status_code == 403


def test_the_decision_page_sends_anonymous_visitors_to_sign_in(client, case):
    response = client.get(decide_url(case))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_other_citizens_get_404_for_the_payment_schedule(client, decided):
    sign_in(client, UserFactory())

    assert client.get(schedule_url(decided)).status_code == 404


def test_the_payment_schedule_is_404_before_the_decision(client, case, citizen):
    sign_in(client, citizen)

    assert client.get(schedule_url(case)).status_code == 404


def test_staff_get_404_for_unknown_references(client, family_clerk):
    sign_in(client, family_clerk)

    assert client.get("/backoffice/childbenefit/cases/KL-2026-999999/decide/").status_code == 404


def test_the_platform_administrator_does_not_open_the_decision_page(client, case):
    from tests.factories import platform_administrator

    sign_in(client, platform_administrator())

    assert client.get(decide_url(case)).status_code == 403
    assert client.get(case.get_backoffice_url()).status_code == 403


def test_the_clerks_read_of_a_decision_page_is_audited(client, family_clerk, case):
    from rathaus.core.models import AuditEntry

    sign_in(client, family_clerk)
    client.get(decide_url(case))

    entry = AuditEntry.objects.get(action="childbenefit.decision.read")
    assert entry.actor == family_clerk
    assert entry.target_id == str(case.pk)
