from datetime import date, datetime

import pytest
from django.core import mail
from django.utils import timezone

from rathaus.childbenefit.models import AgeReminder, DecisionLine
from rathaus.childbenefit.services import age_reminders_send, claim_decide
from rathaus.core.schedule import jobs
from tests.childbenefit.applications import CHILD_TAX_IDS, child
from tests.childbenefit.factories import ClaimFactory, granted_then_training_finished
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def received(monkeypatch):
    moment = timezone.make_aware(datetime(2026, 11, 24, 10, 0))
    monkeypatch.setattr(timezone, "now", lambda: moment)
    return moment


def test_a_change_notice_leads_to_a_decision_that_replaces_the_later_months(family_clerk, received):
    _, claim = granted_then_training_finished(UserFactory(), family_clerk)
    assert claim.iban == "DE89370400440532013000"

    claim_decide(claim=claim, choices={}, actor=family_clerk)

    in_force = DecisionLine.objects.filter(child_tax_id=CHILD_TAX_IDS[1], in_force=True)
    assert sorted(in_force.filter(granted=True).values_list("month", flat=True)) == [
        "2026-05",
        "2026-06",
        "2026-07",
        "2026-08",
    ]
    assert set(in_force.filter(granted=False).values_list("reason", flat=True)) == {
        "no_qualifying_period"
    }
    assert DecisionLine.objects.filter(in_force=False).count() == 4
    claim.case.refresh_from_db()
    assert claim.case.outcome == "rejected"
    assert claim.case.notices.count() == 1


def test_a_child_who_moved_out_is_proposed_as_rejected_from_the_change(family_clerk, received):
    parent = UserFactory()
    ClaimFactory(
        applicant=parent,
        children=[child("Mia", "2015-04-01", CHILD_TAX_IDS[0])],
        clerk=family_clerk,
        granted=True,
    )

    change = ClaimFactory(
        change=True,
        applicant=parent,
        children=[child("Mia", "2015-04-01", CHILD_TAX_IDS[0], in_household=False)],
        answers={"change_kind": "moved_out", "effective_on": "2026-10-15"},
    )

    proposal = change.children.get().proposal
    assert [entry["month"] for entry in proposal] == ["2026-10", "2026-11", "2026-12"]
    assert {entry["reason"] for entry in proposal} == {"not_in_household"}


def test_the_reminder_before_18_is_sent_once_per_child_without_personal_data_in_the_mail(
    family_clerk, received
):
    case = ClaimFactory(
        children=[
            child("Mia", "2009-01-10", CHILD_TAX_IDS[0]),
            child("Ben", "2016-06-01", CHILD_TAX_IDS[1]),
        ],
        clerk=family_clerk,
        granted=True,
    ).case
    mail.outbox.clear()

    first = age_reminders_send(today=date(2026, 11, 24))
    second = age_reminders_send(today=date(2026, 11, 25))

    assert (first, second) == (1, 0)
    assert list(AgeReminder.objects.values_list("child_tax_id", flat=True)) == [CHILD_TAX_IDS[0]]
    message = case.messages.get()
    assert "Januar 2027" in message.body
    assert "Mia" not in message.body


def test_the_reminder_is_a_registered_daily_job():
    assert "childbenefit.age_reminders" in {job.name for job in jobs()}


def test_the_data_export_holds_claims_children_and_decisions(family_clerk, received):
    import io
    import json
    import zipfile

    from rathaus.accounts.privacy import personal_data_export

    parent = UserFactory()
    ClaimFactory(
        applicant=parent,
        children=[child("Mia", "2015-04-01", CHILD_TAX_IDS[0])],
        clerk=family_clerk,
        granted=True,
    )

    archive = zipfile.ZipFile(io.BytesIO(personal_data_export(user=parent)))
    data = json.loads(archive.read("data.json"))["childbenefit"]

    mia = data["claims"][0]["children"][0]
    assert mia["tax_id"] == CHILD_TAX_IDS[0]
    assert mia["decision"][0] == {
        "month": "2026-05",
        "granted": True,
        "amount": "259.00",
        "reason": "",
        "reason_text": "",
        "payable_on": "2026-11-29",
        "in_force": True,
    }
