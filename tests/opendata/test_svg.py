"""The server-side SVG charts: what they draw is exactly the data, safely escaped."""

import re

from shapely.geometry import box

from rathaus.opendata.svg import (
    Region,
    Series,
    Shading,
    bar_chart,
    choropleth,
    choropleth_maps,
    line_chart,
)
from rathaus.opendata.svg.choropleth import class_breaks, class_labels
from rathaus.opendata.svg.markup import ticks


def marks(svg: str) -> list[tuple[str, str, str]]:
    return re.findall(
        r'class="rh-chart__mark"[^>]*data-label="([^"]*)" data-series="([^"]*)" '
        r'data-value="([^"]*)"',
        svg,
    )


def fmt(value) -> str:
    return f"{value:g}"


def test_a_bar_chart_marks_every_value_of_every_series():
    svg = bar_chart(
        chart_id="c",
        title="Hunde",
        summary="Zusammenfassung",
        categories=["Nord", "Süd"],
        series=[Series("Hunde", [3, 5]), Series("Steuer", [360, None])],
        format_value=fmt,
    )

    assert marks(svg) == [
        ("Nord", "Hunde", "3"),
        ("Nord", "Steuer", "360"),
        ("Süd", "Hunde", "5"),
        ("Süd", "Steuer", ""),
    ]
    assert '<title id="c-title">Hunde</title>' in svg
    assert 'role="img" aria-labelledby="c-title c-desc"' in svg


def test_labels_cannot_inject_markup():
    svg = bar_chart(
        chart_id="c",
        title="<b>t</b>",
        summary="s",
        categories=['<script>alert("x")</script>'],
        series=[Series("a&b", [1])],
        format_value=fmt,
    )

    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg and "a&amp;b" in svg


def test_a_line_chart_has_a_dot_per_value_and_a_line_per_series():
    svg = line_chart(
        chart_id="l",
        title="Anträge",
        summary="s",
        categories=["2026-01", "2026-02", "2026-03"],
        series=[Series("Anträge", [10, 12, 9])],
        format_value=fmt,
    )

    assert [value for _, _, value in marks(svg)] == ["10", "12", "9"]
    assert svg.count("<polyline") == 1


def test_a_choropleth_shades_regions_darker_for_larger_values():
    regions = [
        Region("A", box(7.70, 49.40, 7.71, 49.41), 1),
        Region("B", box(7.71, 49.40, 7.72, 49.41), 5),
        Region("C", box(7.72, 49.40, 7.73, 49.41), None),
    ]

    svg = choropleth(
        chart_id="m",
        title="t",
        summary="s",
        regions=regions,
        series_name="Hunde",
        format_value=fmt,
        no_value_label="kein Wert",
    )

    found = re.findall(r'<path [^>]*fill="(#[0-9a-f]{6})"[^>]*data-label="([A-C])"', svg)
    fills = {label: fill for fill, label in found}
    assert [label for label, _, _ in marks(svg)] == ["A", "B", "C"]
    assert fills["A"] != fills["B"]
    assert fills["C"] == "#ffffff" and "kein Wert" in svg


def test_a_choropleth_of_two_series_draws_one_map_for_each():
    shapes = [box(7.70, 49.40, 7.71, 49.41), box(7.71, 49.40, 7.72, 49.41)]

    svg = choropleth_maps(
        chart_id="m",
        title="t",
        summary="s",
        shadings=[
            Shading("Vorschläge", [Region("A", shapes[0], 2), Region("B", shapes[1], 0)], fmt),
            Shading("Unterstützungen", [Region("A", shapes[0], 9), Region("B", shapes[1], 4)], fmt),
        ],
        no_value_label="kein Wert",
    )

    assert marks(svg) == [
        ("A", "Vorschläge", "2"),
        ("B", "Vorschläge", "0"),
        ("A", "Unterstützungen", "9"),
        ("B", "Unterstützungen", "4"),
    ]
    assert svg.count('font-weight="bold">') == 2
    assert 'transform="translate(0 0)"' in svg and svg.count("transform=") == 2


def test_ticks_are_round_numbers_covering_the_maximum():
    assert ticks(72.28) == [0, 20, 40, 60, 80]
    assert ticks(3, whole=True) == [0, 1, 2, 3]
    assert ticks(0) == [0, 1]


def test_whole_number_classes_do_not_overlap():
    breaks = class_breaks([0, 1, 2, 5], whole=True)

    assert class_labels(breaks, 0, fmt, whole=True) == ["0 – 1", "2", "3", "4", "5"]
