"""Reads of the dog tax: the statute in force (as the pure value), its records, figures."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet

from rathaus.dogtax import taxrules
from rathaus.dogtax.models import (
    Dog,
    DogEvent,
    DogTaxStatute,
    RatePeriod,
    Tag,
    TaxAccount,
    TaxNotice,
)
from rathaus.dogtax.services import STATUTE_PK, statute_seed
from rathaus.dogtax.services.register import ACCOUNT_PREFIX
from rathaus.dogtax.statute_records import as_statute


def statute_record(*, newest_rates_first: bool = False) -> DogTaxStatute:
    """The stored statute with its rate periods, exemption kinds and due dates prefetched
    (four queries); seeded from the configured statute file at first use."""
    rates = RatePeriod.objects.order_by("-valid_from" if newest_rates_first else "valid_from")
    queryset = DogTaxStatute.objects.prefetch_related(
        Prefetch("rate_periods", queryset=rates), "exemption_kinds", "installment_dates"
    )
    record = queryset.filter(pk=STATUTE_PK).first()
    if record is None:
        statute_seed()
        record = queryset.get(pk=STATUTE_PK)
    return record


def exemption_names() -> dict[str, str]:
    """The name of each exemption kind in the active language, by its code."""
    return {kind.code: kind.name for kind in statute_record().exemption_kinds.all()}


def current_statute() -> taxrules.Statute:
    """The statute as the tax office keeps it, as the pure value ``taxrules.assess`` takes:
    ``taxrules.assess(statute=current_statute(), year=…, dogs=[…])``. Four queries."""
    return as_statute(statute_record())


# The dog register.


def household_search(*, query: str = "") -> QuerySet[TaxAccount]:
    """Households by keeper name, tax account number or (current or earlier) tax tag number,
    with the number of dogs still kept; ordered by account number."""
    accounts = TaxAccount.objects.annotate(
        kept=Count("dogs", filter=Q(dogs__given_up_on__isnull=True), distinct=True)
    )
    query = query.strip()
    if query:
        matches = Q(keeper_name__icontains=query) | Q(number__iexact=query)
        tag_numbers = {query}
        if query.isdigit() and int(query):
            tag_numbers.add(f"{int(query):05d}")
            matches |= Q(number=f"{ACCOUNT_PREFIX}-{int(query):06d}")
        matches |= Q(dogs__tags__number__in=tag_numbers)
        accounts = accounts.filter(matches).distinct()
    return accounts.order_by("number")


def household_detail(*, number: str) -> TaxAccount | None:
    """One household with dogs (and their tags), notices and history prefetched."""
    return (
        TaxAccount.objects.filter(number=number)
        .prefetch_related(
            Prefetch("dogs", queryset=Dog.objects.prefetch_related("tags").order_by("id")),
            Prefetch("notices", queryset=TaxNotice.objects.select_related("notice", "case")),
            Prefetch("events", queryset=DogEvent.objects.select_related("actor", "dog")),
        )
        .select_related("keeper")
        .first()
    )


def tag_lookup_find(*, number: str) -> Tag | None:
    """The tag with this number (``42`` finds ``00042``), with its dog and household."""
    number = number.strip()
    candidates = [number]
    if number.isdigit() and number.lstrip("0"):
        candidates.append(number.lstrip("0").zfill(5))
    return Tag.objects.select_related("dog__account").filter(number__in=candidates).first()


def keeper_account(user) -> TaxAccount | None:
    """The signed-in keeper's own household (None for anyone without one)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return TaxAccount.objects.filter(keeper=user).first()


def keeper_dogs(user, *, kept_only: bool = False) -> list[Dog]:
    """The keeper's own dogs with their tags, oldest first; `kept_only`: not given up."""
    account = keeper_account(user)
    if account is None:
        return []
    dogs = Dog.objects.filter(account=account).prefetch_related("tags").order_by("kept_since", "id")
    if kept_only:
        dogs = dogs.filter(given_up_on__isnull=True)
    return list(dogs)


@dataclass(frozen=True)
class KeeperDog:
    """One of the keeper's dogs as their account page shows it."""

    dog: Dog
    tag: Tag | None
    notices: list[TaxNotice]


def keeper_overview(user) -> tuple[TaxAccount | None, list[KeeperDog]]:
    """The keeper's household and each of its dogs with its tag and the notices naming it
    (newest first; each notice with the letter that carried it: a case notice or an annual
    letter in the mailbox)."""
    account = keeper_account(user)
    if account is None:
        return None, []
    notices = list(
        TaxNotice.objects.filter(account=account)
        .select_related("notice", "case", "assessment_item__letter")
        .order_by("-year", "-created_at", "-id")
    )
    overview = []
    for dog in keeper_dogs(user):
        tags = list(dog.tags.all())
        overview.append(
            KeeperDog(
                dog=dog,
                tag=dog.current_tag or (tags[-1] if tags else None),
                notices=[
                    notice
                    for notice in notices
                    if any(line.get("dog") == dog.pk for line in notice.dogs)
                ],
            )
        )
    return account, overview


# Figures for the dashboards, from the dog register and the notices in force; never invented.


@dataclass(frozen=True, kw_only=True)
class YearFigures:
    year: int
    dogs: int
    """Dogs liable to the tax in at least one month of the year."""
    households: int
    """Tax accounts (households) with at least one such dog."""
    tax_due: Decimal
    """The sum of the year's assessed tax, exemptions applied."""


@dataclass(frozen=True, kw_only=True)
class DistrictFigures(YearFigures):
    district: str
    """The district (Ortsbezirk) name of the household's address, as in the geodata app."""


SMALLEST_PUBLISHED = 3
"""Districts with fewer households than this are published without figures."""


def _liable_years(first_year: int, last_year: int):
    """(year, dog, account) for every dog liable in at least one month of each year."""
    from rathaus.core.months import month_of_year
    from rathaus.dogtax.services.register import rules_dog
    from rathaus.dogtax.taxrules.liability import liability_of

    late = current_statute().late_deregistration
    dogs = Dog.objects.select_related("account").only(
        "kept_since",
        "born_on",
        "given_up_on",
        "deregistered_on",
        "exemption_code",
        "exemption_from",
        "exemption_until",
        "dangerous",
        "account__district",
    )
    for dog in dogs.iterator():
        liability = liability_of(rules_dog(dog), late_deregistration=late)
        for year in range(first_year, last_year + 1):
            starts, ends = month_of_year(year, 1), month_of_year(year, 12)
            if liability.first <= ends and (liability.last is None or liability.last >= starts):
                yield year, dog


def _tax_due(years: range) -> dict[tuple[int, str], Decimal]:
    """The totals of the notices in force, per year and district of the household."""
    due: dict[tuple[int, str], Decimal] = {}
    rows = (
        TaxNotice.objects.filter(year__in=list(years), superseded_by__isnull=True)
        .values_list("year", "account__district", "total")
        .iterator()
    )
    for year, district, total in rows:
        due[(year, district)] = due.get((year, district), Decimal("0.00")) + total
    return due


def figures_by_year(*, first_year: int, last_year: int) -> list[YearFigures]:
    """Dogs, households and tax due for each year from ``first_year`` to ``last_year``, oldest
    first: dogs liable in at least one month of the year (by the pure rules, from the register),
    their households, and the totals of the notices in force for the year. Years without a
    liable dog are left out, not reported as zero."""
    dogs: dict[int, int] = {}
    households: dict[int, set[int]] = {}
    for year, dog in _liable_years(first_year, last_year):
        dogs[year] = dogs.get(year, 0) + 1
        households.setdefault(year, set()).add(dog.account_id)
    due = _tax_due(range(first_year, last_year + 1))
    return [
        YearFigures(
            year=year,
            dogs=dogs[year],
            households=len(households[year]),
            tax_due=sum((value for (y, _d), value in due.items() if y == year), Decimal("0.00")),
        )
        for year in sorted(dogs)
    ]


def figures_by_district(*, year: int) -> list[DistrictFigures]:
    """Dogs, households and tax due in ``year`` for each district (the district name of the
    household's address as the register holds it now), sorted by district. Households without
    a district are left out."""
    dogs: dict[str, int] = {}
    households: dict[str, set[int]] = {}
    for _year, dog in _liable_years(year, year):
        district = dog.account.district
        if not district:
            continue
        dogs[district] = dogs.get(district, 0) + 1
        households.setdefault(district, set()).add(dog.account_id)
    due = _tax_due(range(year, year + 1))
    return [
        DistrictFigures(
            year=year,
            district=district,
            dogs=dogs[district],
            households=len(households[district]),
            tax_due=due.get((year, district), Decimal("0.00")),
        )
        for district in sorted(dogs)
    ]


def dogs_and_tax_by_district() -> list[tuple[str, int | None, Decimal | None]]:
    """Rows of the ``dogs-by-district`` chart for the current year: (district name, dogs, tax),
    one row per district of the city (so that the map and its table show the same districts).
    A district with fewer than three households has empty cells; no dogs at all: no rows."""
    from django.utils import timezone

    from rathaus.geodata.models import District

    figures = {f.district: f for f in figures_by_district(year=timezone.localdate().year)}
    if not figures:
        return []
    names = list(District.objects.order_by("name").values_list("name", flat=True))
    rows = []
    for name in names or sorted(figures):
        found = figures.get(name)
        if found is None or found.households < SMALLEST_PUBLISHED:
            rows.append((name, None, None))
        else:
            rows.append((name, found.dogs, found.tax_due))
    return rows
