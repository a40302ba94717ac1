"""The results of closed polls as open data, and the voting figures on the dashboards.

``datasets()`` returns one plain dict per closed poll (newest first): its metadata and
downloads. URLs are site-relative paths of the German pages and downloads; texts come in German
and English. ``register()`` (called from the AppConfig) declares the dataset ``poll-results``
(one table of every closed poll's result per option, with the links of ``datasets()``) and the
chart ``budget-by-district``.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy

from rathaus.core.fragments import connect_topic
from rathaus.opendata.charts import CITY, DISTRICT, Chart, ChartColumn, register_chart
from rathaus.opendata.datasets import (
    CATALOGUE_TOPIC,
    Dataset,
    drawn_from,
    register_dataset,
    tabular,
)
from rathaus.participation.districts import district_names
from rathaus.voting.models import Kind, Poll
from rathaus.voting.selectors import result_table

LICENSE = "http://dcat-ap.de/def/licenses/dl-zero-de/2.0"
THEME = "http://publications.europa.eu/resource/authority/data-theme/GOVE"


def _texts(poll: Poll, language: str) -> dict[str, str]:
    with translation.override(language):
        title = gettext("Result of the vote: %(title)s") % {"title": poll.title}
        description = gettext(
            "Result of the poll “%(title)s” (%(kind)s): votes per option and the outcome, and all "
            "anonymous ballots with their trackers, from which anyone can recount the result."
        ) % {"title": poll.title, "kind": poll.get_kind_display()}
    return {f"title_{language}": title, f"description_{language}": description}


def _distributions(poll: Poll) -> list[dict[str, str]]:
    with translation.override("de"):
        links = [
            ("results_csv", "text/csv", "CSV", "Ergebnis als Tabelle", "Result as a table"),
            ("results_json", "application/json", "JSON", "Ergebnis", "Result"),
            (
                "export",
                "application/json",
                "JSON",
                "Stimmzettel mit Prüfnummern",
                "Ballots with trackers",
            ),
        ]
        if poll.kind == Kind.BUDGET:
            links.append(
                (
                    "pabulib",
                    "text/plain",
                    "pabulib",
                    "Bürgerhaushalt (pabulib)",
                    "Participatory budget (pabulib)",
                )
            )
        return [
            {
                "name": name,
                "url": reverse(f"voting:{name}", args=[poll.pk]),
                "media_type": media_type,
                "format": file_format,
                "title_de": title_de,
                "title_en": title_en,
            }
            for name, media_type, file_format, title_de, title_en in links
        ]


def datasets() -> list[dict[str, Any]]:
    """One dataset per closed poll: identifier, titles, descriptions, dates, landing page,
    licence, theme, keywords and the downloads (``distributions``)."""
    found = []
    for poll in Poll.objects.filter(closed_at__isnull=False).order_by("-closed_at", "-pk"):
        with translation.override("de"):
            landing_page = reverse("voting:results", args=[poll.pk])
        found.append(
            {
                "identifier": f"voting-poll-{poll.pk}",
                **_texts(poll, "de"),
                **_texts(poll, "en"),
                "issued": poll.closed_at,
                "modified": poll.closed_at,
                "temporal_start": poll.opens_at,
                "temporal_end": poll.closes_at,
                "landing_page": landing_page,
                "license": LICENSE,
                "theme": THEME,
                "keywords_de": ["Abstimmung", "Bürgerbeteiligung", "Wahlergebnis"],
                "keywords_en": ["vote", "citizen participation", "result"],
                "distributions": _distributions(poll),
            }
        )
    return found


RESULT_COLUMNS = (
    "poll",
    "poll_title_de",
    "poll_title_en",
    "kind",
    "closed",
    "ballots",
    "option",
    "option_title_de",
    "option_title_en",
    "votes",
    "share",
    "cost_eur",
    "district",
    "funded",
    "results_page",
    "ballots_export",
)


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _closed_polls():
    return Poll.objects.filter(closed_at__isnull=False)


def result_rows():
    """One row per option of every closed poll (newest poll first), with the poll's result page
    and the export of its anonymous ballots (from ``datasets()``)."""
    described = {entry["identifier"]: entry for entry in datasets()}
    polls = _closed_polls().prefetch_related("options").order_by("-closed_at", "-pk")
    for poll in polls:
        entry = described[f"voting-poll-{poll.pk}"]
        links = {link["name"]: _absolute(link["url"]) for link in entry["distributions"]}
        for option in result_table(poll):
            yield (
                entry["identifier"],
                poll.title_de,
                poll.title_en,
                poll.kind,
                timezone.localtime(poll.closed_at).date(),
                poll.result["ballots"],
                option["key"],
                option["title_de"],
                option["title_en"],
                option["votes"],
                option["share"],
                option.get("cost", ""),
                option.get("district", ""),
                option.get("funded", ""),
                _absolute(entry["landing_page"]),
                links["export"],
            )


def budget_by_district() -> list[tuple[str, Decimal]]:
    """Money of the funded projects of closed participatory budgets per district (the district
    of each project as the poll gives it); projects for the whole city last."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    results = _closed_polls().filter(kind=Kind.BUDGET).values_list("result", flat=True)
    for result in results:
        for row in (result or {}).get("districts", ()):
            totals[row["district"]] += Decimal(row["cost"])
    if not totals:
        return []
    names = list(district_names())
    names += sorted(name for name in totals if name and name not in names)
    rows = [(name, totals.get(name, Decimal(0))) for name in names]
    if "" in totals:
        rows.append((gettext("Whole city"), totals[""]))
    return rows


BUDGET_BY_DISTRICT = Chart(
    id="budget-by-district",
    title=gettext_lazy("Participatory budget by district"),
    description=gettext_lazy(
        "Money for the projects that residents chose in closed participatory budgets, by "
        "the district of the project."
    ),
    columns=(DISTRICT, ChartColumn("funded_eur", gettext_lazy("Funded"), decimals=0, unit="€")),
    rows=budget_by_district,
    kind="bar",
    dashboard=CITY,
    order=35,
)

POLL_RESULTS = Dataset(
    id="poll-results",
    title_de="Ergebnisse von Abstimmungen",
    title_en="Poll results",
    description_de="Die Ergebnisse abgeschlossener Abstimmungen je Option.",
    description_en="The results of closed polls per option.",
    themes=(THEME,),
    keywords_de=("Abstimmung", "Ergebnisse", "Bürgerhaushalt"),
    keywords_en=("poll", "results", "participatory budgeting"),
    distributions=tabular(RESULT_COLUMNS, result_rows),
    **drawn_from(_closed_polls, changed="closed_at", covers=("opens_at", "closes_at")),
    licence=LICENSE,
    order=70,
)


def register() -> None:
    register_chart(BUDGET_BY_DISTRICT)
    register_dataset(POLL_RESULTS)
    # The open-data catalogue lists the results once a poll is closed.
    connect_topic(CATALOGUE_TOPIC, [Poll])
