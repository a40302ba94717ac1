"""Reading and checking district files: the shared file, the city's shape, and bad files."""

import json

import pytest

from rathaus.geodata.boundaries import BoundaryFileError, area_m2, parse_boundaries
from tests.geodata.conftest import feature_collection, polygon_feature, square


def test_the_shared_file_gives_the_ten_districts_in_two_dimensions(shared_districts_text):
    boundaries = parse_boundaries(shared_districts_text)

    assert [b.number for b in boundaries] == list(range(10))
    assert {b.name for b in boundaries} >= {
        "Innenstadt",
        "Mölschbach",
        "Erzhütten / Wiesenthalerhof",
    }
    assert all(b.geometry.is_valid and not b.geometry.has_z for b in boundaries)
    assert '"coordinates":[[[' in boundaries[0].geojson
    assert ",0.0]" not in boundaries[0].geojson


def test_areas_are_measured_in_utm_and_add_up_to_the_city(shared_districts_text):
    boundaries = parse_boundaries(shared_districts_text)

    total_km2 = sum(b.area_m2 for b in boundaries) / 1e6
    innenstadt = next(b for b in boundaries if b.name == "Innenstadt")

    assert total_km2 == pytest.approx(139.6, abs=0.2)
    assert innenstadt.area_m2 / 1e6 == pytest.approx(72.28, abs=0.05)


def test_a_one_degree_square_at_the_equator_measures_about_12300_km2():
    from shapely.geometry import Polygon

    assert area_m2(Polygon(square(9.0, 0.0, 1.0)[0])) / 1e6 == pytest.approx(12_300, rel=0.01)


def test_the_citys_own_property_names_and_string_numbers_are_understood():
    text = feature_collection(
        polygon_feature({"Bezirk": "Nord", "Nummer": "01"}, square(7.70, 49.40)),
        polygon_feature({"Bezirk": "Süd", "Nummer": 2}, square(7.72, 49.40)),
    )

    boundaries = parse_boundaries(text)

    assert [(b.number, b.name) for b in boundaries] == [(1, "Nord"), (2, "Süd")]


def test_the_representative_point_lies_inside_the_district(shared_districts_text):
    from shapely.geometry import Point

    for boundary in parse_boundaries(shared_districts_text):
        assert boundary.geometry.covers(Point(*boundary.representative_point))


def test_a_multipolygon_district_is_accepted():
    text = feature_collection(
        polygon_feature(
            {"Name": "Zwei Teile", "ID": 1},
            [square(7.70, 49.40), square(7.75, 49.40)],
            kind="MultiPolygon",
        )
    )

    assert parse_boundaries(text)[0].geometry.geom_type == "MultiPolygon"


def problems_of(text: str) -> list[str]:
    with pytest.raises(BoundaryFileError) as raised:
        parse_boundaries(text)
    return raised.value.problems


def test_text_that_is_not_json_is_refused():
    assert "not valid JSON" in problems_of("{nope")[0]


def test_json_that_is_not_a_feature_collection_is_refused():
    assert problems_of(json.dumps({"type": "Feature"})) == [
        "The file is not a GeoJSON FeatureCollection."
    ]


def test_a_self_intersecting_polygon_is_named_with_the_reason():
    bowtie = [[[7.70, 49.40], [7.71, 49.41], [7.71, 49.40], [7.70, 49.41], [7.70, 49.40]]]
    text = feature_collection(polygon_feature({"Name": "Schleife", "ID": 1}, bowtie))

    (problem,) = problems_of(text)

    assert "Feature 1 (Schleife) is not a valid polygon" in problem
    assert "Self-intersection" in problem


def test_projected_coordinates_are_recognised():
    utm = [[[410000, 5477000], [411000, 5477000], [411000, 5478000], [410000, 5477000]]]
    text = feature_collection(polygon_feature({"Name": "UTM", "ID": 1}, utm))

    (problem,) = problems_of(text)

    assert "EPSG:25832" in problem and "WGS84" in problem


def test_a_declared_projected_crs_is_refused():
    text = feature_collection(
        polygon_feature({"Name": "A", "ID": 1}, square(7.7, 49.4)),
        crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}},
    )

    assert any("EPSG::25832" in problem for problem in problems_of(text))


def test_duplicate_names_and_numbers_and_missing_properties_are_all_reported_at_once():
    text = feature_collection(
        polygon_feature({"Name": "A", "ID": 1}, square(7.70, 49.40)),
        polygon_feature({"Name": "A", "ID": 1}, square(7.72, 49.40)),
        polygon_feature({"Name": "", "ID": "x"}, square(7.74, 49.40)),
        polygon_feature({"Einwohner": 5}, square(7.76, 49.40)),
        {
            "type": "Feature",
            "properties": {"Name": "Punkt", "ID": 9},
            "geometry": {"type": "Point", "coordinates": [7.7, 49.4]},
        },
    )

    problems = problems_of(text)

    assert "The name 'A' occurs more than once." in problems
    assert "The number 1 occurs more than once." in problems
    assert "Feature 3 has no name in the property Name." in problems
    assert any("Feature 3 has the number 'x'" in problem for problem in problems)
    assert any("Feature 4 has neither of the properties" in problem for problem in problems)
    assert any("Feature 5 (Punkt) has the geometry 'Point'" in problem for problem in problems)


def test_an_empty_collection_is_refused():
    assert problems_of(feature_collection()) == ["The file contains no features."]
