"""The participation platform's map layers: proposals and the Vorhabenliste.

Registered with the geodata app (see docs/geodata.md), they become maps (`/maps/proposals/`,
`/maps/projects/`), OGC API collections and GeoJSON downloads. Properties are public and hold
no personal data: no author, no pseudonym, no free text but the title. Each layer's version is
one aggregate query over what its features show, so the per-process snapshots refresh as soon as
anything changes (a new proposal, a support, a hidden proposal, a new status).
"""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from rathaus.geodata.layers import Column, Feature, Layer, register_layer
from rathaus.organization.models import OrgUnit
from rathaus.participation.models import Category, Process, Project, ProjectStatus, Proposal


def public_url(name: str, key) -> str:
    """An absolute link to the German page (properties do not depend on the language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return settings.SITE_URL.rstrip("/") + reverse(name, args=[key])


def _point(item) -> dict:
    return {"type": "Point", "coordinates": [float(item.longitude), float(item.latitude)]}


def _in_language(feature: Feature, key: str) -> str:
    """A property kept in German and English (`key`, `key_en`), in the page's language."""
    english = feature.properties.get(f"{key}_en")
    if english and translation.get_language() == "en":
        return english
    return feature.properties.get(key) or ""


# Versions: one query each, over everything the features show.
_PROPOSALS_VERSION_SQL = (
    "SELECT COUNT(*), MAX(updated_at), SUM(support_count), SUM(comment_count), "
    "COUNT(hidden_at), MAX(hidden_at), "
    "(SELECT MAX(updated_at) FROM {process}), "
    "(SELECT COUNT(*) FROM {process} WHERE is_published), "
    "(SELECT COUNT(*) FROM {category}), (SELECT MAX(id) FROM {category}) "
    "FROM {proposal}"
)
_PROJECTS_VERSION_SQL = (
    "SELECT COUNT(*), MAX(updated_at), MAX(id), "
    "SUM(CASE WHEN is_published THEN 1 ELSE 0 END), "
    "(SELECT COUNT(*) FROM {unit}), (SELECT MAX(id) FROM {unit}) "
    "FROM {project}"
)


def _version(sql: str) -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return tuple(cursor.fetchone())


def proposals_version() -> tuple:
    return _version(
        _PROPOSALS_VERSION_SQL.format(
            proposal=Proposal._meta.db_table,
            process=Process._meta.db_table,
            category=Category._meta.db_table,
        )
    )


def projects_version() -> tuple:
    return _version(
        _PROJECTS_VERSION_SQL.format(project=Project._meta.db_table, unit=OrgUnit._meta.db_table)
    )


def proposal_features() -> list[Feature]:
    """Visible proposals of published processes that have a point."""
    proposals = (
        Proposal.objects.filter(
            process__is_published=True,
            hidden_at__isnull=True,
            latitude__isnull=False,
            longitude__isnull=False,
        )
        .select_related("process", "category")
        .only(
            "id",
            "title",
            "district",
            "latitude",
            "longitude",
            "support_count",
            "comment_count",
            "created_at",
            "process__slug",
            "process__title_de",
            "process__title_en",
            "category__name_de",
            "category__name_en",
        )
        .order_by("id")
    )
    return [
        Feature(
            id=proposal.pk,
            geometry=_point(proposal),
            properties={
                "title": proposal.title,
                "process": proposal.process.slug,
                "process_title": proposal.process.title_de,
                "process_title_en": proposal.process.title_en,
                "category": proposal.category.name_de if proposal.category else "",
                "category_en": proposal.category.name_en if proposal.category else "",
                "district": proposal.district,
                "supporters": proposal.support_count,
                "comments": proposal.comment_count,
                "created": proposal.created_at.date().isoformat(),
                "url": public_url("participation:proposal", proposal.pk),
            },
            label=proposal.title,
            url=proposal.get_absolute_url(),
        )
        for proposal in proposals.iterator(chunk_size=2000)
    ]


def project_features() -> list[Feature]:
    """Published projects of the Vorhabenliste that have a point."""
    projects = (
        Project.objects.filter(is_published=True, latitude__isnull=False, longitude__isnull=False)
        .select_related("responsible_unit", "process")
        .order_by("title_de", "id")
    )
    return [
        Feature(
            id=project.slug,
            geometry=_point(project),
            properties={
                "title": project.title_de,
                "title_en": project.title_en,
                "status": project.status,
                "topic": project.topic,
                "cost": None if project.cost is None else str(project.cost),
                "district": project.district,
                "responsible_unit": project.responsible_unit.slug,
                "responsible_department": project.responsible_unit.name_de,
                "responsible_department_en": project.responsible_unit.name_en,
                "process": project.process.slug if project.process else None,
                "url": public_url("participation:project", project.slug),
            },
            label=project.title,
            url=project.get_absolute_url(),
        )
        for project in projects
    ]


def _status_label(feature: Feature) -> str:
    status = feature.properties.get("status", "")
    return ProjectStatus(status).label if status in ProjectStatus.values else status


def _cost(feature: Feature) -> str:
    cost = feature.properties.get("cost")
    if cost is None:
        return ""
    return f"{number_format(cost, decimal_pos=0, use_l10n=True, force_grouping=True)} €"


def _whole_city(feature: Feature) -> str:
    return feature.properties.get("district") or _("Whole city")


PROPOSALS_LAYER = Layer(
    id="proposals",
    title_de="Vorschläge aus der Bürgerbeteiligung",
    title_en="Proposals from citizen participation",
    description_de="Vorschläge von Bürgerinnen und Bürgern mit Ort, Verfahren, Kategorie, "
    "Ortsbezirk und der Zahl der Unterstützungen und Kommentare.",
    description_en="Citizens' proposals with their place, process, category, district and the "
    "number of supporters and comments.",
    features=proposal_features,
    version=proposals_version,
    columns=(
        Column("process", _("Process"), display=lambda f: _in_language(f, "process_title")),
        Column("category", _("Category"), display=lambda f: _in_language(f, "category")),
        Column("district", _("District")),
        Column("supporters", _("Supporters"), numeric=True),
        Column("comments", _("Comments"), numeric=True),
    ),
    filters=("process", "district"),
    order=30,
)

PROJECTS_LAYER = Layer(
    id="projects",
    title_de="Vorhabenliste",
    title_en="Planned projects (Vorhabenliste)",
    description_de="Die Vorhaben der Stadt mit Stand, Kosten, Ortsbezirk und zuständiger Stelle.",
    description_en="The city's planned projects with status, cost, district and the responsible "
    "department.",
    features=project_features,
    version=projects_version,
    columns=(
        Column("status", _("Status"), display=_status_label),
        Column("cost", _("Estimated cost"), display=_cost),
        Column("district", _("District"), display=_whole_city),
        Column(
            "responsible_department",
            _("Responsible department"),
            display=lambda f: _in_language(f, "responsible_department"),
        ),
    ),
    filters=("status", "district", "topic"),
    order=40,
)


def register() -> None:
    register_layer(PROPOSALS_LAYER)
    register_layer(PROJECTS_LAYER)
