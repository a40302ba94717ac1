"""Query parameters of the OGC API: which are allowed where, and what they must look like.

Part 1 (Core) asks servers to reject parameters they do not know with 400, so that a client
never silently gets unfiltered data for a filter the server ignored.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from rathaus.geodata import crs as crs_registry
from rathaus.geodata.crs import CRS84

DEFAULT_LIMIT = 10
MAX_LIMIT = 10_000
MAX_OFFSET = 1_000_000
MAX_DATETIME = 100
MAX_FEATURE_ID = 200
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
COMMON = frozenset({"f"})
ITEMS = frozenset({"f", "limit", "offset", "bbox", "datetime", "crs", "bbox-crs"})
ITEM = frozenset({"f", "crs"})
FORMATS = ("json", "html")
# RFC 3339 date-time, or an interval of two (either end may be open: "..", "").
_INSTANT = r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?"
_DATETIME = re.compile(rf"^(?:{_INSTANT}|(?:{_INSTANT}|\.\.|)/(?:{_INSTANT}|\.\.|))$")


class OgcError(Exception):
    """An error answered as an OGC exception document `{"code", "description"}`."""

    def __init__(self, status: int, code: str, description: str):
        self.status = status
        self.code = code
        self.description = description
        super().__init__(description)


def invalid(description: str) -> OgcError:
    return OgcError(400, "InvalidParameterValue", description)


def check_known(query, allowed: frozenset[str]) -> None:
    unknown = sorted(set(query.keys()) - allowed)
    if unknown:
        raise invalid(
            _("Unknown query parameter(s): %(unknown)s. Allowed here: %(allowed)s.")
            % {"unknown": ", ".join(unknown), "allowed": ", ".join(sorted(allowed))}
        )
    for name in query:
        if len(query.getlist(name)) > 1:
            raise invalid(_("The parameter %(name)s is given more than once.") % {"name": name})


def parse_format(query) -> str | None:
    value = query.get("f")
    if value is None:
        return None
    if value not in FORMATS:
        raise invalid(_("f must be one of: %(formats)s.") % {"formats": ", ".join(FORMATS)})
    return value


@dataclass(frozen=True)
class ItemsQuery:
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    bbox: tuple[float, float, float, float] | None = None
    datetime: str | None = None
    crs: str = CRS84
    bbox_crs: str = CRS84


def parse_crs(query, name: str = "crs") -> str:
    """The CRS URI of parameter `name` (OGC API – Features Part 2); CRS84 without one."""
    raw = query.get(name)
    if raw is None:
        return CRS84
    if raw not in crs_registry.SUPPORTED:
        raise invalid(
            _("%(name)s must be one of: %(supported)s.")
            % {"name": name, "supported": ", ".join(crs_registry.SUPPORTED)}
        )
    return raw


def _whole(query, name: str, default: int, minimum: int, maximum: int) -> int:
    raw = query.get(name)
    if raw is None:
        return default
    if not re.fullmatch(r"\d{1,12}", raw) or not minimum <= int(raw) <= maximum:
        raise invalid(
            _("%(name)s must be a whole number from %(minimum)s to %(maximum)s.")
            % {"name": name, "minimum": minimum, "maximum": maximum}
        )
    return int(raw)


def _bbox(raw: str | None, bbox_crs: str = CRS84) -> tuple[float, float, float, float] | None:
    if raw is None:
        return None
    parts = raw.split(",")
    if len(parts) != 4:
        raise invalid(_("bbox must be four numbers: min lon, min lat, max lon, max lat (WGS84)."))
    try:
        min_x, min_y, max_x, max_y = (float(part) for part in parts)
    except ValueError as error:
        raise invalid(_("bbox must consist of numbers.")) from error
    if not all(math.isfinite(value) for value in (min_x, min_y, max_x, max_y)):
        raise invalid(_("bbox must consist of numbers."))
    bounds = crs_registry.SUPPORTED[bbox_crs].bounds
    if bounds is not None and not (
        bounds[0] <= min_x <= bounds[2]
        and bounds[0] <= max_x <= bounds[2]
        and bounds[1] <= min_y <= bounds[3]
        and bounds[1] <= max_y <= bounds[3]
    ):
        raise invalid(
            _("bbox lies outside the valid coordinates of %(crs)s (check the axis order).")
            % {"crs": bbox_crs}
        )
    if min_y > max_y:
        raise invalid(_("bbox must give the minimum before the maximum on each axis."))
    if min_x > max_x:
        raise invalid(_("A bbox crossing the antimeridian is not supported."))
    return min_x, min_y, max_x, max_y


def parse_items(query) -> ItemsQuery:
    check_known(query, ITEMS)
    datetime = query.get("datetime")
    if datetime is not None and (len(datetime) > MAX_DATETIME or not _DATETIME.match(datetime)):
        raise invalid(_("datetime must be an RFC 3339 date-time or an interval start/end."))
    bbox_crs = parse_crs(query, "bbox-crs")
    return ItemsQuery(
        # The OpenAPI document states the bounds; a value outside them is a 400 (OGC API
        # Features 7.15.3 lets a server answer so instead of capping silently).
        limit=_whole(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
        offset=_whole(query, "offset", 0, 0, MAX_OFFSET),
        bbox=_bbox(query.get("bbox"), bbox_crs),
        datetime=datetime,
        crs=parse_crs(query),
        bbox_crs=bbox_crs,
    )
