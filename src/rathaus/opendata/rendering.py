"""From a chart's rows to its SVG and its table, both showing exactly the same numbers."""

from __future__ import annotations

from collections.abc import Sequence

import shapely
from django.utils.translation import gettext as _

from rathaus.geodata.selectors import districts
from rathaus.opendata.charts import Chart, Row
from rathaus.opendata.svg import Region, Series, bar_chart, choropleth, line_chart


def chart_svg(chart: Chart, rows: Sequence[Row]) -> str:
    """The chart as SVG markup (rows must not be empty)."""
    chart_id = f"chart-{chart.id}"
    title = str(chart.title)
    summary = chart.describe(rows)
    fmt = chart.value_columns[0].format
    if chart.kind == "choropleth":
        regions = _regions(chart, rows)
        if regions:
            return choropleth(
                chart_id=chart_id,
                title=title,
                summary=summary,
                regions=regions,
                series_name=str(chart.value_columns[0].label),
                format_value=fmt,
                no_value_label=_("no value"),
            )
    categories = [str(row[0]) for row in rows]
    series = [
        Series(str(column.label), [row[index] for row in rows])
        for index, column in enumerate(chart.value_columns, start=1)
    ]
    draw = line_chart if chart.kind == "line" else bar_chart
    return draw(
        chart_id=chart_id,
        title=title,
        summary=summary,
        categories=categories,
        series=series,
        format_value=fmt,
        format_tick=chart.value_columns[0].format_tick,
    )


def _regions(chart: Chart, rows: Sequence[Row]) -> list[Region]:
    """The district polygons with the chart's first value; [] before boundaries are imported."""
    values = {str(row[0]): row[1] for row in rows}
    shapes = [(d.name, d.boundary) for d in districts().only("name", "boundary")]
    if not shapes or not all(boundary for _, boundary in shapes):
        return []
    return [
        Region(name, shapely.from_geojson(boundary), values.get(name)) for name, boundary in shapes
    ]


def chart_table(chart: Chart, rows: Sequence[Row]) -> dict:
    """Headers and cells (shown text and raw value) of the table beside the chart."""
    return {
        "headers": [column.label for column in chart.columns],
        "numeric": [column.numeric for column in chart.columns],
        "rows": [
            [
                {"text": column.format(value), "raw": "" if value is None else str(value)}
                for column, value in zip(chart.columns, row, strict=True)
            ]
            for row in rows
        ],
    }
