"""The registry of open datasets: what the catalogue lists and the downloads it serves.

A dataset declares its metadata (titles, descriptions, theme, keywords, licence, …) and its
distributions, each a format with a callable that produces the file. Each dataset is declared
by the app that owns its data, in that app's AppConfig.ready() (see docs/opendata.md, ADR 0331):

    from rathaus.opendata.datasets import GOVERNMENT, Dataset, register_dataset, tabular
    register_dataset(Dataset(
        id="projects", title_de=…, title_en=…, description_de=…, description_en=…,
        themes=(GOVERNMENT,),
        distributions=tabular(("id", "title", "status", "district"), public_project_rows),
        modified=last_project_change,
    ))

`available()` decides whether a dataset is listed right now (e.g. only once there is something
to publish); a dataset without distributions is not listed. `connect_dataset` replaces the
live parts of a declared dataset (e.g. sample rows in a test).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.db.models import Max, Min, QuerySet
from django.utils import timezone
from django.utils.translation import get_language

from rathaus.geodata.crs import CRS84, EPSG_25832, transformer
from rathaus.geodata.layers import get_layer
from rathaus.geodata.snapshots import encode, snapshot
from rathaus.opendata.slots import SlotRegistry, caller_module

DATA_THEME = "http://publications.europa.eu/resource/authority/data-theme/"
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
GOVERNMENT = DATA_THEME + "GOVE"
REGIONS = DATA_THEME + "REGI"
SOCIETY = DATA_THEME + "SOCI"
IANA = "https://www.iana.org/assignments/media-types/"
LICENCES = "http://dcat-ap.de/def/licenses/"
DEFAULT_LICENCE = LICENCES + "dl-by-de/2.0"
# The topic of the catalogue's cached list (rathaus.core.fragments): each app that declares a
# dataset connects the models whose rows decide whether it is listed (its `available`).
CATALOGUE_TOPIC = "opendata.catalogue"
# The coordinate reference systems a download with coordinates offers besides CRS84
# (`?crs=EPSG:25832`): ETRS89 / UTM zone 32N, the CRS of the city's GIS.
DOWNLOAD_CRS = (EPSG_25832,)


@dataclass(frozen=True)
class Format:
    key: str  # the file extension
    media_type: str
    file_type: str  # EU file-type IRI
    label: str


FORMATS = {
    "csv": Format("csv", "text/csv", FILE_TYPE + "CSV", "CSV"),
    "json": Format("json", "application/json", FILE_TYPE + "JSON", "JSON"),
    "geojson": Format("geojson", "application/geo+json", FILE_TYPE + "GEOJSON", "GeoJSON"),
}


@dataclass(frozen=True)
class Distribution:
    format: str  # a key of FORMATS
    produce: Callable[[], bytes | str]
    # The file with its coordinates in another CRS (a URI of DOWNLOAD_CRS); None: CRS84 only.
    produce_in: Callable[[str], bytes | str] | None = None

    @property
    def file_format(self) -> Format:
        return FORMATS[self.format]

    @property
    def crs(self) -> tuple[str, ...]:
        """The CRS this download is offered in (CRS84 first, the default)."""
        return (CRS84, *DOWNLOAD_CRS) if self.produce_in is not None else (CRS84,)


@dataclass(frozen=True)
class Dataset:
    id: str
    title_de: str
    title_en: str
    description_de: str
    description_en: str
    themes: tuple[str, ...]  # EU data theme IRIs (DATA_THEME + "REGI", …)
    keywords_de: tuple[str, ...] = ()
    keywords_en: tuple[str, ...] = ()
    distributions: tuple[Distribution, ...] = ()
    licence: str = ""  # an IRI under LICENCES; empty: the installation's default licence
    # The area covered: an IRI; empty: the municipality (its political geocoding URI).
    spatial: str = ""
    temporal: Callable[[], tuple[date | None, date | None]] | None = None
    modified: Callable[[], date | datetime | None] | None = None
    issued: Callable[[], date | datetime | None] | None = None
    available: Callable[[], bool] = field(default=lambda: True)
    order: int = 100

    @property
    def title(self) -> str:
        return self.title_en if get_language() == "en" else self.title_de

    @property
    def description(self) -> str:
        return self.description_en if get_language() == "en" else self.description_de

    @property
    def licence_iri(self) -> str:
        return self.licence or default_licence()

    def is_listed(self) -> bool:
        return bool(self.distributions) and self.available()

    def distribution(self, format_key: str) -> Distribution | None:
        return next((d for d in self.distributions if d.format == format_key), None)


def default_licence() -> str:
    return getattr(settings, "OPENDATA_LICENCE", "") or DEFAULT_LICENCE


DATASETS: SlotRegistry[Dataset] = SlotRegistry()


def register_dataset(dataset: Dataset) -> None:
    """Declare a dataset (or replace the one with the same id); the calling module is
    recorded as its owner (`DATASETS.declared_by(id)`)."""
    DATASETS.declare(dataset, owner=caller_module())


def connect_dataset(
    dataset_id: str,
    *,
    distributions: Sequence[Distribution],
    available: Callable[[], bool] | None = None,
    modified: Callable[[], date | datetime | None] | None = None,
    temporal: Callable[[], tuple[date | None, date | None]] | None = None,
    licence: str = "",
) -> None:
    """Replace a dataset's distributions (and optionally the other live metadata, and its
    licence: an IRI under LICENCES), e.g. sample rows in a test.

    May be called before the dataset is declared; the connection applies when it is.
    """
    changes: dict = {"distributions": tuple(distributions)}
    for name, value in (("available", available), ("modified", modified), ("temporal", temporal)):
        if value is not None:
            changes[name] = value
    if licence:
        changes["licence"] = licence
    DATASETS.connect(dataset_id, **changes)


def drawn_from(
    rows: Callable[[], QuerySet], *, changed: str, covers: tuple[str, str] | None = None
) -> dict:
    """The live metadata of a dataset drawn from the rows that ``rows()`` selects, as keyword
    arguments of `Dataset` (``Dataset(…, **drawn_from(…))``): listed while there is a row
    (``available``), changed when the latest ``changed`` field says (``modified``) and, with
    ``covers`` (a start and an end field), covering the days from the earliest start to the
    latest end in local time (``temporal``)."""
    metadata: dict = {
        "available": lambda: rows().exists(),
        "modified": lambda: rows().aggregate(latest=Max(changed))["latest"],
    }
    if covers:

        def temporal() -> tuple[date | None, date | None]:
            found = rows().aggregate(start=Min(covers[0]), end=Max(covers[1]))
            return tuple(
                None if found[key] is None else timezone.localtime(found[key]).date()
                for key in ("start", "end")
            )

        metadata["temporal"] = temporal
    return metadata


def get_dataset(dataset_id: str) -> Dataset | None:
    """A listed dataset (declared, connected and available), else None."""
    dataset = DATASETS.get(dataset_id)
    return dataset if dataset is not None and dataset.is_listed() else None


def listed_datasets() -> list[Dataset]:
    return sorted(
        (dataset for dataset in DATASETS if dataset.is_listed()),
        key=lambda dataset: (dataset.order, dataset.id),
    )


def _plain(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def csv_bytes(columns: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """CSV with a header row, comma-separated, UTF-8 (RFC 4180)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if value is None else _plain(value) for value in row])
    return buffer.getvalue().encode()


def json_bytes(columns: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """The same table as a JSON array of objects."""
    records = [
        {column: _plain(value) for column, value in zip(columns, row, strict=True)} for row in rows
    ]
    return json.dumps(records, ensure_ascii=False, indent=1).encode()


def _projected_columns(columns: tuple[str, ...], coordinates: tuple[str, str]) -> tuple:
    """Column names for projected coordinates: lon → east, lat → north (point_lon → point_east)."""
    lon, lat = coordinates
    names = {lon: lon.replace("lon", "east"), lat: lat.replace("lat", "north")}
    return tuple(names.get(column, column) for column in columns)


def _projected_rows(
    columns: tuple[str, ...], rows: Iterable[Sequence], coordinates: tuple[str, str], target: str
):
    """`rows` with the lon/lat columns in `target` (metres, to the millimetre)."""
    x, y = columns.index(coordinates[0]), columns.index(coordinates[1])
    move = transformer(CRS84, target)
    for row in rows:
        row = list(row)
        if row[x] is not None and row[y] is not None:
            east, north = move.transform(float(row[x]), float(row[y]))
            row[x], row[y] = round(east, 3), round(north, 3)
        yield row


def tabular(
    columns: Sequence[str],
    rows: Callable[[], Iterable[Sequence]],
    coordinates: tuple[str, str] | None = None,
) -> tuple[Distribution, Distribution]:
    """A CSV and a JSON distribution of one table (`rows()` yields tuples matching columns).

    `coordinates` names the longitude and latitude columns (WGS84): the downloads are then
    offered in DOWNLOAD_CRS too, with those columns projected and renamed (lon → east, …).
    """
    columns = tuple(columns)

    def produce_in(write):
        if coordinates is None:
            return None
        projected = _projected_columns(columns, coordinates)
        return lambda target: write(
            projected, _projected_rows(columns, rows(), coordinates, target)
        )

    return (
        Distribution("csv", lambda: csv_bytes(columns, rows()), produce_in(csv_bytes)),
        Distribution("json", lambda: json_bytes(columns, rows()), produce_in(json_bytes)),
    )


def layer_geojson(layer_id: str) -> Distribution:
    """A GeoJSON distribution of a registered map layer (all its features)."""

    def produce_in(target: str = CRS84) -> bytes:
        layer = get_layer(layer_id)
        data = snapshot(layer, settings.LANGUAGE_CODE)
        # RFC 7946 knows WGS84 only; for a projected CRS the named CRS member of the 2008
        # GeoJSON specification tells GDAL, QGIS and other GIS which one the coordinates use.
        named = b""
        if target != CRS84:
            code = target.rsplit("/", 1)[1]
            name = {"type": "name", "properties": {"name": f"urn:ogc:def:crs:EPSG::{code}"}}
            named = b'"crs":' + encode(name) + b","
        features = b",".join(data.encoded_in(target))
        return b'{"type":"FeatureCollection",' + named + b'"features":[' + features + b"]}"

    return Distribution("geojson", produce_in, produce_in)
