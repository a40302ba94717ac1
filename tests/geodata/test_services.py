"""Replacing districts, seeding them, saving places: idempotent, audited, versioned."""

import pytest

from rathaus.core.models import AuditEntry
from rathaus.geodata.boundaries import parse_boundaries
from rathaus.geodata.models import District, Place
from rathaus.geodata.selectors import data_version
from rathaus.geodata.services import districts_replace, districts_seed, place_save
from tests.geodata.conftest import feature_collection, polygon_feature, square

pytestmark = pytest.mark.django_db


def boundaries(*entries):
    return parse_boundaries(
        feature_collection(
            *(
                polygon_feature({"Name": name, "ID": number}, square(7.70 + number * 0.02, 49.4))
                for number, name in entries
            )
        )
    )


def test_importing_the_shared_file_gives_ten_districts_with_areas(shared_districts_text):
    result = districts_replace(boundaries=parse_boundaries(shared_districts_text), source="file")

    assert len(result.created) == 10
    assert District.objects.count() == 10
    assert District.objects.get(number=0).name == "Innenstadt"
    assert all(district.boundary and district.area_m2 > 0 for district in District.objects.all())


def test_importing_the_same_file_twice_changes_nothing_and_audits_once(shared_districts_text):
    parsed = parse_boundaries(shared_districts_text)
    districts_replace(boundaries=parsed, source="file")
    version = data_version("districts")
    ids = dict(District.objects.values_list("number", "pk"))

    again = districts_replace(boundaries=parsed, source="file")

    assert not again.changed and len(again.unchanged) == 10
    assert dict(District.objects.values_list("number", "pk")) == ids
    assert data_version("districts") == version
    assert AuditEntry.objects.filter(action="districts.replace").count() == 1


def test_a_replacement_keeps_ids_by_number_deletes_the_missing_and_swaps_names():
    districts_replace(boundaries=boundaries((1, "Nord"), (2, "Süd"), (3, "West")), source="a")
    ids = dict(District.objects.values_list("number", "pk"))

    result = districts_replace(boundaries=boundaries((1, "Süd"), (2, "Nord")), source="b")

    assert dict(District.objects.values_list("number", "name")) == {1: "Süd", 2: "Nord"}
    assert District.objects.get(number=1).pk == ids[1]
    assert result.deleted == ["West"]
    assert sorted(result.updated) == ["Nord", "Süd"]


def test_the_replacement_is_audited_with_before_after_and_source():
    districts_seed(districts=[(1, "Nord", 7.7, 49.4)])

    districts_replace(boundaries=boundaries((1, "Nord")), source="https://example.org/b.json")

    entry = AuditEntry.objects.get(action="districts.replace")
    assert entry.before["districts"][0]["has_boundary"] is False
    assert entry.after["districts"][0]["has_boundary"] is True
    assert entry.after["source"] == "https://example.org/b.json"


def test_seeding_adds_missing_districts_and_leaves_imported_ones_alone():
    districts_replace(boundaries=boundaries((1, "Nord")), source="file")
    boundary = District.objects.get(number=1).boundary

    created = districts_seed(districts=[(1, "Anders", 7.0, 49.0), (2, "Süd", 7.8, 49.4)])

    assert created == ["Süd"]
    assert District.objects.get(number=1).boundary == boundary
    assert District.objects.get(number=1).name == "Nord"


def test_saving_a_place_audits_changes_only_and_moves_the_version():
    values = {
        "kind": "library",
        "name_de": "Bibliothek",
        "name_en": "Library",
        "street": "Weg 1",
        "postal_code": "67655",
        "city": "Kaiserslautern",
        "website": "",
        "lon": 7.76,
        "lat": 49.44,
    }
    place_save(slug="bib", **values)
    version = data_version("places")

    place_save(slug="bib", **values)
    place_save(slug="bib", **{**values, "street": "Weg 2"})

    assert Place.objects.get(slug="bib").street == "Weg 2"
    assert list(
        AuditEntry.objects.filter(target_id=str(Place.objects.get().pk))
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["place.create", "place.update"]
    assert data_version("places") != version


def test_saving_a_place_refuses_unknown_fields():
    with pytest.raises(TypeError):
        place_save(slug="x", colour="red")
