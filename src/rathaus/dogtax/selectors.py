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


# Figures for the dashboards. They need the dog register, which comes with the registration
# services; until then they are declared here and refuse to answer rather than invent numbers.


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
    """The district (Ortsbezirk) key of the household's address, as in the geodata app."""


def figures_by_year(*, first_year: int, last_year: int) -> list[YearFigures]:
    """Dogs, households and tax due for each year from ``first_year`` to ``last_year``, oldest
    first, counted from the dog register and the assessed notices (years without data are left
    out, not reported as zero).

    Not available yet: the dog register arrives with the registration services.
    """
    raise NotImplementedError("the dog register does not exist yet")


def figures_by_district(*, year: int) -> list[DistrictFigures]:
    """Dogs, households and tax due in ``year`` for each district, by the household's address
    on 31 December of the year (or at deregistration), sorted by district key.

    Not available yet: the dog register arrives with the registration services.
    """
    raise NotImplementedError("the dog register does not exist yet")
