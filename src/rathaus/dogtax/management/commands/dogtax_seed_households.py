"""Generated households for demos and benchmarks: 1-3 dogs each, some exemptions, some SEPA
mandates, some districts. Bulk inserts (a few seconds for thousands); numbers come from the
register's counters, so seeded and real households never share an account or tag number.
Seeding writes no audit entries and no history: it is not an act of the tax office."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from schwifty import IBAN

from rathaus.core.fragments import changed
from rathaus.core.municipality import municipality
from rathaus.dogtax.form_sources import KEEPERS_TOPIC
from rathaus.dogtax.models import ACCOUNT_PREFIX, AccountCounter, Dog, Tag, TagCounter, TaxAccount
from rathaus.dogtax.services import statute_seed
from rathaus.eservices.models import Mandate
from rathaus.geodata.models import District

GIVEN = ["Anna", "Ben", "Clara", "David", "Elif", "Felix", "Greta", "Hannes", "Ida", "Jonas"]
FAMILY = ["Becker", "Schmidt", "Yilmaz", "Wagner", "Klein", "Johnson", "Weber", "Nowak"]
DOGS = ["Bello", "Luna", "Rex", "Nala", "Balu", "Frieda", "Max", "Emma", "Sammy", "Kira"]
BREEDS = ["Labrador", "Dackel", "Mischling", "Schäferhund", "Beagle", "Pudel", ""]
STREETS = ["Marktstraße", "Fackelstraße", "Pirmasenser Straße", "Mannheimer Straße"]
BANK_CODE = "54050220"  # any German bank code will do for generated IBANs


class Command(BaseCommand):
    help = "Create generated dog-tax households (1-3 dogs, some exemptions and mandates)."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=100)
        parser.add_argument("--seed", type=int, default=4)
        parser.add_argument("--year", type=int, default=None, help="the year to be assessed")

    @transaction.atomic
    def handle(self, *args, count, seed, year, **options):
        statute_seed()  # stored before anything reads it
        year = year or timezone.localdate().year
        rng = random.Random(seed)  # noqa: S311 - generated demo data
        districts = _districts()
        profile = municipality()
        accounts_from = _reserve(AccountCounter, count)
        accounts = TaxAccount.objects.bulk_create(
            [
                TaxAccount(
                    number=f"{ACCOUNT_PREFIX}-{accounts_from + n:06d}",
                    keeper_name=f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
                    street=f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
                    postal_code=profile.postal_code,
                    city=profile.city,
                    district=rng.choice(districts) if districts and rng.random() < 0.7 else "",
                )
                for n in range(count)
            ]
        )
        accounts = list(TaxAccount.objects.filter(number__in=[a.number for a in accounts]))
        mandates = []
        for account in accounts:
            if rng.random() < 0.3:
                account.sepa_mandate_reference = f"HUND-S{account.number[-6:]}"
                mandates.append(
                    Mandate(
                        reference=account.sepa_mandate_reference,
                        debtor_name=account.keeper_name,
                        iban=str(
                            IBAN.generate(
                                "DE", bank_code=BANK_CODE, account_code=str(account.pk + 1000)
                            )
                        ),
                        bic="",
                        signed_on=date(year - 1, 12, 1),
                    )
                )
        Mandate.objects.bulk_create(mandates, ignore_conflicts=True)
        TaxAccount.objects.bulk_update(accounts, ["sepa_mandate_reference"], batch_size=500)
        dogs = []
        for account in accounts:
            for _n in range(rng.choice((1, 1, 1, 2, 2, 3))):
                kept_since = date(year - rng.randint(0, 8), 1, 1) + timedelta(rng.randint(0, 364))
                dog = Dog(
                    account=account,
                    name=rng.choice(DOGS),
                    breed=rng.choice(BREEDS),
                    sex=rng.choice(("female", "male")),
                    born_on=kept_since - timedelta(days=rng.randint(60, 2000)),
                    kept_since=kept_since,
                )
                chance = rng.random()
                if chance < 0.05:
                    dog.exemption_code = "assistance"
                elif chance < 0.10 and kept_since.year >= year - 1:
                    dog.exemption_code = "shelter"
                elif chance < 0.15:
                    dog.given_up_on = max(
                        kept_since, date(year, rng.randint(1, 12), rng.randint(1, 28))
                    )
                    dog.given_up_reason = "died"
                    dog.deregistered_on = dog.given_up_on
                dogs.append(dog)
        Dog.objects.bulk_create(dogs, batch_size=1000)
        dogs = list(Dog.objects.filter(account__in=accounts).order_by("pk"))
        tags_from = _reserve(TagCounter, len(dogs))
        Tag.objects.bulk_create(
            [
                Tag(number=f"{tags_from + n:05d}", dog=dog, issued_on=dog.kept_since)
                for n, dog in enumerate(dogs)
            ],
            batch_size=1000,
        )
        changed(KEEPERS_TOPIC)  # bulk writes send no signals
        self.stdout.write(f"{len(accounts)} households with {len(dogs)} dogs created.")


def _reserve(counter_model, count: int) -> int:
    """The first of ``count`` numbers taken from the counter at once."""
    counter, _ = counter_model.objects.select_for_update().get_or_create(pk=1)
    first = counter.last + 1
    counter.last += count
    counter.save(update_fields=["last"])
    return first


def _districts() -> list[str]:
    return list(District.objects.values_list("name", flat=True))
