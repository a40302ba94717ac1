"""Demo data: the ten districts (names, numbers, a point inside each) and places to visit.

The district polygons are not part of the demo: `manage.py import_districts PATH_OR_URL`
brings them (see docs/geodata.md). `load_demo` imports them when the environment variable
DISTRICTS_FILE names such a file.
"""

from __future__ import annotations

import os

from rathaus.geodata.boundaries import parse_boundaries
from rathaus.geodata.management.commands.import_districts import read_source
from rathaus.geodata.models import PlaceKind
from rathaus.geodata.services import districts_replace, districts_seed, place_save

# Kaiserslautern's Ortsbezirke with the numbers of the city's boundary file and a point
# inside each (the Innenstadt's at the town hall).
DISTRICTS = [
    (0, "Innenstadt", 7.769, 49.444),
    (1, "Einsiedlerhof", 7.6717, 49.4341),
    (2, "Dansenberg", 7.7314, 49.4059),
    (3, "Siegelbach", 7.691, 49.4675),
    (4, "Erfenbach", 7.7151, 49.4806),
    (5, "Hohenecken", 7.6972, 49.4082),
    (6, "Morlautern", 7.7606, 49.4674),
    (7, "Erlenbach", 7.7792, 49.4795),
    (8, "Erzhütten / Wiesenthalerhof", 7.7217, 49.4615),
    (9, "Mölschbach", 7.8108, 49.3775),
]

# Places of the administration; coordinates are approximate (to about 50 m).
PLACES = [
    {
        "slug": "rathaus",
        "kind": PlaceKind.TOWN_HALL,
        "name_de": "Rathaus Kaiserslautern",
        "name_en": "Kaiserslautern Town Hall",
        "street": "Willy-Brandt-Platz 1",
        "postal_code": "67657",
        "city": "Kaiserslautern",
        "website": "https://www.kaiserslautern.de",
        "lon": 7.7694,
        "lat": 49.4436,
    },
    {
        "slug": "buergercenter",
        "kind": PlaceKind.CITIZENS_OFFICE,
        "name_de": "Bürgercenter im Rathaus",
        "name_en": "Citizens' Service Centre in the Town Hall",
        "street": "Willy-Brandt-Platz 1",
        "postal_code": "67657",
        "city": "Kaiserslautern",
        "website": "https://www.kaiserslautern.de",
        "lon": 7.7698,
        "lat": 49.4433,
    },
    {
        "slug": "rathaus-nord",
        "kind": PlaceKind.OFFICE,
        "name_de": "Rathaus Nord",
        "name_en": "Town Hall North",
        "street": "Lauterstraße 2",
        "postal_code": "67653",
        "city": "Kaiserslautern",
        "website": "https://www.kaiserslautern.de",
        "lon": 7.7683,
        "lat": 49.4456,
    },
    {
        # (confirm) address of the main library
        "slug": "stadtbibliothek",
        "kind": PlaceKind.LIBRARY,
        "name_de": "Stadtbibliothek",
        "name_en": "City Library",
        "street": "Steinstraße 48",
        "postal_code": "67657",
        "city": "Kaiserslautern",
        "website": "https://www.stadtbibliothek-kl.de",
        "lon": 7.766,
        "lat": 49.4445,
    },
    {
        # (confirm) address of the adult education centre
        "slug": "volkshochschule",
        "kind": PlaceKind.EDUCATION,
        "name_de": "Volkshochschule Kaiserslautern",
        "name_en": "Adult Education Centre",
        "street": "Kanalstraße 3",
        "postal_code": "67655",
        "city": "Kaiserslautern",
        "website": "https://www.vhs-kl.de",
        "lon": 7.762,
        "lat": 49.442,
    },
]


def load(stdout=None) -> None:
    created = districts_seed(districts=DISTRICTS)
    for place in PLACES:
        place_save(**place)
    source = os.environ.get("DISTRICTS_FILE", "").strip()
    if source:
        result = districts_replace(boundaries=parse_boundaries(read_source(source)), source=source)
        if stdout and result.changed:
            stdout.write(f"  geodata: district boundaries imported from {source}")
    if stdout:
        stdout.write(f"  geodata: {len(created)} districts created, {len(PLACES)} places")
