"""OGC items and casting a ballot measured in-process: CPU time and queries per request.

A fresh PostgreSQL database (or the one named by BENCH_DATABASE_URL) is migrated and given the
districts of the shared file and a code poll (`seed_voting_bench`); then the Django test client
sends the requests in this process, timed with ``time.process_time()`` (the shared machine's load
distorts CPU time far less than wall time), against their anchors in the same rounds, A B A B:

* ``/ogc/collections/districts/items?f=json`` against ``/healthz``, with the data versions
  remembered (GEODATA_VERSION_TTL as configured) and read on every request (TTL 0);
* ``POST /api/v1/polls/{id}/ballots`` (every request with its own code) against
  ``GET /api/v1/me`` with a bearer token.

The throughput against pygeoapi and under wrk is bench/run.py's; this module shows where the
CPU goes before the network. Usage::

    .venv/bin/python bench/inprocess.py

and from bench/run.py: ``from bench.inprocess import measure`` then
``for line in measure(): print(line)`` (it creates and drops its own database).
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from lib import postgres_available, postgres_database  # noqa: E402

ROUNDS, REQUESTS = 3, 200
ENV = {
    "DJANGO_ENV": "development",
    "CACHE_URL": "locmemcache://",
    "LOG_LEVEL": "WARNING",
    "RATE_LIMIT_GEODATA": "1000000/m",
    "RATE_LIMIT_VOTING_CODE": "1000000/m",
    # As the production profile on PostgreSQL without Redis: the cast's rate-limit counter is
    # a row in the database (rathaus.core.ratecounters), not an in-memory one.
    "RATE_LIMIT_COUNTERS": "database",
}


def _manage(*args: str) -> str:
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=os.environ,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _prepare(codes_file: Path) -> dict:
    _manage("migrate", "--noinput", "-v0")
    _manage("load_demo", "--only", "core", "geodata")
    districts = ROOT.parent / "shared" / "data" / "kaiserslautern" / "ortsbezirke.geojson"
    if districts.is_file():
        _manage("import_districts", str(districts))
    count = str((ROUNDS + 1) * (REQUESTS + 2) + 10)
    return json.loads(
        _manage("seed_voting_bench", "--codes", count, "--codes-file", str(codes_file))
    )


def _cpu_ms(work, n: int) -> float:
    start = time.process_time()
    for _ in range(n):
        work()
    return (time.process_time() - start) / n * 1000


def _queries(work) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        work()
    return len(captured.captured_queries)


def _backend_seconds() -> float | None:
    """CPU seconds of this connection's PostgreSQL backend so far, when it runs on this machine
    (from /proc); None otherwise."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _backend_ms(work, n: int) -> float | None:
    before = _backend_seconds()
    for _ in range(n):
        work()
    after = _backend_seconds()
    return None if before is None or after is None else (after - before) / n * 1000


def _compare(name: str, page, anchor, anchor_name: str) -> str:
    page(), anchor()
    queries = (_queries(page), _queries(anchor))
    pairs = [(_cpu_ms(page, REQUESTS), _cpu_ms(anchor, REQUESTS)) for _ in range(ROUNDS)]
    ours = statistics.median(p for p, _ in pairs)
    theirs = statistics.median(a for _, a in pairs)
    database = (_backend_ms(page, REQUESTS), _backend_ms(anchor, REQUESTS))
    backend = (
        f" | PostgreSQL backend {database[0]:.2f} / {database[1]:.2f} ms"
        if None not in database
        else ""
    )
    return (
        f"{name}: {ours:.2f} ms CPU, {queries[0]} queries | {anchor_name}: {theirs:.2f} ms CPU, "
        f"{queries[1]} queries | cost ratio {ours / theirs:.2f} (medians of {ROUNDS} rounds)"
        f"{backend}"
    )


def _run(seed: dict, codes: list[str]) -> list[str]:
    import django

    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rathaus.settings")
    django.setup()
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    remaining = iter(codes)

    def expect(response, *statuses):
        if response.status_code not in statuses:
            raise RuntimeError(f"{response.status_code}: {response.content[:300]!r}")

    def items():
        expect(client.get("/ogc/collections/districts/items?f=json"), 200)

    def healthz():
        expect(client.get("/healthz"), 200)

    def cast():
        body = json.dumps({"code": next(remaining), "choices": ["a"]})
        url = f"/api/v1/polls/{seed['poll']}/ballots"
        expect(client.post(url, data=body, content_type="application/json"), 201)

    def me():
        expect(client.get("/api/v1/me", headers={"Authorization": f"Bearer {seed['token']}"}), 200)

    ttl = settings.GEODATA_VERSION_TTL
    lines = [_compare(f"OGC items (version TTL {ttl:g} s)", items, healthz, "/healthz")]
    settings.GEODATA_VERSION_TTL = 0
    lines.append(_compare("OGC items (version TTL 0)", items, healthz, "/healthz"))
    settings.GEODATA_VERSION_TTL = ttl
    lines.append(_compare("cast a ballot", cast, me, "GET /api/v1/me"))
    return lines


def measure():
    """Yields one line per comparison; creates and drops its own database."""
    if not postgres_available() and not os.environ.get("BENCH_DATABASE_URL"):
        yield "in-process: no PostgreSQL on 127.0.0.1:5432 (skipped)"
        return
    os.environ.update(ENV)
    with tempfile.TemporaryDirectory(prefix="rathaus-inprocess-") as folder:
        given = os.environ.get("BENCH_DATABASE_URL")
        with postgres_database() if not given else contextlib.nullcontext(given) as url:
            os.environ["DATABASE_URL"] = url
            codes_file = Path(folder) / "codes.txt"
            seed = _prepare(codes_file)
            codes = codes_file.read_text(encoding="ascii").split()
            yield from _run(seed, codes)
            from django.db import connections

            connections.close_all()


if __name__ == "__main__":
    for line in measure():
        print(line, flush=True)
