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


@dataclass(frozen=True)
class FigureSet:
    """The figures of every chart in one language, kept as one cache entry (a dashboard reads
    it once). `token` names this set: a dashboard's fragment is keyed by it."""

    charts: dict[str, Figures] = field(default_factory=dict)
    token: str = field(default_factory=lambda: uuid.uuid4().hex[:12])


def _key(language: str) -> str:
    return PREFIX + language


def _language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def _work_out(chart: Chart, language: str) -> Figures:
    with translation.override(language):
        return Figures(rows=chart.data(), computed_at=timezone.now())


def figures_of(charts: list[Chart]) -> tuple[dict[str, Figures], str]:
    """The latest figures of `charts` in the active language, and the token of the set they
    belong to. Figures missing or older than KEEP_MINUTES (the scheduler stopped) are worked
    out now and kept."""
    language = _language()
    stored = cache.get(_key(language)) or FigureSet()
    oldest_kept = timezone.now() - timedelta(minutes=KEEP_MINUTES)
    missing = [
        chart
        for chart in charts
        if chart.id not in stored.charts or stored.charts[chart.id].computed_at < oldest_kept
    ]
    if not missing:
        return stored.charts, stored.token
    found = dict(stored.charts)
    for chart in missing:
        found[chart.id] = _work_out(chart, language)
    renewed = FigureSet(charts=found)
    cache.set(_key(language), renewed, KEEP_MINUTES * 60)
    return renewed.charts, renewed.token


def chart_figures(chart: Chart) -> Figures:
    """The chart's latest figures in the active language."""
    return figures_of([chart])[0][chart.id]


def figures_refresh() -> int:
    """Work out the figures of every chart in every language (the scheduled job); returns
    how many were worked out."""
    worked_out = 0
    for language, _name in settings.LANGUAGES:
        figures = {chart.id: _work_out(chart, language) for chart in CHARTS}
        cache.set(_key(language), FigureSet(charts=figures), KEEP_MINUTES * 60)
        worked_out += len(figures)
    return worked_out


def oldest(figures: list[Figures]) -> datetime | None:
    """When the oldest of a page's figures was worked out (the time the page states)."""
    return min((item.computed_at for item in figures), default=None)
