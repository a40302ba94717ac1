"""Public pages: the open data catalogue, dataset pages, dashboards and chart downloads."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from rathaus.opendata.charts import Chart, charts, dashboards, get_chart, get_dashboard
from rathaus.opendata.datasets import CATALOGUE_TOPIC, csv_bytes, get_dataset, listed_datasets
from rathaus.opendata.dcat import SERIALISATIONS
from rathaus.opendata.figures import (
    REFRESH_MINUTES,
    Figures,
    chart_figures,
    figures_of,
    oldest,
)
from rathaus.opendata.rendering import chart_svg, chart_table


def catalogue(request):
    """The catalogue; its list is a cached fragment (topic `CATALOGUE_TOPIC`), so which
    datasets have rows is asked only when it is rendered afresh."""
    return render(
        request,
        "opendata/catalogue.html",
        {
            "datasets": SimpleLazyObject(listed_datasets),
            "catalogue_topic": CATALOGUE_TOPIC,
            "dashboards": dashboards(),
            "serialisations": SERIALISATIONS,
        },
    )


def dataset_page(request, dataset_id: str):
    dataset = get_dataset(dataset_id)
    if dataset is None:
        raise Http404
    return render(request, "opendata/dataset.html", {"dataset": dataset})


@dataclass
class ChartItem:
    """A chart on a dashboard with its latest figures; the drawing and the table are made only
    when the dashboard's fragment is rendered afresh (it is cached by the figures' token)."""

    chart: Chart
    figures: Figures

    @property
    def has_data(self) -> bool:
        return bool(self.figures.rows)

    @cached_property
    def summary(self) -> str:
        return self.chart.describe(self.figures.rows)

    @cached_property
    def svg(self) -> str:
        rows = self.figures.rows
        # The SVG is built from escaped parts only (see opendata.svg.markup).
        return mark_safe(chart_svg(self.chart, rows)) if rows else ""  # noqa: S308

    @cached_property
    def table(self) -> dict:
        return chart_table(self.chart, self.figures.rows)


def dashboard(request, dashboard_id: str):
    board = get_dashboard(dashboard_id)
    if board is None:
        raise Http404
    shown = charts(board.id)
    figures, token = figures_of(shown)
    items = [ChartItem(chart, figures[chart.id]) for chart in shown]
    return render(
        request,
        "opendata/dashboard.html",
        {
            "dashboard": board,
            "charts": items,
            "figures_token": token,
            "as_of": oldest([item.figures for item in items]),
            "refresh_minutes": REFRESH_MINUTES,
            "dashboards": dashboards(),
        },
    )


def chart_csv(request, chart_id: str):
    """The chart's numbers as CSV: the table's headers, machine-readable values."""
    chart = get_chart(chart_id)
    if chart is None:
        raise Http404
    headers = [
        f"{column.label} ({column.unit})" if column.unit else str(column.label)
        for column in chart.columns
    ]
    # The figures the dashboard shows, as of the same time.
    rows = chart_figures(chart).rows
    response = HttpResponse(csv_bytes(headers, rows), content_type="text/csv")
    filename = slugify(str(chart.title)) or chart.id
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
