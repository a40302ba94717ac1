"""The dashboards, and the city-wide charts the opendata app declares itself (from geodata).

Every other chart is declared by the app that owns its numbers (participation, voting, dog tax,
e-services: their `opendata.py`); see docs/opendata.md and ADR 0331.
"""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext_lazy as _

from rathaus.geodata.selectors import boundaries_imported, district_at, districts, places
from rathaus.opendata.charts import (
    CITY,
    DISTRICT,
    TOWN_HALL,
    Chart,
    ChartColumn,
    Dashboard,
    register_chart,
    register_dashboard,
)


def district_area_rows() -> list[tuple]:
    return [
        (district.name, round(district.area_km2, 2))
        for district in districts()
        if district.area_m2 is not None
    ]


def places_by_district_rows() -> list[tuple]:
    if not boundaries_imported():
        return []
    counts = Counter()
    for place in places():
        district = district_at(place.lon, place.lat)
        if district is not None:
            counts[district.name] += 1
    return [(district.name, counts[district.name]) for district in districts()]


CHARTS = [
    Chart(
        id="district-area",
        title=_("Area of the districts"),
        description=_("Measured from the imported district boundaries (ETRS89 / UTM 32N)."),
        columns=(DISTRICT, ChartColumn("area_km2", _("Area"), decimals=2, unit="km²")),
        rows=district_area_rows,
        kind="bar",
        dashboard=CITY,
        order=10,
    ),
    Chart(
        id="places-by-district",
        title=_("Places of the administration by district"),
        description=_("Town hall, citizens' service centre and other offices you can visit."),
        columns=(DISTRICT, ChartColumn("places", _("Places"))),
        rows=places_by_district_rows,
        kind="choropleth",
        dashboard=CITY,
        order=20,
    ),
]

DASHBOARDS = [
    Dashboard(
        id=CITY,
        title=_("The city in figures"),
        intro=_(
            "Districts, places, planned projects, participation and dogs: figures about the "
            "city, each as a chart, a table and a download."
        ),
        order=10,
    ),
    Dashboard(
        id=TOWN_HALL,
        title=_("The digital town hall in figures"),
        intro=_(
            "How many people apply online, for which services, and how long the processing "
            "takes: figures about the digital town hall, each as a chart, a table and a download."
        ),
        order=20,
    ),
]


def register() -> None:
    for dashboard in DASHBOARDS:
        register_dashboard(dashboard)
    for chart in CHARTS:
        register_chart(chart)
