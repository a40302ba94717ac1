"""Demo data of the dog tax: the statute, and Anna Schmidt's household with her dog Bella.

Anna's demo deregistration (loaded by the online services) names Bella's tag when the register
was empty before; loading twice changes nothing.
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
    if stdout:
        stdout.write(
            f"  dogtax: statute “{statute.name}” with {statute.rate_periods.count()} rate periods"
        )
