"""The dashboards and their charts: those with data now, and slots other domains connect.

Slots (no `rows` yet) are connected with `connect_chart(id, rows=...)`; see docs/opendata.md
for what each slot expects.
"""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext_lazy as _

from rathaus.geodata.selectors import boundaries_imported, district_at, districts, places
from rathaus.opendata.charts import (
    Chart,
    ChartColumn,
    Dashboard,
    register_chart,
    register_dashboard,
)

CITY = "city"
TOWN_HALL = "town-hall"
DISTRICT = ChartColumn("district", _("District"), numeric=False)
MONTH = ChartColumn("month", _("Month"), numeric=False)


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
    Chart(
        id="participation-by-district",
        title=_("Participation by district"),
        description=_(
            "Proposals for a place in the district and how often people supported them. Votes "
            "in polls are secret: nobody knows where the voters live, so they are not counted "
            "by district (see the participatory budget by district)."
        ),
        columns=(
            DISTRICT,
            ChartColumn("proposals", _("Proposals")),
            ChartColumn("supports", _("Supports")),
        ),
        kind="choropleth",
        dashboard=CITY,
        order=30,
    ),
    Chart(
        id="budget-by-district",
        title=_("Participatory budget by district"),
        description=_(
            "Money for the projects that residents chose in closed participatory budgets, by "
            "the district of the project."
        ),
        columns=(DISTRICT, ChartColumn("funded_eur", _("Funded"), decimals=0, unit="€")),
        kind="bar",
        dashboard=CITY,
        order=35,
    ),
    Chart(
        id="projects-by-status",
        title=_("Planned projects by status"),
        description=_("The projects of the Vorhabenliste, by their current status."),
        columns=(
            ChartColumn("status", _("Status"), numeric=False),
            ChartColumn("projects", _("Projects")),
        ),
        kind="bar",
        dashboard=CITY,
        order=40,
    ),
    Chart(
        id="projects-by-district",
        title=_("Planned projects by district"),
        description=_("The projects of the Vorhabenliste, by the district they are located in."),
        columns=(DISTRICT, ChartColumn("projects", _("Projects"))),
        kind="bar",
        dashboard=CITY,
        order=50,
    ),
    Chart(
        id="dogs-by-district",
        title=_("Dogs and dog tax by district"),
        description=_("Dogs registered for the dog tax, and the tax assessed for the year."),
        columns=(
            DISTRICT,
            ChartColumn("dogs", _("Dogs")),
            ChartColumn("dog_tax_eur", _("Dog tax"), decimals=2, unit="€"),
        ),
        kind="choropleth",
        dashboard=CITY,
        order=60,
    ),
    Chart(
        id="applications-by-month",
        title=_("Online applications by month"),
        description=_("Applications submitted online, all services together."),
        columns=(MONTH, ChartColumn("applications", _("Applications"))),
        kind="line",
        dashboard=TOWN_HALL,
        order=10,
    ),
    Chart(
        id="processing-time-by-month",
        title=_("Processing time by month"),
        description=_("Median days from submission to decision, for cases decided in the month."),
        columns=(MONTH, ChartColumn("median_days", _("Median days"), decimals=1)),
        kind="line",
        dashboard=TOWN_HALL,
        order=20,
    ),
    Chart(
        id="applications-by-service",
        title=_("Online applications by service"),
        description=_("Applications submitted online in the last twelve months, per service."),
        columns=(
            ChartColumn("service", _("Service"), numeric=False),
            ChartColumn("applications", _("Applications")),
        ),
        kind="bar",
        dashboard=TOWN_HALL,
        order=30,
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
