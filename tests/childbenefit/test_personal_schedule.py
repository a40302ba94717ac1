"""The payment schedule and the case page's link to it are kept per person (ADR 0421): a
decision or a change of the claim shows at once, and nobody else ever sees them."""

from datetime import datetime

import pytest
from django.utils import timezone

from rathaus.childbenefit.models import BenefitClaim, ClaimChild
from rathaus.childbenefit.services import claim_decide
from tests.childbenefit.applications import CHILD_TAX_IDS, child
from tests.childbenefit.factories import ClaimFactory, granted_then_training_finished
from tests.factories import UserFactory, sign_in
from tests.pages import SOMEONE_ELSE

pytestmark = pytest.mark.django_db


@pytest.fixture
def parent(db):
    return UserFactory(email="parent@example.org")


@pytest.fixture
def case(family_office, parent):
    return ClaimFactory(
        applicant=parent, children=[child("Mia", "2015-04-01", CHILD_TAX_IDS[0])]
    ).case


def schedule_url(case):
    return f"/childbenefit/cases/{case.reference}/schedule/"


def test_the_decision_shows_on_the_kept_case_page_and_schedule_at_once(
    client, case, parent, family_clerk
):
    sign_in(client, parent)
    assert schedule_url(case) not in client.get(case.get_absolute_url()).content.decode()
    assert client.get(schedule_url(case)).status_code == 404

    claim_decide(claim=BenefitClaim.objects.get(case=case), choices={}, actor=family_clerk)

    assert schedule_url(case) in client.get(case.get_absolute_url()).content.decode()
    assert "Mia Citizen" in client.get(schedule_url(case)).content.decode()


def test_a_change_of_the_claim_shows_on_the_kept_schedule_at_once(
    client, case, parent, family_clerk
):
    claim_decide(claim=BenefitClaim.objects.get(case=case), choices={}, actor=family_clerk)
    sign_in(client, parent)
    assert "Mia Citizen" in client.get(schedule_url(case)).content.decode()

    mia = ClaimChild.objects.get(claim__case=case)
    mia.first_name = "Maria"
    mia.save()

    page = client.get(schedule_url(case)).content.decode()
    assert "Maria Citizen" in page and "Mia Citizen" not in page


@pytest.mark.parametrize("someone_else", SOMEONE_ELSE)
def test_nobody_else_gets_the_kept_schedule(
    client, case, parent, family_clerk, someone_else, request
):
    claim_decide(claim=BenefitClaim.objects.get(case=case), choices={}, actor=family_clerk)
    sign_in(client, parent)
    assert client.get(schedule_url(case)).status_code == 200
    assert client.get("/en" + schedule_url(case)).status_code == 200

    sign_in(client, someone_else(request))

    assert client.get(schedule_url(case)).status_code == 404
    assert client.get("/en" + schedule_url(case)).status_code == 404


def test_a_later_decision_shows_on_the_kept_schedule_of_the_earlier_one(
    client, family_clerk, parent, monkeypatch
):
    # The day of tests/childbenefit/test_changes_and_reminders.py: the change replaces months.
    moment = timezone.make_aware(datetime(2026, 11, 24, 10, 0))
    monkeypatch.setattr(timezone, "now", lambda: moment)
    first, change = granted_then_training_finished(parent, family_clerk)
    sign_in(client, parent)
    url = "/en" + schedule_url(first.case)
    assert "replaced by a later decision" not in client.get(url).content.decode()

    claim_decide(claim=change, choices={}, actor=family_clerk)

    assert "replaced by a later decision" in client.get(url).content.decode()
