"""Which district a point lies in, from the per-process index, fresh after every import."""

import pytest

from rathaus.geodata.boundaries import parse_boundaries
from rathaus.geodata.selectors import boundaries_imported, district_at
from rathaus.geodata.services import districts_replace, districts_seed
from tests.geodata.conftest import (
    HOHENECKEN,
    MANNHEIM,
    MOELSCHBACH,
    TOWN_HALL,
    feature_collection,
    polygon_feature,
    square,
)

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("imported_districts")
@pytest.mark.parametrize(
    ("point", "name"),
    [(TOWN_HALL, "Innenstadt"), (HOHENECKEN, "Hohenecken"), (MOELSCHBACH, "Mölschbach")],
)
def test_points_are_placed_in_their_district(point, name):
    assert district_at(*point).name == name


@pytest.mark.usefixtures("imported_districts")
def test_a_point_outside_the_city_is_in_no_district():
    assert district_at(*MANNHEIM) is None


def test_before_the_import_no_point_can_be_placed():
    districts_seed(districts=[(0, "Innenstadt", *TOWN_HALL)])

    assert district_at(*TOWN_HALL) is None
    assert not boundaries_imported()


@pytest.mark.usefixtures("imported_districts")
def test_a_new_import_is_seen_at_the_next_lookup(django_assert_max_num_queries):
    assert district_at(*TOWN_HALL).name == "Innenstadt"
    districts_replace(
        boundaries=parse_boundaries(
            feature_collection(polygon_feature({"Name": "Mitte", "ID": 0}, square(7.76, 49.44)))
        ),
        source="test",
    )

    assert district_at(*TOWN_HALL).name == "Mitte"
    with django_assert_max_num_queries(1):
        district_at(*TOWN_HALL)


def test_a_point_on_a_shared_border_belongs_to_the_lower_number():
    districts_replace(
        boundaries=parse_boundaries(
            feature_collection(
                polygon_feature({"Name": "West", "ID": 2}, square(7.70, 49.40)),
                polygon_feature({"Name": "Ost", "ID": 1}, square(7.71, 49.40)),
            )
        ),
        source="test",
    )

    assert district_at(7.71, 49.405).name == "Ost"
