"""The dashboards' figures, worked out ahead of the request and shown with their time.

A chart's rows aggregate whole tables (every dog, every proposal, every case): at full size one
dashboard took seconds per request. Like a statistics office, the platform publishes figures
*as of* a time instead: the scheduled job `opendata.figures` (`figures_refresh`) works out the
rows of every chart in every language every `REFRESH_MINUTES` and keeps them in the shared cache;
the dashboard, its tables and the CSV downloads read them, and the page says when they were
worked out. Figures are kept for `KEEP_MINUTES`: should the scheduler stop, no figure is ever
older than that, and a request that finds none (first start, cache cleared) works out the
figures of that chart itself and keeps them. See docs/adr/0381-dashboard-figures-as-of-a-time.md.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from rathaus.opendata.charts import CHARTS, Chart, Row

REFRESH_MINUTES = 15
REFRESH_EVERY = timedelta(minutes=REFRESH_MINUTES)
KEEP_MINUTES = 60
PREFIX = "opendata.figures."


@dataclass(frozen=True)
class Figures:
    """A chart's rows as worked out at `computed_at` (in one language: labels are words)."""

    rows: list[Row]
    computed_at: datetime
    # Names this computation: a fragment rendered from these rows is keyed by it.
    token: str = field(default_factory=lambda: uuid.uuid4().hex[:12])


def _key(chart_id: str, language: str) -> str:
    return f"{PREFIX}{language}.{chart_id}"


def _language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def _compute(chart: Chart, language: str) -> Figures:
    with translation.override(language):
        figures = Figures(rows=chart.data(), computed_at=timezone.now())
    cache.set(_key(chart.id, language), figures, KEEP_MINUTES * 60)
    return figures


def chart_figures(chart: Chart) -> Figures:
    """The chart's latest figures in the active language (worked out now if there are none)."""
    language = _language()
    figures = cache.get(_key(chart.id, language))
    return figures if figures is not None else _compute(chart, language)


def figures_refresh() -> int:
    """Work out the figures of every chart in every language (the scheduled job); returns
    how many were stored."""
    stored = 0
    for chart in CHARTS:
        for language, _name in settings.LANGUAGES:
            _compute(chart, language)
            stored += 1
    return stored


def oldest(figures: list[Figures]) -> datetime | None:
    """When the oldest of a page's figures was worked out (the time the page states)."""
    return min((item.computed_at for item in figures), default=None)
