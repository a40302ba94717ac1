"""Line charts over ordered categories (months): one line per series, a dot per value."""

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
HEIGHT = 340
TOP = 36
BOTTOM = 64
RIGHT = 24


def line_chart(
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
    scale_ticks = scale_for(series)
    top_value = scale_ticks[-1]
    left = max(text_width(format_tick(tick), 11) for tick in scale_ticks) + 16
    plot_width = WIDTH - left - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    step = plot_width / max(len(categories) - 1, 1)

    def x(index: int) -> float:
        return left + (step * index if len(categories) > 1 else plot_width / 2)

    def y(value: float) -> float:
        return TOP + plot_height * (1 - max(value, 0) / top_value)

    body = [f'<g font-size="12" fill="{TEXT}">']
    for tick in scale_ticks:
        body.append(
            f'<line x1="{left}" y1="{y(tick):.1f}" x2="{WIDTH - RIGHT}" y2="{y(tick):.1f}" '
            f'stroke="{GRID}"/><text x="{left - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" '
            f'font-size="11" fill="{MUTED}">{text(format_tick(tick))}</text>'
        )
    slanted = len(categories) > 8
    for index, category in enumerate(categories):
        label_y = HEIGHT - BOTTOM + 18
        transform = f' transform="rotate(-35 {x(index):.1f} {label_y})"' if slanted else ""
        anchor = "end" if slanted else "middle"
        body.append(
            f'<text x="{x(index):.1f}" y="{label_y}" text-anchor="{anchor}" font-size="11"'
            f"{transform}>{text(category)}</text>"
        )
    for number, entry in enumerate(series):
        colour = SERIES_COLOURS[number % len(SERIES_COLOURS)]
        points = [
            (x(index), y(float(value)))
            for index, value in enumerate(entry.values)
            if value is not None
        ]
        if len(points) > 1:
            path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
            body.append(
                f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"/>'
            )
        for index, value in enumerate(entry.values):
            if value is None:
                continue
            body.append(
                f'<circle class="rh-chart__mark" cx="{x(index):.1f}" cy="{y(float(value)):.1f}" '
                f'r="4" fill="{colour}" data-label={attr(categories[index])} '
                f"data-series={attr(entry.name)} data-value={attr(raw(value))}/>"
            )
    body.append(series_legend(series, float(left), 8))
    body.append(
        f'<line x1="{left}" y1="{TOP + plot_height}" x2="{WIDTH - RIGHT}" '
        f'y2="{TOP + plot_height}" stroke="{TEXT}"/></g>'
    )
    return frame(chart_id, title, summary, WIDTH, HEIGHT, body)
