"""The decision page's cached fragments (ADR 0431): checks, schedule and each child's proposal
are cached by the claims' data version. A decision, a changed child or a replaced line shows at
once, another department never sees a cached claim, and every read writes its audit row."""

import pytest

from rathaus.childbenefit.models import ClaimChild
from rathaus.core.models import AuditEntry
from tests.childbenefit.applications import CHILD_TAX_IDS, child
from tests.childbenefit.factories import ClaimFactory
from tests.factories import OrgUnitFactory, StaffFactory, UserFactory, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(family_office):
    return ClaimFactory(
        applicant=UserFactory(),
        children=[
            child("Mia", "2015-04-01", CHILD_TAX_IDS[0]),
            child("Leo", "2012-02-10", CHILD_TAX_IDS[1]),
        ],
    ).case


def decide_url(case, prefix: str = "") -> str:
    return f"{prefix}/backoffice/childbenefit/cases/{case.reference}/decide/"


def shown(client, case, prefix: str = "") -> str:
    response = client.get(decide_url(case, prefix))
    assert response.status_code == 200
    return response.content.decode()


def test_a_decision_and_a_changed_child_show_at_once(client, family_clerk, case):
    sign_in(client, family_clerk)
    before = shown(client, case)
    assert "Kind 1: Mia Citizen" in before and 'name="child1-decision"' in before
    assert "Entschieden" not in before

    response = client.post(
        decide_url(case),
        {"expected": case.status, "child1-decision": "grant", "child2-decision": "grant"},
    )
    assert response.status_code == 302
    after = shown(client, case)
    assert "Entschieden" in after and 'name="child1-decision"' not in after
    assert "Kind 1: Mia Citizen" in after

    mia = ClaimChild.objects.get(claim__case=case, position=1)
    mia.first_name = "Amelie"
    mia.save()
    again = shown(client, case)
    assert "Kind 1: Amelie Citizen" in again and "Mia Citizen" not in again


def test_the_fragments_are_the_claims_own_and_in_the_pages_language(
    client, family_clerk, case, family_office
):
    other = ClaimFactory(
        applicant=UserFactory(), children=[child("Ida", "2019-07-23", CHILD_TAX_IDS[2])]
    ).case
    sign_in(client, family_clerk)

    assert "Kind 1: Mia Citizen" in shown(client, case)
    page = shown(client, other)
    assert "Kind 1: Ida Citizen" in page and "Mia" not in page and "Leo" not in page
    english = shown(client, case, "/en")
    assert "Child 1: Mia Citizen" in english and "Kind 1" not in english


def test_another_department_never_sees_a_cached_claim(client, family_clerk, case):
    sign_in(client, family_clerk)
    shown(client, case)
    outsider = StaffFactory(
        email="fremd@example.org", with_totp=True, unit=OrgUnitFactory(slug="ordnungsamt")
    )
    sign_in(client, outsider)

    response = client.get(decide_url(case))

    assert response.status_code == 403
    assert "Mia Citizen" not in response.content.decode()


def test_every_read_writes_its_audit_row_also_from_the_cache(client, family_clerk, case):
    sign_in(client, family_clerk)
    for _ in range(3):
        shown(client, case)

    assert AuditEntry.objects.filter(action="childbenefit.decision.read").count() == 3
