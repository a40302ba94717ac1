"""The registry of dashboard charts: what each shows, where its numbers come from.

Each chart is declared by the app that owns its numbers, with its `rows` callable, in that
app's AppConfig.ready() (see docs/opendata.md, ADR 0331):

    from rathaus.opendata.charts import CITY, DISTRICT, Chart, ChartColumn, register_chart
    register_chart(Chart(id="dogs-by-district", dashboard=CITY, kind="choropleth",
                         columns=(DISTRICT, ChartColumn("dogs", _("Dogs"))),
                         rows=dogtax.selectors.dogs_and_tax_by_district, ...))

The opendata app owns the registry, the dashboards and the city-wide charts (areas, places).
`connect_chart` replaces the live parts of a declared chart (e.g. sample rows in a test).

`rows()` returns a list of tuples matching the chart's columns: the first column is the label
(for choropleths: the district's name), the others numbers (int, float or Decimal); an empty
list or None means "no data yet".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import ngettext

from rathaus.opendata.slots import SlotRegistry, caller_module

Row = tuple
Kind = Literal["bar", "line", "choropleth"]

# The dashboards' ids (the dashboards are declared in builtin_charts).
CITY = "city"
TOWN_HALL = "town-hall"


@dataclass(frozen=True)
class ChartColumn:
    key: str  # also the CSV header of the machine-readable download
    label: str  # lazily translated; the header of the data table
    numeric: bool = True
    decimals: int = 0
    unit: str = ""  # e.g. "km²", "€"

    def format(self, value) -> str:
        if value is None:
            return "–"
        if not self.numeric:
            return str(value)
        shown = number_format(
            Decimal(str(value)) if isinstance(value, float) else value,
            decimal_pos=self.decimals,
            use_l10n=True,
            force_grouping=True,
        )
        return f"{shown} {self.unit}" if self.unit else shown

    def format_tick(self, value) -> str:
        """An axis tick: the number only, with decimals only where it has them."""
        decimals = 0 if float(value).is_integer() else self.decimals or 2
        return number_format(
            Decimal(str(value)), decimal_pos=decimals, use_l10n=True, force_grouping=True
        )


@dataclass(frozen=True)
class Chart:
    id: str
    title: str  # lazily translated
    columns: tuple[ChartColumn, ...]
    rows: Callable[[], Sequence[Row] | None] | None = None
    kind: Kind = "bar"
    dashboard: str = "city"
    # What the figures are and where they come from (shown under the title).
    description: str = ""
    # The text alternative, from the rows; by default the largest and smallest value.
    summary: Callable[[Chart, Sequence[Row]], str] | None = None
    order: int = 100

    @property
    def value_columns(self) -> tuple[ChartColumn, ...]:
        return self.columns[1:]

    def data(self) -> list[Row]:
        """The rows to show, or [] while the chart has no data (yet)."""
        if self.rows is None:
            return []
        return [tuple(row) for row in (self.rows() or [])]

    def describe(self, rows: Sequence[Row]) -> str:
        if not rows:
            return _("There are no figures for this chart yet.")
        if self.summary is not None:
            return self.summary(self, rows)
        return default_summary(self, rows)


def default_summary(chart: Chart, rows: Sequence[Row]) -> str:
    """'Most: A (5); least: B (1).' for each value column, over the rows that have one."""
    parts = [
        _column_summary(chart, column, [(row[0], row[index]) for row in rows])
        for index, column in enumerate(chart.value_columns, start=1)
    ]
    parts = [part for part in parts if part]
    return " ".join(parts) or _("There are no figures for this chart yet.")


def _column_summary(chart: Chart, column: ChartColumn, pairs: list[tuple]) -> str:
    present = [pair for pair in pairs if pair[1] is not None]
    if not present:
        return ""
    if chart.kind == "line":
        first, last = present[0], present[-1]
        return _("%(series)s: %(first)s in %(start)s, %(last)s in %(end)s.") % {
            "series": column.label,
            "first": column.format(first[1]),
            "start": first[0],
            "last": column.format(last[1]),
            "end": last[0],
        }
    high = max(value for _label, value in present)
    low = min(value for _label, value in present)
    return _("%(series)s: highest %(high)s (%(high_labels)s), lowest %(low)s (%(low_labels)s).") % {
        "series": column.label,
        "high": column.format(high),
        "high_labels": _labels([label for label, value in present if value == high]),
        "low": column.format(low),
        "low_labels": _labels([label for label, value in present if value == low]),
    }


def _labels(labels: list) -> str:
    """One label, a few joined, or how many share the value."""
    if len(labels) <= 3:
        return ", ".join(str(label) for label in labels)
    return ngettext("%(count)d entry", "%(count)d entries", len(labels)) % {"count": len(labels)}


# The label columns that charts of several apps share.
DISTRICT = ChartColumn("district", _lazy("District"), numeric=False)
MONTH = ChartColumn("month", _lazy("Month"), numeric=False)

CHARTS: SlotRegistry[Chart] = SlotRegistry()


def register_chart(chart: Chart) -> None:
    """Declare a chart (or replace the one with the same id); the calling module is recorded
    as its owner (`CHARTS.declared_by(id)`)."""
    CHARTS.declare(chart, owner=caller_module())


def connect_chart(chart_id: str, *, rows: Callable[[], Sequence[Row] | None], summary=None):
    """Replace a chart's data (and optionally its summary text), e.g. sample rows in a test.

    May be called before the chart is declared; the connection then applies when it is.
    """
    changes = {"rows": rows}
    if summary is not None:
        changes["summary"] = summary
    CHARTS.connect(chart_id, **changes)


def get_chart(chart_id: str) -> Chart | None:
    return CHARTS.get(chart_id)


def charts(dashboard: str) -> list[Chart]:
    return sorted(
        (chart for chart in CHARTS if chart.dashboard == dashboard),
        key=lambda chart: (chart.order, chart.id),
    )


@dataclass(frozen=True)
class Dashboard:
    id: str
    title: str  # lazily translated
    intro: str
    order: int = 100


_DASHBOARDS: dict[str, Dashboard] = {}


def register_dashboard(dashboard: Dashboard) -> None:
    _DASHBOARDS[dashboard.id] = dashboard


def get_dashboard(dashboard_id: str) -> Dashboard | None:
    return _DASHBOARDS.get(dashboard_id)


def dashboards() -> list[Dashboard]:
    return sorted(_DASHBOARDS.values(), key=lambda dashboard: (dashboard.order, dashboard.id))
