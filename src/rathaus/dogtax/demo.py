"""Demo data of the dog tax: the statute, Anna Schmidt's household with her dog Bella, and
Anna's online deregistration of Bella (decided automatically once the task worker runs, with a
corrected notice in her mailbox). Loading twice changes nothing.
"""

from __future__ import annotations

from datetime import date

from django.utils import timezone

from rathaus.accounts.models import User
from rathaus.dogtax.models import TaxNotice
from rathaus.dogtax.services import (
    account_for_keeper,
    dog_register,
    notice_record,
    statute_seed,
)
from rathaus.eservices.models import Service
from rathaus.eservices.services.drafts import draft_save_step, draft_start
from rathaus.eservices.services.submission import draft_submit


def load(stdout=None) -> None:
    statute = statute_seed()
    anna = User.objects.filter(email="anna.schmidt@example.org").first()
    if anna is not None:
        account = account_for_keeper(
            user=anna,
            name="Anna Schmidt",
            address={"street": "Marktstraße 12", "postal_code": "67655", "city": "Kaiserslautern"},
            district="Innenstadt",
        )
        dog_register(
            account=account,
            name="Bella",
            breed="Labrador",
            sex="female",
            born_on=date(2019, 3, 1),
            kept_since=date(2019, 6, 15),
            source="demo",
        )
        year = timezone.localdate().year
        if not TaxNotice.objects.filter(account=account, year=year).exists():
            notice_record(account=account, year=year, kind=TaxNotice.Kind.ANNUAL)
        _deregistration(anna)
    if stdout:
        stdout.write(
            f"  dogtax: statute “{statute.name}” with {statute.rate_periods.count()} rate periods"
        )


def _deregistration(anna) -> None:
    """Anna deregisters Bella online (the tag number is that of Bella, the first dog)."""
    service = Service.objects.filter(slug="hundesteuer-abmeldung").first()
    if service is None or service.cases.filter(applicant=anna).exists():
        return
    draft = draft_start(user=anna, service=service)
    answers = {
        "given_name": "Anna",
        "family_name": "Schmidt",
        "address": {"street": "Marktstraße 12", "postal_code": "67655", "city": "Kaiserslautern"},
        "tag_number": "00001",
        "reason": "died",
        "ended_on": (timezone.localdate().replace(day=1)).isoformat(),
    }
    draft_save_step(draft=draft, step_key="dog", values=answers, next_step="review")
    draft_submit(draft=draft, user=anna)
