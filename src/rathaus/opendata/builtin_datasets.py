"""The datasets opendata declares: published now (districts, places, administrative units) and
slots the other domains connect (projects, proposals, comments, poll results, service
statistics). See docs/opendata.md for the columns each slot should publish.
"""

from __future__ import annotations

from rathaus.geodata.selectors import data_changed_at, districts, places
from rathaus.geodata.services import DISTRICTS, PLACES
from rathaus.opendata.datasets import (
    DATA_THEME,
    Dataset,
    layer_geojson,
    register_dataset,
    tabular,
)
from rathaus.organization.models import OrgUnit

GOVERNMENT = DATA_THEME + "GOVE"
REGIONS = DATA_THEME + "REGI"
SOCIETY = DATA_THEME + "SOCI"

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
    # Slots: connected by the participation, voting and e-services domains.
    Dataset(
        id="projects",
        title_de="Vorhabenliste",
        title_en="Planned projects (Vorhabenliste)",
        description_de="Die Vorhaben der Stadt mit Status, Zeitraum und Ortsbezirk.",
        description_en="The city's planned projects with status, period and district.",
        themes=(GOVERNMENT, REGIONS),
        keywords_de=("Vorhabenliste", "Bürgerbeteiligung", "Projekte"),
        keywords_en=("planned projects", "participation", "projects"),
        order=40,
    ),
    Dataset(
        id="proposals",
        title_de="Vorschläge aus der Bürgerbeteiligung",
        title_en="Proposals from citizen participation",
        description_de="Veröffentlichte Vorschläge mit Verfahren, Ortsbezirk und Unterstützungen, "
        "ohne personenbezogene Daten.",
        description_en="Published proposals with process, district and number of supporters, "
        "without personal data.",
        themes=(GOVERNMENT, SOCIETY),
        keywords_de=("Bürgerbeteiligung", "Vorschläge"),
        keywords_en=("participation", "proposals"),
        order=50,
    ),
    Dataset(
        id="comments",
        title_de="Kommentare aus der Bürgerbeteiligung",
        title_en="Comments from citizen participation",
        description_de="Veröffentlichte Kommentare zu Vorschlägen und Vorhaben, ohne "
        "personenbezogene Daten.",
        description_en="Published comments on proposals and projects, without personal data.",
        themes=(GOVERNMENT, SOCIETY),
        keywords_de=("Bürgerbeteiligung", "Kommentare"),
        keywords_en=("participation", "comments"),
        order=60,
    ),
    Dataset(
        id="poll-results",
        title_de="Ergebnisse von Abstimmungen",
        title_en="Poll results",
        description_de="Die Ergebnisse abgeschlossener Abstimmungen je Option.",
        description_en="The results of closed polls per option.",
        themes=(GOVERNMENT,),
        keywords_de=("Abstimmung", "Ergebnisse", "Bürgerhaushalt"),
        keywords_en=("poll", "results", "participatory budgeting"),
        order=70,
    ),
    Dataset(
        id="service-statistics",
        title_de="Statistik der Online-Dienste",
        title_en="Online service statistics",
        description_de="Anträge je Online-Dienst und Monat und die Bearbeitungsdauer.",
        description_en="Applications per online service and month, and processing times.",
        themes=(GOVERNMENT,),
        keywords_de=("Online-Dienste", "Verwaltungsdigitalisierung", "Statistik"),
        keywords_en=("online services", "digital administration", "statistics"),
        order=80,
    ),
]


def register() -> None:
    for dataset in DATASETS:
        register_dataset(dataset)
