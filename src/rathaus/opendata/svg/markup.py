"""Small building blocks of the SVG charts: escaping, the frame, scales and colours."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

Number = int | float | Decimal
Formatter = Callable[[Number], str]

# Series colours: KERN's action blue first; each has at least 3:1 contrast against white.
SERIES_COLOURS = ("#1a3da5", "#b4420c", "#1d6f42", "#6b3fa0", "#8a6d00", "#a3214f")
# Choropleth classes, light to dark (sequential blues).
CLASS_COLOURS = ("#dbe6f7", "#a9c2ea", "#6f97d6", "#3a66bc", "#163a87")
NO_VALUE_COLOUR = "#ffffff"
TEXT = "#1b1b1b"
MUTED = "#5c5c5c"
GRID = "#d0d0d0"


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[Number | None]


def attr(value) -> str:
    return quoteattr(str(value))


def text(value) -> str:
    return escape(str(value))


def raw(value: Number | None) -> str:
    """A value as machine-readable text for `data-value` (empty when missing)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def frame(chart_id: str, title: str, summary: str, width: int, height: int, body: list[str]) -> str:
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" class="rh-chart__svg" id={attr(chart_id)} ',
            f'viewBox="0 0 {width} {height}" role="img" ',
            f"aria-labelledby={attr(f'{chart_id}-title {chart_id}-desc')}>",
            f"<title id={attr(f'{chart_id}-title')}>{text(title)}</title>",
            f"<desc id={attr(f'{chart_id}-desc')}>{text(summary)}</desc>",
            *body,
            "</svg>",
        ]
    )


def nice_ceiling(value: float) -> float:
    """The smallest 'round' number (1, 2, 2.5, 5 × 10^n) at or above `value`."""
    if value <= 0:
        return 1.0
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        candidate = step * 10**exponent
        if candidate >= value * (1 - 1e-9):
            return float(candidate)
    return float(10 ** (exponent + 1))


def ticks(maximum: float, count: int = 5, *, whole: bool = False) -> list[float]:
    """Evenly spaced round ticks from 0 that cover `maximum` (whole numbers for counts)."""
    step = nice_ceiling(max(maximum, 0) / count) if maximum > 0 else 1.0
    if whole:
        step = max(round(step), 1)
    top = step * math.ceil(maximum / step) if maximum > 0 else step
    return [round(step * index, 10) for index in range(round(top / step) + 1)]


def text_width(label: str, size: float = 13) -> float:
    """A generous estimate of rendered text width (no font metrics on the server)."""
    return len(label) * size * 0.6


def numeric(values) -> list[float]:
    return [float(value) for value in values if value is not None]


def scale_for(series: Sequence[Series]) -> list[float]:
    """The axis ticks for all values of `series`."""
    values = [value for entry in series for value in entry.values if value is not None]
    whole = all(isinstance(value, int) for value in values)
    return ticks(max(numeric(values), default=0), whole=whole)


def series_legend(series: Sequence[Series], x: float, y: float) -> str:
    """A row of colour swatches with the series' names, starting at (x, y)."""
    parts = []
    for index, entry in enumerate(series):
        colour = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        parts.append(
            f'<rect x="{x:.1f}" y="{y}" width="12" height="12" fill="{colour}"/>'
            f'<text x="{x + 18:.1f}" y="{y + 11}" font-size="12">{text(entry.name)}</text>'
        )
        x += 18 + text_width(entry.name, 12) + 24
    return "".join(parts)
