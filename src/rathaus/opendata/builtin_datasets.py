"""The city-wide datasets the opendata app declares itself: districts, places (geodata) and the
administrative units (organization).

Every other dataset is declared by the app that owns its data (participation, voting,
e-services: their `opendata.py`); see docs/opendata.md and ADR 0331.
"""

from __future__ import annotations

from rathaus.core.fragments import connect_topic
from rathaus.geodata.models import District, Place
from rathaus.geodata.selectors import data_changed_at, districts, places
from rathaus.geodata.services import DISTRICTS, PLACES
from rathaus.opendata.datasets import (
    CATALOGUE_TOPIC,
    GOVERNMENT,
    REGIONS,
    Dataset,
    layer_geojson,
    register_dataset,
    tabular,
)
from rathaus.organization.models import OrgUnit

DISTRICT_COLUMNS = ("number", "name", "area_km2", "point_lon", "point_lat")
PLACE_COLUMNS = ("id", "kind", "name_de", "name_en", "street", "postal_code", "city", "lon", "lat")
UNIT_COLUMNS = ("id", "name_de", "name_en", "kind", "part_of", "email", "phone")


def district_rows():
    for district in districts():
        area = district.area_km2
        yield (
            district.number,
            district.name,
            None if area is None else round(area, 3),
            district.point_lon,
            district.point_lat,
        )


def place_rows():
    for place in places():
        yield (
            place.slug,
            place.kind,
            place.name_de,
            place.name_en,
            place.street,
            place.postal_code,
            place.city,
            place.lon,
            place.lat,
        )


def unit_rows():
    for unit in OrgUnit.objects.select_related("parent").order_by("slug"):
        yield (
            unit.slug,
            unit.name_de,
            unit.name_en,
            unit.kind,
            unit.parent.slug if unit.parent else "",
            unit.email,
            unit.phone,
        )


DATASETS = [
    Dataset(
        id="districts",
        title_de="Ortsbezirke",
        title_en="Districts",
        description_de="Die Ortsbezirke der Stadt mit Nummer, Name, Fläche und Grenze.",
        description_en="The city's districts (Ortsbezirke) with number, name, area and boundary.",
        themes=(REGIONS,),
        keywords_de=("Ortsbezirke", "Stadtgliederung", "Geodaten"),
        keywords_en=("districts", "city structure", "geodata"),
        distributions=(
            *tabular(DISTRICT_COLUMNS, district_rows, ("point_lon", "point_lat")),
            layer_geojson("districts"),
        ),
        modified=lambda: data_changed_at(DISTRICTS),
        available=lambda: districts().exists(),
        order=10,
    ),
    Dataset(
        id="places",
        title_de="Orte der Verwaltung",
        title_en="Places of the administration",
        description_de="Rathaus, Bürgercenter und weitere Dienststellen mit Anschrift und Lage.",
        description_en="Town hall, citizens' service centre and other offices with address "
        "and location.",
        themes=(GOVERNMENT,),
        keywords_de=("Verwaltung", "Dienststellen", "Rathaus"),
        keywords_en=("administration", "offices", "town hall"),
        distributions=(
            *tabular(PLACE_COLUMNS, place_rows, ("lon", "lat")),
            layer_geojson("places"),
        ),
        modified=lambda: data_changed_at(PLACES),
        available=lambda: places().exists(),
        order=20,
    ),
    Dataset(
        id="administrative-units",
        title_de="Organisationseinheiten der Verwaltung",
        title_en="Administrative units",
        description_de="Die Referate und Abteilungen der Stadtverwaltung mit Kontaktdaten.",
        description_en="The departments and offices of the city administration with contacts.",
        themes=(GOVERNMENT,),
        keywords_de=("Verwaltung", "Organisation", "Zuständigkeit"),
        keywords_en=("administration", "organisation", "contacts"),
        distributions=tabular(UNIT_COLUMNS, unit_rows),
        available=lambda: OrgUnit.objects.exists(),
        order=30,
    ),
]


def register() -> None:
    for dataset in DATASETS:
        register_dataset(dataset)
    connect_topic(CATALOGUE_TOPIC, [District, Place, OrgUnit])
