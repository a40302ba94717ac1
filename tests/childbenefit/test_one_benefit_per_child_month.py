"""One child benefit per child and month, across every claim and person (issue 14).

The reproducer: Anna receives child benefit for Lena (Steuer-ID 86095742719) for June to
December; she applied again, the checks passed, the Familienkasse granted, and June to December
(1,813 EUR) was scheduled a second time.
"""

from collections import Counter
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.db.models import Sum
from django.utils import timezone, translation

from rathaus.childbenefit.models import BenefitClaim, DecisionLine
from rathaus.childbenefit.selectors import claim_schedule
from rathaus.childbenefit.services import GrantConflict, claim_decide
from rathaus.eservices.outcomes import outcome_text
from tests.childbenefit.applications import child, kindergeld_service
from tests.childbenefit.factories import ClaimFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LENA = "86095742719"
JUNE_TO_DECEMBER = [f"2026-{month:02d}" for month in range(6, 13)]


@pytest.fixture
def clock(monkeypatch):
    """Set the day; the application of 5 December 2026 reaches back to June."""

    def set_day(day: date):
        moment = timezone.make_aware(datetime(day.year, day.month, day.day, 10, 0))
        monkeypatch.setattr(timezone, "now", lambda: moment)

    set_day(date(2026, 12, 5))
    return set_day


@pytest.fixture
def service(family_office):
    return kindergeld_service(family_office)


@pytest.fixture
def anna(db):
    return UserFactory(email="anna@example.org", language="de")


def lena(**extra):
    return child("Lena", "2015-04-01", LENA, **extra)


def change_decided(user, clerk, kind: str, effective_on: str) -> BenefitClaim:
    """The recipient reports a change for Lena (moved out: no longer in the household),
    granted as proposed."""
    return ClaimFactory(
        change=True,
        applicant=user,
        children=[lena(in_household=kind != "moved_out")],
        answers={"change_kind": kind, "effective_on": effective_on},
        clerk=clerk,
        granted=True,
    )


def paid_months(tax_id=LENA) -> dict[str, int]:
    """Per month how many payments the decisions make: granted lines in force, and granted
    lines paid before a later decision replaced them; a line carrying a payment over is the
    payment it replaces."""
    today = timezone.localdate()
    payments = set()
    for line in DecisionLine.objects.filter(child_tax_id=tax_id, granted=True):
        if line.in_force or line.payable_on <= today:
            origin = line
            while origin.replaces_id is not None:
                origin = origin.replaces
            payments.add((line.month, origin.pk))
    return dict(Counter(month for month, _origin in sorted(payments)))


def as_if_proposed_before(claim):
    """The proposal a second claim would have had before the first one was decided."""
    claim.children.update(
        proposal=[{"month": month, "amount": "259.00", "reason": ""} for month in JUNE_TO_DECEMBER]
    )


def test_same_parent_twice_is_recognised_and_never_scheduled_again(
    service, anna, family_clerk, clock
):
    first = ClaimFactory(
        service=service, applicant=anna, children=[lena()], clerk=family_clerk, granted=True
    )
    assert claim_schedule(first)["total"] == Decimal("1813.00")

    second = ClaimFactory(service=service, applicant=anna, children=[lena()])

    assert {
        "code": "already_granted",
        "ok": False,
        "child": 1,
        "params": {"from": "2026-06", "to": "2026-12", "references": [first.case.reference]},
    } in second.checks
    assert {entry["reason"] for entry in second.children.get().proposal} == {"already_granted"}
    message = second.case.messages.get()
    assert "bereits Kindergeld" in message.body and "Änderung" in message.body
    assert first.case.reference in message.body

    claim_decide(claim=second, choices={}, actor=family_clerk)

    second.case.refresh_from_db()
    assert second.case.outcome == "rejected"
    assert paid_months() == dict.fromkeys(JUNE_TO_DECEMBER, 1)
    assert DecisionLine.objects.filter(claim=first, in_force=True, granted=True).count() == 7
    schedule = claim_schedule(second)
    assert schedule["total"] == 0 and schedule["arrears"] == 0 and schedule["monthly"] == []
    assert {row["reason"] for row in schedule["children"][0]["rows"]} == {
        "Für dieses Kind und diesen Monat erhalten Sie bereits Kindergeld. Bitte melden Sie "
        "eine Änderung, statt erneut einen Antrag zu stellen."
    }


def test_the_service_refuses_to_grant_the_same_parent_a_month_twice(
    service, anna, family_clerk, clock
):
    second = ClaimFactory(service=service, applicant=anna, children=[lena()])
    first = ClaimFactory(
        service=service, applicant=anna, children=[lena()], clerk=family_clerk, granted=True
    )
    as_if_proposed_before(second)

    with pytest.raises(GrantConflict) as conflict:
        claim_decide(claim=second, choices={}, actor=family_clerk)

    assert conflict.value.months == JUNE_TO_DECEMBER
    assert DecisionLine.objects.filter(claim=second).count() == 0
    assert DecisionLine.objects.filter(claim=first, in_force=True).count() == 7
    assert paid_months() == dict.fromkeys(JUNE_TO_DECEMBER, 1)


def test_an_english_applicant_is_told_in_english(service, family_clerk, clock):
    john = UserFactory(email="john@example.org", language="en")
    first = ClaimFactory(
        service=service, applicant=john, children=[lena()], clerk=family_clerk, granted=True
    )
    first.case.refresh_from_db()
    with translation.override("en"):
        assert outcome_text(first.case) == (
            "granted – Child benefit for 7 months (June 2026 – December 2026): €1,813.00"
        )

    second = ClaimFactory(service=service, applicant=john, children=[lena()])

    body = second.case.messages.get().body
    assert "You are already receiving child benefit" in body
    assert "June 2026 to December 2026" in body and "report a change instead" in body


def test_the_other_parent_is_refused_the_months_already_paid(service, anna, family_clerk, clock):
    ClaimFactory(
        service=service, applicant=anna, children=[lena()], clerk=family_clerk, granted=True
    )
    father = UserFactory(email="father@example.org")

    other = ClaimFactory(service=service, applicant=father, children=[lena()])
    assert {entry["reason"] for entry in other.children.get().proposal} == {"paid_to_other"}
    claim_decide(claim=other, choices={}, actor=family_clerk)

    assert paid_months() == dict.fromkeys(JUNE_TO_DECEMBER, 1)
    tampered = ClaimFactory(service=service, applicant=father, children=[lena()])
    as_if_proposed_before(tampered)
    with pytest.raises(GrantConflict):
        claim_decide(claim=tampered, choices={}, actor=family_clerk)


def test_a_change_of_recipient_pays_each_month_to_one_parent(service, anna, family_clerk, clock):
    ClaimFactory(
        service=service, applicant=anna, children=[lena()], clerk=family_clerk, granted=True
    )
    change_decided(anna, family_clerk, "moved_out", "2026-12-01")
    father = UserFactory(email="father@example.org")

    claim = ClaimFactory(service=service, applicant=father, children=[lena()])
    claim_decide(claim=claim, choices={}, actor=family_clerk)

    claim.case.refresh_from_db()
    assert claim.case.outcome == "partly_granted"
    in_force = DecisionLine.objects.filter(child_tax_id=LENA, granted=True, in_force=True)
    assert dict(in_force.values_list("month", "recipient__email")) == {
        **dict.fromkeys(JUNE_TO_DECEMBER[:-1], "anna@example.org"),
        "2026-12": "father@example.org",
    }
    assert paid_months() == dict.fromkeys(JUNE_TO_DECEMBER, 1)


def test_a_backdated_second_application_never_repays_months_already_paid(
    service, anna, family_clerk, clock
):
    ClaimFactory(
        service=service, applicant=anna, children=[lena()], clerk=family_clerk, granted=True
    )  # arrears paid on 10 December
    clock(date(2026, 12, 20))
    change_decided(anna, family_clerk, "moved_out", "2026-09-01")
    father = UserFactory(email="father@example.org")

    backdated = ClaimFactory(
        service=service, applicant=father, children=[lena()]
    )  # reaches back to June

    proposal = backdated.children.get().proposal
    assert [entry["month"] for entry in proposal] == JUNE_TO_DECEMBER
    assert {entry["reason"] for entry in proposal} == {"paid_to_other"}
    as_if_proposed_before(backdated)
    with pytest.raises(GrantConflict) as conflict:
        claim_decide(claim=backdated, choices={}, actor=family_clerk)
    assert conflict.value.months == JUNE_TO_DECEMBER
    assert paid_months() == dict.fromkeys(JUNE_TO_DECEMBER, 1)


def test_a_change_notice_of_the_recipient_carries_the_payment_over(
    service, anna, family_clerk, clock
):
    first = ClaimFactory(
        service=service, applicant=anna, children=[lena()], clerk=family_clerk, granted=True
    )
    claim = change_decided(anna, family_clerk, "other", "2026-10-01")

    replacing = DecisionLine.objects.filter(claim=claim, granted=True)
    assert [line.month for line in replacing] == ["2026-10", "2026-11", "2026-12"]
    for line in replacing:
        earlier = DecisionLine.objects.get(claim=first, month=line.month)
        assert line.replaces == earlier and line.payable_on == earlier.payable_on
        assert not earlier.in_force
    schedule = claim_schedule(claim)
    assert schedule["arrears"] == 0 and schedule["monthly"] == []
    assert paid_months() == dict.fromkeys(JUNE_TO_DECEMBER, 1)
    total = DecisionLine.objects.filter(child_tax_id=LENA, granted=True, in_force=True)
    assert total.aggregate(sum=Sum("amount"))["sum"] == Decimal("1813.00")
