"""Horizontal bar charts: one row per category, one bar per series."""

from __future__ import annotations

from collections.abc import Sequence

from rathaus.opendata.svg.markup import (
    GRID,
    MUTED,
    SERIES_COLOURS,
    TEXT,
    Formatter,
    Series,
    attr,
    frame,
    raw,
    scale_for,
    series_legend,
    text,
    text_width,
)

WIDTH = 720
BAR = 20
GAP = 14
TOP = 12
AXIS = 34
LEGEND_ROW = 24


def bar_chart(
    *,
    chart_id: str,
    title: str,
    summary: str,
    categories: Sequence[str],
    series: Sequence[Series],
    format_value: Formatter,
    format_tick: Formatter | None = None,
) -> str:
    format_tick = format_tick or format_value
    legend = LEGEND_ROW if len(series) > 1 else 0
    label_width = min(max((text_width(c) for c in categories), default=0) + 12, 260)
    value_room = max(
        (text_width(format_value(v), 12) for s in series for v in s.values if v is not None),
        default=0,
    )
    left, right = label_width, value_room + 16
    plot = WIDTH - left - right
    group = BAR * len(series)
    height = TOP + legend + len(categories) * (group + GAP) + AXIS
    scale_ticks = scale_for(series)
    top_value = scale_ticks[-1]

    def x(value: float) -> float:
        return left + plot * max(value, 0) / top_value

    body = [f'<g font-size="13" fill="{TEXT}">']
    plot_top = TOP + legend
    plot_bottom = height - AXIS
    for tick in scale_ticks:
        body.append(
            f'<line x1="{x(tick):.1f}" y1="{plot_top}" x2="{x(tick):.1f}" y2="{plot_bottom}" '
            f'stroke="{GRID}" stroke-width="1"/>'
            f'<text x="{x(tick):.1f}" y="{plot_bottom + 18}" text-anchor="middle" '
            f'font-size="11" fill="{MUTED}">{text(format_tick(tick))}</text>'
        )
    for row, category in enumerate(categories):
        y0 = plot_top + row * (group + GAP) + GAP / 2
        body.append(
            f'<text x="{left - 8}" y="{y0 + group / 2 + 4:.1f}" text-anchor="end">'
            f"{text(category)}</text>"
        )
        for index, entry in enumerate(series):
            value = entry.values[row]
            y = y0 + index * BAR
            colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
            width = x(float(value)) - left if value is not None else 0
            body.append(
                f'<rect class="rh-chart__mark" x="{left}" y="{y + 2:.1f}" width="{width:.1f}" '
                f'height="{BAR - 4}" fill="{colour}" data-label={attr(category)} '
                f"data-series={attr(entry.name)} data-value={attr(raw(value))}/>"
            )
            shown = format_value(value) if value is not None else "–"
            value_x, value_y = left + width + 6, y + BAR / 2 + 4
            body.append(
                f'<text class="rh-chart__value" x="{value_x:.1f}" y="{value_y:.1f}" '
                f'font-size="12" data-label={attr(category)} data-series={attr(entry.name)}>'
                f"{text(shown)}</text>"
            )
    body.append(
        f'<line x1="{left}" y1="{plot_top}" x2="{left}" y2="{plot_bottom}" stroke="{TEXT}"/>'
    )
    if legend:
        body.append(series_legend(series, 8.0, 4))
    body.append("</g>")
    return frame(chart_id, title, summary, WIDTH, height, body)
