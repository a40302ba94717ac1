"""Each app declares its own charts, datasets and map layers (ADR 0331).

The registries record the module that declared each entry; the entry's data (a chart's rows,
a dataset's tables, availability and dates, the map layer behind a GeoJSON download) must come
from the same app. The opendata app declares only city-wide entries, from the geodata and
organisation data; every domain's figures are declared by that domain.
"""

from __future__ import annotations

import inspect

import pytest

from rathaus.geodata import builtin_layers
from rathaus.geodata.layers import Layer, get_layer
from rathaus.opendata.charts import CHARTS, Chart, register_chart
from rathaus.opendata.datasets import DATASETS, Dataset

DOMAINS = {"dogtax", "participation", "voting", "childbenefit", "eservices"}
# What the opendata app may publish itself: the city's own base data.
CITY_WIDE = {"opendata", "geodata", "organization"}
# The registries' own helpers (tabular, layer_geojson, …): followed, never an owner.
HELPERS = {"rathaus.opendata.datasets", "rathaus.opendata.charts"}


def app_of(module: str) -> str:
    """rathaus.dogtax.selectors → dogtax."""
    parts = module.split(".")
    return parts[1] if parts[0] == "rathaus" and len(parts) > 1 else module


def data_modules(*functions) -> set[str]:
    """The project modules whose functions produce the data: the given callables and the
    callables they close over (e.g. the rows behind `tabular`), through the helpers."""
    found, seen, todo = set(), set(), [f for f in functions if f is not None]
    while todo:
        function = todo.pop()
        if id(function) in seen or not callable(function):
            continue
        seen.add(id(function))
        module = getattr(function, "__module__", "") or ""
        if not module.startswith("rathaus."):
            continue
        if module not in HELPERS:
            found.add(module)
        if "layer_id" in (function.__code__.co_freevars if inspect.isfunction(function) else ()):
            # A GeoJSON download: the data is the registered map layer's.
            layer_id = inspect.getclosurevars(function).nonlocals["layer_id"]
            todo.append(get_layer(layer_id).features)
        for cell in getattr(function, "__closure__", None) or ():
            todo.append(cell.cell_contents)
    return found


def chart_sources(chart: Chart) -> set[str]:
    return data_modules(chart.rows, chart.summary)


DEFAULT_AVAILABLE = Dataset.__dataclass_fields__["available"].default


def dataset_sources(dataset: Dataset) -> set[str]:
    live = [dataset.temporal, dataset.modified, dataset.issued]
    if dataset.available.__code__ is not DEFAULT_AVAILABLE.__code__:
        live.append(dataset.available)
    for distribution in dataset.distributions:
        live += [distribution.produce, distribution.produce_in]
    return data_modules(*live)


def entries():
    for chart in CHARTS:
        yield "chart", chart.id, CHARTS.declared_by(chart.id), chart_sources(chart)
    for dataset in DATASETS:
        yield "dataset", dataset.id, DATASETS.declared_by(dataset.id), dataset_sources(dataset)


def test_every_chart_and_dataset_is_declared_with_its_data():
    slots = [chart.id for chart in CHARTS if chart.rows is None]
    slots += [dataset.id for dataset in DATASETS if not dataset.distributions]

    assert slots == [], "declared without data, for another app to fill"


@pytest.mark.parametrize(
    "kind, entry_id, owner, sources", list(entries()), ids=[entry[1] for entry in entries()]
)
def test_each_entry_is_declared_by_the_app_that_owns_its_data(kind, entry_id, owner, sources):
    owner_app = app_of(owner)
    allowed = CITY_WIDE if owner_app == "opendata" else {owner_app}

    assert sources, f"{kind} {entry_id}: no data found"
    assert {app_of(module) for module in sources} <= allowed, (
        f"{kind} {entry_id} is declared in {owner} but its data comes from {sorted(sources)}"
    )


def test_the_opendata_app_declares_nothing_from_a_domain():
    declared = {
        (kind, entry_id): sorted(app_of(module) for module in sources)
        for kind, entry_id, owner, sources in entries()
        if app_of(owner) == "opendata"
    }

    assert declared  # its own city-wide charts and datasets
    assert {entry: apps for entry, apps in declared.items() if set(apps) & DOMAINS} == {}


def test_the_domains_figures_are_declared_by_the_domains():
    owners = {entry_id: app_of(owner) for _kind, entry_id, owner, _sources in entries()}

    assert owners["dogs-by-district"] == "dogtax"
    assert owners["participation-by-district"] == "participation"
    assert owners["projects"] == "participation"
    assert owners["budget-by-district"] == "voting"
    assert owners["poll-results"] == "voting"
    assert owners["applications-by-month"] == "eservices"
    assert owners["service-statistics"] == "eservices"


def test_geodata_declares_only_its_own_layers():
    own = [value for value in vars(builtin_layers).values() if isinstance(value, Layer)]

    assert {layer.id for layer in own} == {"districts", "places"}
    assert {app_of(layer.features.__module__) for layer in own} == {"geodata"}
    for layer_id in ("proposals", "projects"):
        assert app_of(get_layer(layer_id).features.__module__) == "participation"


def test_the_registry_records_the_declaring_module(restore_registries):
    register_chart(Chart(id="ownership-probe", title="Probe", columns=(), rows=list))

    assert CHARTS.declared_by("ownership-probe") == __name__
