"""The participation platform in the open-data app: its dashboard figures and its datasets.

`register()` (called from the AppConfig) declares the charts `participation-by-district`,
`projects-by-status`, `projects-by-district` and the datasets `projects`, `proposals`,
`comments`. The proposal and comment tables are the
participation app's own open-data export (no names, no pseudonyms, dates to the day, authors
as an anonymous id; see `exports`). Each chart costs one aggregate query (and the district
names).
"""

from __future__ import annotations

from django.db.models import Count, Max, Min, QuerySet, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rathaus.core.fragments import connect_topic
from rathaus.opendata.charts import CITY, DISTRICT, Chart, ChartColumn, register_chart
from rathaus.opendata.datasets import (
    CATALOGUE_TOPIC,
    GOVERNMENT,
    REGIONS,
    SOCIETY,
    Dataset,
    drawn_from,
    layer_geojson,
    register_dataset,
    tabular,
)
from rathaus.participation.districts import district_names
from rathaus.participation.exports import (
    COMMENT_COLUMNS,
    PROPOSAL_COLUMNS,
    open_comment_rows,
    open_proposal_rows,
)
from rathaus.participation.layers import public_url
from rathaus.participation.models import Comment, Project, ProjectStatus, Proposal

PROJECT_COLUMNS = (
    "id",
    "title_de",
    "title_en",
    "status",
    "topic",
    "district",
    "responsible_unit",
    "cost_eur",
    "start",
    "end",
    "latitude",
    "longitude",
    "process",
    "url",
)


def _district_names() -> list[str]:
    """The city's districts in its order."""
    return list(district_names())


def visible_proposals() -> QuerySet[Proposal]:
    return Proposal.objects.filter(process__is_published=True, hidden_at__isnull=True)


def visible_comments() -> QuerySet[Comment]:
    return Comment.objects.filter(
        proposal__process__is_published=True,
        proposal__hidden_at__isnull=True,
        hidden_at__isnull=True,
    )


def published_projects() -> QuerySet[Project]:
    return Project.objects.filter(is_published=True)


# Charts


def participation_by_district() -> list[tuple[str, int, int]]:
    """(district, proposals with a place in it, supports those proposals received)."""
    counts = {
        row["district"]: (row["proposals"], row["supports"])
        for row in visible_proposals()
        .exclude(district="")
        .values("district")
        .annotate(proposals=Count("id"), supports=Coalesce(Sum("support_count"), 0))
    }
    if not counts:
        return []
    return [(name, *counts.get(name, (0, 0))) for name in _district_names()]


def projects_by_status() -> list[tuple[str, int]]:
    counts = dict(
        published_projects().values("status").annotate(n=Count("id")).values_list("status", "n")
    )
    if not counts:
        return []
    return [(str(status.label), counts.get(status.value, 0)) for status in ProjectStatus]


def projects_by_district() -> list[tuple[str, int]]:
    """Projects per district, and those concerning the whole city last (if any)."""
    counts = dict(
        published_projects().values("district").annotate(n=Count("id")).values_list("district", "n")
    )
    if not counts:
        return []
    rows = [(name, counts.get(name, 0)) for name in _district_names()]
    if counts.get(""):
        rows.append((_("Whole city"), counts[""]))
    return rows


# Datasets


def project_rows():
    projects = (
        published_projects()
        .select_related("responsible_unit", "process")
        .annotate(start=Min("timeline__date"), end=Max("timeline__date"))
        .order_by("slug")
    )
    for project in projects:
        yield (
            project.slug,
            project.title_de,
            project.title_en,
            project.status,
            project.topic,
            project.district,
            project.responsible_unit.slug,
            project.cost,
            project.start,
            project.end,
            project.latitude,
            project.longitude,
            project.process.slug if project.process else "",
            public_url("participation:project", project.slug),
        )


def _table(columns: tuple[str, ...], rows):
    return lambda: (tuple(row[column] for column in columns) for row in rows())


CHARTS = [
    Chart(
        id="participation-by-district",
        title=gettext_lazy("Participation by district"),
        description=gettext_lazy(
            "Proposals for a place in the district and how often people supported them. Votes "
            "in polls are secret: nobody knows where the voters live, so they are not counted "
            "by district (see the participatory budget by district)."
        ),
        columns=(
            DISTRICT,
            ChartColumn("proposals", gettext_lazy("Proposals")),
            ChartColumn("supports", gettext_lazy("Supports")),
        ),
        rows=participation_by_district,
        kind="choropleth",
        dashboard=CITY,
        order=30,
    ),
    Chart(
        id="projects-by-status",
        title=gettext_lazy("Planned projects by status"),
        description=gettext_lazy("The projects of the Vorhabenliste, by their current status."),
        columns=(
            ChartColumn("status", gettext_lazy("Status"), numeric=False),
            ChartColumn("projects", gettext_lazy("Projects")),
        ),
        rows=projects_by_status,
        kind="bar",
        dashboard=CITY,
        order=40,
    ),
    Chart(
        id="projects-by-district",
        title=gettext_lazy("Planned projects by district"),
        description=gettext_lazy(
            "The projects of the Vorhabenliste, by the district they are located in."
        ),
        columns=(DISTRICT, ChartColumn("projects", gettext_lazy("Projects"))),
        rows=projects_by_district,
        kind="bar",
        dashboard=CITY,
        order=50,
    ),
]

DATASETS = [
    Dataset(
        id="projects",
        title_de="Vorhabenliste",
        title_en="Planned projects (Vorhabenliste)",
        description_de="Die Vorhaben der Stadt mit Status, Zeitraum und Ortsbezirk.",
        description_en="The city's planned projects with status, period and district.",
        themes=(GOVERNMENT, REGIONS),
        keywords_de=("Vorhabenliste", "Bürgerbeteiligung", "Projekte"),
        keywords_en=("planned projects", "participation", "projects"),
        distributions=(*tabular(PROJECT_COLUMNS, project_rows), layer_geojson("projects")),
        **drawn_from(published_projects, changed="updated_at"),
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
        distributions=(
            *tabular(PROPOSAL_COLUMNS, _table(PROPOSAL_COLUMNS, open_proposal_rows)),
            layer_geojson("proposals"),
        ),
        **drawn_from(visible_proposals, changed="updated_at", covers=("created_at", "created_at")),
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
        distributions=tabular(COMMENT_COLUMNS, _table(COMMENT_COLUMNS, open_comment_rows)),
        **drawn_from(visible_comments, changed="created_at", covers=("created_at", "created_at")),
        order=60,
    ),
]


def register() -> None:
    for chart in CHARTS:
        register_chart(chart)
    for dataset in DATASETS:
        register_dataset(dataset)
    # The open-data catalogue lists a dataset once it has rows (see `available` above).
    connect_topic(CATALOGUE_TOPIC, [Project, Proposal, Comment])
