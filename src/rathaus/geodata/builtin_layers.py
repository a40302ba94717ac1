"""The layers geodata brings itself: the districts and the places of the administration."""

from __future__ import annotations

import json

from django.utils.translation import gettext_lazy as _

from rathaus.geodata.layers import Column, Feature, Layer, register_layer
from rathaus.geodata.models import PlaceKind
from rathaus.geodata.selectors import data_version, districts, places
from rathaus.geodata.services import DISTRICTS, PLACES


def district_features() -> list[Feature]:
    features = []
    for district in districts():
        if district.boundary:
            geometry = json.loads(district.boundary)
        else:
            geometry = {"type": "Point", "coordinates": [district.point_lon, district.point_lat]}
        area = district.area_km2
        features.append(
            Feature(
                id=district.number,
                geometry=geometry,
                properties={
                    "number": district.number,
                    "name": district.name,
                    "area_km2": None if area is None else round(area, 3),
                },
                label=district.name,
            )
        )
    return features


def place_features() -> list[Feature]:
    return [
        Feature(
            id=place.slug,
            geometry={"type": "Point", "coordinates": [place.lon, place.lat]},
            properties={
                "name": place.name_de,
                "name_en": place.name_en,
                "kind": place.kind,
                "street": place.street,
                "postal_code": place.postal_code,
                "city": place.city,
                "website": place.website,
            },
            label=place.name,
            url=place.website,
        )
        for place in places()
    ]


def _kind_label(feature: Feature) -> str:
    kind = feature.properties.get("kind", "")
    return PlaceKind(kind).label if kind in PlaceKind.values else kind


def _address(feature: Feature) -> str:
    props = feature.properties
    return f"{props.get('street', '')}, {props.get('postal_code', '')} {props.get('city', '')}"


DISTRICTS_LAYER = Layer(
    id="districts",
    title_de="Ortsbezirke",
    title_en="Districts",
    description_de="Die Ortsbezirke der Stadt mit Nummer, Name, Grenze und Fläche.",
    description_en="The city's districts (Ortsbezirke) with number, name, boundary and area.",
    features=district_features,
    version=lambda: data_version(DISTRICTS),
    columns=(
        Column("number", _("Number"), numeric=True),
        Column("area_km2", _("Area in km²"), numeric=True),
    ),
    order=10,
)

PLACES_LAYER = Layer(
    id="places",
    title_de="Orte der Verwaltung",
    title_en="Places of the administration",
    description_de="Rathaus, Bürgercenter und weitere Dienststellen, die Sie besuchen können.",
    description_en="Town hall, citizens' service centre and other offices you can visit.",
    features=place_features,
    version=lambda: data_version(PLACES),
    columns=(
        Column("kind", _("Kind"), display=_kind_label),
        Column("street", _("Address"), display=_address),
    ),
    order=20,
)


def register() -> None:
    register_layer(DISTRICTS_LAYER)
    register_layer(PLACES_LAYER)
