"""The results of closed polls as open-data datasets, for the open-data catalogue.

``datasets()`` returns one plain dict per closed poll (newest first); the opendata app turns them
into DCAT-AP.de entries. URLs are site-relative paths of the German pages and downloads (the
catalogue makes them absolute); texts come in German and English.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from rathaus.voting.models import Kind, Poll

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
