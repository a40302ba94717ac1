"""Choropleth maps: regions (district polygons) shaded by one value, with a legend."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

from rathaus.opendata.svg.markup import (
    CLASS_COLOURS,
    MUTED,
    NO_VALUE_COLOUR,
    TEXT,
    Formatter,
    Number,
    attr,
    frame,
    raw,
    text,
)

WIDTH = 720
MAP_HEIGHT = 420
LEGEND_ROW = 18
PAD = 8
_to_utm = Transformer.from_crs("EPSG:4326", "EPSG:25832", always_xy=True)


@dataclass(frozen=True)
class Region:
    label: str
    geometry: BaseGeometry  # WGS84 lon/lat
    value: Number | None


def class_breaks(
    values: Sequence[float], classes: int = len(CLASS_COLOURS), *, whole: bool = False
) -> list[float]:
    """Upper bounds of equal-interval classes from the smallest to the largest value.

    For whole numbers (counts) the bounds are whole too, and no class is empty by width.
    """
    low, high = min(values), max(values)
    if high == low:
        return [high]
    width = (high - low) / classes
    breaks = [low + width * index for index in range(1, classes)] + [high]
    if whole:
        breaks = sorted({float(math.floor(bound)) for bound in breaks})
    return breaks


def class_labels(breaks: list[float], low: float, format_value, *, whole: bool) -> list[str]:
    labels = []
    lower = low
    for upper in breaks:
        if lower == upper:
            labels.append(format_value(upper))
        else:
            labels.append(f"{format_value(lower)} – {format_value(upper)}")
        lower = upper + 1 if whole else upper
    return labels


def colour_for(value: float, breaks: list[float]) -> str:
    for index, upper in enumerate(breaks):
        if value <= upper + 1e-12:
            return CLASS_COLOURS[min(index, len(CLASS_COLOURS) - 1)]
    return CLASS_COLOURS[-1]


def _path(geometry: BaseGeometry, project) -> str:
    polygons = getattr(geometry, "geoms", [geometry])
    parts = []
    for polygon in polygons:
        for ring in (polygon.exterior, *polygon.interiors):
            points = [project(x, y) for x, y in ring.coords]
            parts.append("M" + "L".join(f"{px:.1f},{py:.1f}" for px, py in points) + "Z")
    return "".join(parts)


@dataclass(frozen=True)
class Shading:
    """One map of a choropleth: the regions shaded by one series of values."""

    series_name: str
    regions: Sequence[Region]
    format_value: Formatter


def choropleth(
    *,
    chart_id: str,
    title: str,
    summary: str,
    regions: Sequence[Region],
    series_name: str,
    format_value: Formatter,
    no_value_label: str,
) -> str:
    """One map, its regions shaded by one series."""
    return choropleth_maps(
        chart_id=chart_id,
        title=title,
        summary=summary,
        shadings=[Shading(series_name, regions, format_value)],
        no_value_label=no_value_label,
    )


def choropleth_maps(
    *,
    chart_id: str,
    title: str,
    summary: str,
    shadings: Sequence[Shading],
    no_value_label: str,
) -> str:
    """One map per series, one under the other, each with its own legend (small multiples:
    every value of the data table is drawn)."""
    body = []
    top = 0.0
    for shading in shadings:
        part, height = _shaded_map(shading, no_value_label, top, named=len(shadings) > 1)
        body.append(part)
        top += height
    return frame(chart_id, title, summary, WIDTH, int(top), body)


def _shaded_map(shading: Shading, no_value_label: str, top: float, *, named: bool):
    """The SVG of one map at vertical offset `top`, and its height."""
    regions = shading.regions
    heading = 24 if named else 0
    projected = [
        shapely.transform(region.geometry, _to_utm.transform, interleaved=False)
        for region in regions
    ]
    min_x = min(geometry.bounds[0] for geometry in projected)
    min_y = min(geometry.bounds[1] for geometry in projected)
    max_x = max(geometry.bounds[2] for geometry in projected)
    max_y = max(geometry.bounds[3] for geometry in projected)
    scale = min((WIDTH - 2 * PAD) / (max_x - min_x), (MAP_HEIGHT - 2 * PAD) / (max_y - min_y))
    map_width = (max_x - min_x) * scale
    offset_x = (WIDTH - map_width) / 2

    def project(x: float, y: float) -> tuple[float, float]:
        return offset_x + (x - min_x) * scale, heading + PAD + (max_y - y) * scale

    values = [float(region.value) for region in regions if region.value is not None]
    whole = all(isinstance(r.value, int) for r in regions if r.value is not None)
    breaks = class_breaks(values, whole=whole) if values else []
    labels = class_labels(breaks, min(values), shading.format_value, whole=whole) if values else []
    body = [f'<g font-size="11" fill="{TEXT}" transform="translate(0 {top:g})">']
    if named:
        body.append(
            f'<text x="{PAD}" y="16" font-size="14" font-weight="bold">'
            f"{text(shading.series_name)}</text>"
        )
    for region, geometry in zip(regions, projected, strict=True):
        fill = (
            colour_for(float(region.value), breaks) if region.value is not None else NO_VALUE_COLOUR
        )
        body.append(
            f'<path class="rh-chart__mark" d="{_path(geometry, project)}" fill="{fill}" '
            f'fill-rule="evenodd" stroke="{TEXT}" stroke-width="1" data-label={attr(region.label)} '
            f"data-series={attr(shading.series_name)} data-value={attr(raw(region.value))}/>"
        )
    for region, geometry in zip(regions, projected, strict=True):
        point = geometry.representative_point()
        px, py = project(point.x, point.y)
        body.append(
            f'<text x="{px:.1f}" y="{py:.1f}" text-anchor="middle" stroke="#ffffff" '
            f'stroke-width="3" paint-order="stroke">{text(region.label)}</text>'
        )
    missing = any(region.value is None for region in regions)
    legend_rows = len(labels) + (1 if missing else 0)
    body.append(
        _legend(
            labels,
            shading.series_name,
            no_value_label if missing else None,
            heading + MAP_HEIGHT,
        )
    )
    body.append("</g>")
    height = heading + MAP_HEIGHT + 28 + legend_rows * LEGEND_ROW + (16 if named else 0)
    return "".join(body), height


def _legend(labels: list[str], series_name: str, no_value: str | None, top: float) -> str:
    parts = [f'<text x="{PAD}" y="{top + 12}" fill="{MUTED}">{text(series_name)}</text>']
    entries = list(zip(CLASS_COLOURS, labels, strict=False))
    if no_value:
        entries.append((NO_VALUE_COLOUR, no_value))
    for row, (colour, label) in enumerate(entries):
        y = top + 20 + row * LEGEND_ROW
        parts.append(
            f'<rect x="{PAD}" y="{y}" width="14" height="14" fill="{colour}" '
            f'stroke="{TEXT}" stroke-width="0.5"/><text x="{PAD + 20}" y="{y + 11}">'
            f"{text(label)}</text>"
        )
    return "".join(parts)
