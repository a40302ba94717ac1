"""Figures from the dog register: by year, by district, and the dashboard chart."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from rathaus.dogtax.selectors import (
    dogs_and_tax_by_district,
    figures_by_district,
    figures_by_year,
)
from rathaus.dogtax.services import (
    notice_record,
)
from rathaus.opendata.charts import get_chart
from tests.dogtax.factories import DogFactory, TaxAccountFactory

YEAR = timezone.localdate().year


def household(district: str, *dogs: date, given_up: date | None = None):
    account = TaxAccountFactory(name="Household", address={}, district=district)
    for number, kept_since in enumerate(dogs):
        DogFactory(
            account=account,
            name=f"Dog {number}",
            kept_since=kept_since,
            given_up_on=given_up if number == 0 else None,
        )
    notice_record(account=account, year=YEAR, kind="annual")
    return account


@pytest.fixture
def register(stored_statute):
    for _ in range(3):
        household("Innenstadt", date(YEAR - 2, 1, 1))
    household("Innenstadt", date(YEAR - 2, 1, 1), date(YEAR, 3, 3))
    household("Erfenbach", date(YEAR - 1, 6, 1), given_up=date(YEAR - 1, 12, 5))
    household("Erfenbach", date(YEAR, 1, 10))


def test_figures_by_year_count_liable_dogs_and_households(register):
    figures = {f.year: f for f in figures_by_year(first_year=YEAR - 5, last_year=YEAR)}

    assert sorted(figures) == [YEAR - 2, YEAR - 1, YEAR]  # years without dogs are left out
    assert (figures[YEAR - 2].dogs, figures[YEAR - 2].households) == (4, 4)
    assert (figures[YEAR - 1].dogs, figures[YEAR - 1].households) == (5, 5)
    assert (figures[YEAR].dogs, figures[YEAR].households) == (6, 5)
    assert figures[YEAR].tax_due == Decimal("120.00") * 4 + Decimal("126.00") + Decimal("110.00")
    assert figures[YEAR - 1].tax_due == Decimal("0.00")  # no notices recorded for that year


def test_figures_by_district(register):
    figures = {f.district: f for f in figures_by_district(year=YEAR)}

    assert figures["Innenstadt"].dogs == 5 and figures["Innenstadt"].households == 4
    assert figures["Erfenbach"].households == 1


def test_the_chart_leaves_districts_with_fewer_than_three_households_empty(register):
    rows = {name: rest for name, *rest in dogs_and_tax_by_district()}

    assert rows["Innenstadt"] == [5, Decimal("606.00")]
    assert rows["Erfenbach"] == [None, None]
    assert get_chart("dogs-by-district").data() == dogs_and_tax_by_district()
