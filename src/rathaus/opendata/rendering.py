"""From a chart's rows to its SVG and its table, both showing exactly the same numbers."""

from __future__ import annotations

from collections.abc import Sequence

import shapely
from django.utils.translation import gettext as _

from rathaus.geodata.selectors import districts
from rathaus.opendata.charts import Chart, Row
from rathaus.opendata.svg import Region, Series, Shading, bar_chart, choropleth_maps, line_chart


def chart_svg(chart: Chart, rows: Sequence[Row]) -> str:
    """The chart as SVG markup (rows must not be empty)."""
    chart_id = f"chart-{chart.id}"
    title = str(chart.title)
    summary = chart.describe(rows)
    fmt = chart.value_columns[0].format
    if chart.kind == "choropleth":
        shapes = _district_shapes()
        if shapes:
            return choropleth_maps(
                chart_id=chart_id,
                title=title,
                summary=summary,
                shadings=[
                    Shading(str(column.label), _regions(shapes, rows, index), column.format)
                    for index, column in enumerate(chart.value_columns, start=1)
                ],
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


def _district_shapes() -> list[tuple[str, shapely.Geometry]]:
    """The district polygons; [] before boundaries are imported."""
    shapes = [(d.name, d.boundary) for d in districts().only("name", "boundary")]
    if not shapes or not all(boundary for _, boundary in shapes):
        return []
    return [(name, shapely.from_geojson(boundary)) for name, boundary in shapes]


def _regions(shapes, rows: Sequence[Row], index: int) -> list[Region]:
    """The district polygons with the chart's value in column `index` (by district name)."""
    values = {str(row[0]): row[index] for row in rows}
    return [Region(name, geometry, values.get(name)) for name, geometry in shapes]


def chart_table(chart: Chart, rows: Sequence[Row]) -> dict:
    """Headers and cells (shown text and raw value) of the table beside the chart."""
    return {
        "headers": [column.label for column in chart.columns],
        "numeric": [column.numeric for column in chart.columns],
        "rows": [
            [
                {
                    "text": column.format(value),
                    "raw": "" if value is None else str(value),
                    "series": str(column.label),
                }
                for column, value in zip(chart.columns, row, strict=True)
            ]
            for row in rows
        ],
    }
