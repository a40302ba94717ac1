"""Public pages: the open data catalogue, dataset pages, dashboards and chart downloads."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from rathaus.opendata.charts import Chart, charts, dashboards, get_chart, get_dashboard
from rathaus.opendata.datasets import csv_bytes, get_dataset, listed_datasets
from rathaus.opendata.dcat import SERIALISATIONS
from rathaus.opendata.rendering import chart_svg, chart_table


def catalogue(request):
    return render(
        request,
        "opendata/catalogue.html",
        {
            "datasets": listed_datasets(),
            "dashboards": dashboards(),
            "serialisations": SERIALISATIONS,
        },
    )


def dataset_page(request, dataset_id: str):
    dataset = get_dataset(dataset_id)
    if dataset is None:
        raise Http404
    return render(request, "opendata/dataset.html", {"dataset": dataset})


def _chart_context(chart: Chart) -> dict:
    rows = chart.data()
    return {
        "chart": chart,
        "has_data": bool(rows),
        "summary": chart.describe(rows),
        # The SVG is built from escaped parts only (see opendata.svg.markup).
        "svg": mark_safe(chart_svg(chart, rows)) if rows else "",  # noqa: S308
        "table": chart_table(chart, rows),
    }


def dashboard(request, dashboard_id: str):
    board = get_dashboard(dashboard_id)
    if board is None:
        raise Http404
    return render(
        request,
        "opendata/dashboard.html",
        {
            "dashboard": board,
            "charts": [_chart_context(chart) for chart in charts(board.id)],
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
    response = HttpResponse(csv_bytes(headers, chart.data()), content_type="text/csv")
    filename = slugify(str(chart.title)) or chart.id
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response
