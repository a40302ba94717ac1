"""OGC API items of the ten district polygons against the trivial page, on a real server.

pygeoapi serves the same ten polygons at about 70 requests/s on this kind of machine; the
aim is at least ten times that. Needs the shared district file (../shared/data next to the
repository, or RATHAUS_SHARED_DATA); without it the districts are demo points only.
"""

import os
import urllib.request
from pathlib import Path

from lib import ROOT, bench_server, report, wrk

PYGEOAPI_REQUESTS_PER_SECOND = 70


def districts_file() -> Path | None:
    explicit = os.environ.get("RATHAUS_SHARED_DATA")
    folders = [Path(explicit)] if explicit else []
    folders += [parent / "shared" / "data" for parent in ROOT.parents[:2]]
    for folder in folders:
        candidate = folder / "kaiserslautern" / "ortsbezirke.geojson"
        if candidate.is_file():
            return candidate
    return None


def measured(url: str, trivial_url: str, rounds: int = 3, **options):
    """Median of `rounds` alternating runs of `url` and the trivial page (the machine is shared,
    so both see the same background load)."""
    pairs = [(wrk(url, seconds=3, **options), wrk(trivial_url, seconds=3)) for _ in range(rounds)]
    pairs.sort(key=lambda pair: pair[0].requests_per_second / pair[1].requests_per_second)
    return pairs[len(pairs) // 2]


with bench_server() as server:
    server.manage("load_demo", "--only", "core", "geodata")
    source = districts_file()
    if source is not None:
        server.manage("import_districts", str(source))
    else:
        print("(no shared district file: districts are demo points, not polygons)")
    healthz = server.url("/healthz")
    items_url = server.url("/ogc/collections/districts/items")
    with urllib.request.urlopen(items_url) as response:  # noqa: S310 (loopback)
        etag = response.headers["ETag"]
        size = len(response.read())
    items, trivial = measured(items_url, healthz)
    report(f"OGC items, 10 districts ({size // 1024} KiB)", items, trivial)
    print(
        f"OGC items: {items.requests_per_second:,.0f} req/s = "
        f"{items.requests_per_second / trivial.requests_per_second:.2f} x the trivial page, "
        f"{items.requests_per_second / PYGEOAPI_REQUESTS_PER_SECOND:.1f} x pygeoapi "
        f"(~{PYGEOAPI_REQUESTS_PER_SECOND} req/s)",
        flush=True,
    )
    report(
        "OGC items, gzip",
        *measured(items_url, healthz, headers={"Accept-Encoding": "gzip"}),
    )
    report(
        "OGC items, revalidated (304 Not Modified)",
        *measured(items_url, healthz, headers={"If-None-Match": etag}),
    )
    report(
        "point in district (/api/v1/geodata/locate)",
        *measured(server.url("/api/v1/geodata/locate?lon=7.7694&lat=49.4436"), healthz),
    )
