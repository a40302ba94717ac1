"""Figures for the dashboards, from the dog register and the notices in force; never invented."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from rathaus.core.months import month_of_year
from rathaus.dogtax.models import Dog, TaxNotice
from rathaus.dogtax.register_records import rules_dog
from rathaus.dogtax.selectors.statute import current_statute
from rathaus.dogtax.taxrules.liability import liability_of
from rathaus.geodata.models import District


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
