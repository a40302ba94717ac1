"""A point decides the district once the boundaries are imported; else the choice stands."""

from decimal import Decimal

import pytest

from rathaus.participation.placing import Placement, place

pytestmark = pytest.mark.django_db

HOHENECKEN = (Decimal("49.408200"), Decimal("7.697200"))
MANNHEIM = (Decimal("49.487500"), Decimal("8.466000"))


def test_without_a_point_the_chosen_district_stands(imported_districts):
    assert place(latitude=None, longitude=None, chosen="Erfenbach") == Placement("Erfenbach")


@pytest.mark.usefixtures("imported_districts")
def test_a_point_in_the_city_gives_the_district_it_lies_in_whatever_was_chosen():
    latitude, longitude = HOHENECKEN

    assert place(latitude=latitude, longitude=longitude, chosen="Innenstadt") == Placement(
        "Hohenecken"
    )


@pytest.mark.usefixtures("imported_districts")
def test_a_point_outside_the_city_keeps_the_choice_and_says_so():
    latitude, longitude = MANNHEIM

    assert place(latitude=latitude, longitude=longitude, chosen="Erfenbach") == Placement(
        "Erfenbach", outside=True
    )


def test_before_the_boundaries_are_imported_the_choice_stands_and_nothing_is_outside():
    latitude, longitude = MANNHEIM

    assert place(latitude=latitude, longitude=longitude, chosen="") == Placement("")
