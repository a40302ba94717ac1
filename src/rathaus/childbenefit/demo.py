"""Demo data for child benefit (idempotent): the amounts of the defaults file, and Anna
Schmidt's decided application for two children, so the mailbox shows a Festsetzung and a
payment schedule and the Familienkasse a decided case."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from rathaus.childbenefit.services import amount_defaults_seed, claim_decide, claim_record
from rathaus.eservices.models import Service
from rathaus.eservices.services.drafts import draft_save_step, draft_start
from rathaus.eservices.services.submission import draft_submit

DEMO_CHILDREN = [
    {
        "first_name": "Lena",
        "family_name": "Schmidt",
        "born_on": "2016-05-03",
        "tax_id": "86095742719",
        "relationship": "own",
        "in_household": True,
        "adult": False,
    },
    {
        "first_name": "Jonas",
        "family_name": "Schmidt",
        "born_on": "2019-09-21",
        "tax_id": "47036892816",
        "relationship": "own",
        "in_household": True,
        "adult": False,
    },
]


def load(stdout=None) -> None:
    created = amount_defaults_seed(actor=None)
    decided = _demo_claim()
    if stdout:
        stdout.write(
            f"  childbenefit: {len(created)} amount rows added, "
            f"{'one' if decided else 'no'} application decided"
        )


def _demo_claim() -> bool:
    users = get_user_model().objects
    anna = users.filter(email="anna.schmidt@example.org").first()
    clerk = users.filter(email="clerk.family@example.org").first()
    service = Service.objects.filter(slug="kindergeld").first()
    if anna is None or clerk is None or service is None:
        return False
    if service.cases.filter(applicant=anna).exists():
        return False
    draft = draft_start(user=anna, service=service)
    answers = {
        "given_name": "Anna",
        "family_name": "Schmidt",
        "born_on": "1986-07-14",
        "tax_id": "36574261809",
        "address": {"street": "Marktstraße 12", "postal_code": "67655", "city": "Kaiserslautern"},
        "has_partner": False,
        "children": DEMO_CHILDREN,
        "iban": "DE89370400440532013000",
        "truthful": True,
    }
    draft_save_step(draft=draft, step_key="account", values=answers, next_step="review")
    case = draft_submit(draft=draft, user=anna)
    claim_decide(claim=claim_record(case=case), choices={}, actor=clerk)
    return True
