"""OGC API Features items of the ten district polygons: Rathaus against pygeoapi, same file.

pygeoapi is installed by this benchmark into its own virtual environment (var/bench/pygeoapi,
from PyPI, not a dependency of the project) and serves the shared district file with its GeoJSON
provider under gunicorn (two workers, as Rathaus). Both are measured interleaved in the same
run; the goal (issue 15) is at least 10x pygeoapi's throughput. Rathaus runs with
COMPUTE_SLOTS=8 (one per thread) and without the per-client rate limit here, as
pygeoapi has neither. Needs the shared district file
(../shared/data/kaiserslautern/ortsbezirke.geojson or RATHAUS_SHARED_DATA).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from lib import (
    ROOT,
    Page,
    Target,
    bench_server,
    emit,
    free_port,
    measure_pages,
    serving,
    wait_until_up,
    wrk,
)
from measure import BenchError, Goal, Result, median_rate, median_ratio

PYGEOAPI = "pygeoapi==0.21.0"
VENV = ROOT / "var" / "bench" / "pygeoapi"


def districts_file() -> Path:
    explicit = os.environ.get("RATHAUS_SHARED_DATA")
    folders = [Path(explicit)] if explicit else []
    folders += [parent / "shared" / "data" for parent in ROOT.parents[:2]]
    for folder in folders:
        candidate = folder / "kaiserslautern" / "ortsbezirke.geojson"
        if candidate.is_file():
            return candidate
    raise BenchError("no shared district file (set RATHAUS_SHARED_DATA)")


def pygeoapi_venv() -> Path:
    """pygeoapi and gunicorn in a venv of their own (installed once, from PyPI)."""
    marker = VENV / f".installed-{PYGEOAPI}"
    if not marker.exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
        subprocess.run(
            [str(VENV / "bin" / "pip"), "install", "-q", PYGEOAPI, "gunicorn"],
            check=True,
        )
        marker.touch()
    return VENV


CONFIG = """
server:
  bind: {{host: 127.0.0.1, port: {port}}}
  url: http://127.0.0.1:{port}
  mimetype: application/json; charset=UTF-8
  encoding: utf-8
  language: en-US
  cors: false
  pretty_print: false
  limits: {{default_items: 10, max_items: 10}}
  map: {{url: "https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png", attribution: OSM}}
logging:
  level: ERROR
metadata:
  identification:
    title: bench
    description: bench
    keywords: [bench]
    keywords_type: theme
    terms_of_service: https://example.org
    url: https://example.org
  license: {{name: CC-BY 4.0, url: https://creativecommons.org/licenses/by/4.0/}}
  provider: {{name: bench, url: https://example.org}}
  contact: {{name: bench, email: bench@example.org}}
resources:
  districts:
    type: collection
    title: Districts
    description: Districts of Kaiserslautern
    keywords: [districts]
    extents:
      spatial:
        bbox: [7.6, 49.3, 7.9, 49.6]
        crs: http://www.opengis.net/def/crs/OGC/1.3/CRS84
    providers:
      - type: feature
        name: GeoJSON
        data: {data}
        id_field: ID
"""


@contextlib.contextmanager
def pygeoapi_server(source: Path):
    venv = pygeoapi_venv()
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="rathaus-bench-pygeoapi-") as folder:
        config = Path(folder) / "config.yml"
        openapi = Path(folder) / "openapi.yml"
        config.write_text(CONFIG.format(port=port, data=source), encoding="utf-8")
        env = {
            "PATH": f"{venv / 'bin'}:/usr/bin:/bin",
            "PYGEOAPI_CONFIG": str(config),
            "PYGEOAPI_OPENAPI": str(openapi),
        }
        subprocess.run(
            [str(venv / "bin" / "pygeoapi"), "openapi", "generate", str(config)],
            env=env,
            check=True,
            stdout=openapi.open("w"),
        )
        process = subprocess.Popen(
            [
                str(venv / "bin" / "gunicorn"),
                "pygeoapi.flask_app:APP",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--worker-class",
                "gthread",
                "--threads",
                "8",
                "--log-level",
                "warning",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(base + "/collections/districts/items?f=json")
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)


def features(url: str) -> int:
    with urllib.request.urlopen(url, timeout=30) as answer:  # noqa: S310 (loopback)
        return len(json.load(answer)["features"])


def main() -> int:
    source = districts_file()
    # One computing slot per thread: with the default (1 per worker) the guard answers the
    # eighth concurrent request 503 by design, and a load test counts that as a failure.
    # The per-client rate limit (300/min) would refuse a load test from one address.
    limits = {"COMPUTE_SLOTS": "8", "RATE_LIMIT_GEODATA": "100000000/m"}
    with bench_server(extra_env=limits) as server, pygeoapi_server(source) as theirs:
        server.manage("load_demo", "--only", "core", "geodata")
        server.manage("import_districts", str(source))
        with serving(server):
            ours_path = "/ogc/collections/districts/items?f=json"
            ours_count = len(server.get_json(ours_path)["features"])
            their_url = theirs + "/collections/districts/items?f=json"
            their_count = features(their_url)
            if ours_count != their_count:
                raise BenchError(f"Rathaus serves {ours_count} districts, pygeoapi {their_count}")
            pairs = []
            for _ in range(int(os.environ.get("BENCH_ROUNDS", "3"))):
                their_load = wrk(their_url)
                pairs.append((wrk(server.url(ours_path)), their_load))
            emit(
                Result(
                    name=f"OGC items, {ours_count} districts, vs pygeoapi (same file)",
                    ratio=1 / median_ratio(pairs),
                    anchor="pygeoapi",
                    goal=Goal(10.0, at_most=False),
                    rate=median_rate([load for load, _ in pairs]),
                    note=f"pygeoapi {median_rate([load for _, load in pairs]):,.0f} req/s",
                )
            )
            healthz = {"healthz": Target("/healthz")}
            measure_pages(
                server,
                [
                    Page("OGC items", Target(ours_path), "healthz"),
                    Page(
                        "OGC items, gzip",
                        Target(ours_path, headers=(("Accept-Encoding", "gzip"),)),
                        "healthz",
                    ),
                    Page(
                        "point in district (/api/v1/geodata/locate)",
                        Target("/api/v1/geodata/locate?lon=7.7694&lat=49.4436"),
                        "healthz",
                    ),
                ],
                healthz,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
