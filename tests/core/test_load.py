"""Hostile load against the real server: citizens and the health check stay fast.

gunicorn is started as production starts it (the Procfile's command with the recommended
worker settings, ``GUNICORN_WORKERS``/``GUNICORN_THREADS`` in docs/platform.md) on a free
loopback port, against the test database. Twenty clients then send oversized and maximum-size
requests to every anonymous computing endpoint at once, while a citizen loads a page and the
load balancer asks ``/healthz`` every 0.3 s. The worst sample counts.

Run with DATABASE_URL=postgres://… (the server is another process and needs a database both
can see; skipped on SQLite, whose test database lives in memory).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests
from django.conf import settings
from django.db import connection

from rathaus.childbenefit.api import MAX_CHILDREN, MAX_PERIODS
from rathaus.childbenefit.services import amount_defaults_seed
from rathaus.dogtax.api import MAX_DOGS
from rathaus.dogtax.selectors import current_statute
from rathaus.geodata.boundaries import parse_boundaries
from rathaus.geodata.services import districts_replace
from tests.geodata.shared_data import districts_file

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.alone,
    pytest.mark.django_db(transaction=True),
]

ROOT = Path(__file__).resolve().parents[2]
CLIENTS = 20
ROUNDS = 2
PAGE_LIMIT = 1.0
HEALTH_LIMIT = 0.2
# "At once" for a refusal: 413 is judged from Content-Length; 422 needs the body parsed and
# validated, in a worker whose other threads compute maximum-size quotes beside it.
REFUSAL_LIMIT = 2.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    amount_defaults_seed(actor=None)
    current_statute()
    districts_replace(boundaries=parse_boundaries(districts_file().read_text()), source="test")
    database = settings.DATABASES["default"]
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_ENV": "test",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/"
            f"{database['NAME']}"
        ),
        "ALLOWED_HOSTS": "127.0.0.1",
        "CONN_MAX_AGE": "60",
    }
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "rathaus.wsgi",
            "--pythonpath",
            "src",
            "--bind",
            f"127.0.0.1:{port}",
            "--config",
            "src/rathaus/gunicorn_conf.py",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "gunicorn.log").open("wb"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if requests.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            assert process.poll() is None, (tmp_path / "gunicorn.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "gunicorn did not come up"
            time.sleep(0.2)
        for path in ("/en/", "/ogc/collections/districts/items?f=json&limit=10000"):
            requests.get(base + path, timeout=10)  # each worker warms up on its own
        yield base
    finally:
        print((tmp_path / "gunicorn.log").read_text()[-5000:])
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _quote_children(count: int, periods: int) -> str:
    children = [
        {
            "ref": f"child {n}",
            "born_on": f"{2000 + n % 25}-0{1 + n % 9}-15",
            "qualifying_periods": [
                {"kind": "education", "from": "2018-01", "to": "2026-06"} for _ in range(periods)
            ],
        }
        for n in range(count)
    ]
    return json.dumps(
        {"application_received_on": "2026-03-10", "until": "2026-12", "children": children}
    )


def _dogs(count: int) -> str:
    dogs = [{"ref": f"dog {n}", "kept_since": "2020-01-01"} for n in range(count)]
    return json.dumps({"year": 2026, "dogs": dogs})


# 503 with Retry-After when the worker's computing slots are taken; 429 when the client is over
# its rate limit: both are refusals at once, as a hostile client should get them.
REFUSED_AT_ONCE = {429, 503}
BUSY_OR_OK = {200} | REFUSED_AT_ONCE
# (method, path, body, statuses that count as an answer "at once")
REQUESTS = [
    ("POST", "/api/v1/childbenefit/quote", _quote_children(10_000, 0), {413}),
    (
        "POST",
        "/api/v1/childbenefit/quote",
        _quote_children(MAX_CHILDREN + 1, MAX_PERIODS),
        {422} | REFUSED_AT_ONCE,
    ),
    ("POST", "/api/v1/childbenefit/quote", _quote_children(MAX_CHILDREN, MAX_PERIODS), BUSY_OR_OK),
    ("POST", "/api/v1/dogtax/quote", _dogs(5_000), {413}),
    ("POST", "/api/v1/dogtax/quote", _dogs(MAX_DOGS + 1), {422} | REFUSED_AT_ONCE),
    ("POST", "/api/v1/dogtax/quote", _dogs(MAX_DOGS), BUSY_OR_OK),
    ("GET", "/api/v1/geodata/locate?lon=7.7694&lat=49.4436", None, BUSY_OR_OK),
    ("GET", "/api/v1/geodata/locate?lon=7.7694&lat=1e400", None, {422} | REFUSED_AT_ONCE),
    ("GET", "/ogc/collections/districts/items?f=json&limit=10000", None, BUSY_OR_OK),
    ("GET", "/ogc/collections/districts/items?f=json&limit=10001", None, {400} | REFUSED_AT_ONCE),
    ("GET", "/ogc/collections/districts/items?f=json&bbox=7.6,49.3,7.9,49.5", None, BUSY_OR_OK),
]
HOSTILE_PROCESSES = 1  # the CLIENTS threads run in a process of their own


def _hostile_clients(base: str, tmp_path: Path) -> list:
    """Start the hostile clients in processes of their own; their answers, each with the
    statuses that count as answered at once."""
    requests_file = tmp_path / "requests.json"
    requests_file.write_text(json.dumps([[m, p, b] for m, p, b, _ in REQUESTS]))
    script = ROOT / "tests" / "core" / "scripts" / "hostile_clients.py"
    threads = CLIENTS // HOSTILE_PROCESSES
    processes = [
        subprocess.Popen(
            [sys.executable, str(script), base, str(threads), str(ROUNDS), str(requests_file)],
            stdout=subprocess.PIPE,
        )
        for _ in range(HOSTILE_PROCESSES)
    ]
    answers = []
    for process in processes:
        output, _ = process.communicate(timeout=120)
        answers += json.loads(output)
    return [
        (REQUESTS[index][1], status, REQUESTS[index][3], seconds)
        for index, status, seconds in answers
    ]


def _citizen(base: str, stop: threading.Event, samples: dict) -> None:
    with requests.Session() as session:
        while not stop.is_set():
            for name, path in (("page", "/en/"), ("healthz", "/healthz")):
                started = time.monotonic()
                status = session.get(base + path, timeout=30).status_code
                samples[name].append((time.monotonic() - started, status))
            stop.wait(0.3)


def test_hostile_load_leaves_citizens_and_health_checks_fast(server, tmp_path):
    samples: dict = {"page": [], "healthz": []}
    stop = threading.Event()
    citizen = threading.Thread(target=_citizen, args=(server, stop, samples))
    citizen.start()
    time.sleep(0.5)
    started = time.monotonic()
    answers = _hostile_clients(server, tmp_path)
    hostile_seconds = time.monotonic() - started
    time.sleep(0.5)
    stop.set()
    citizen.join()

    by_request: dict = {}
    for path, status, _, seconds in answers:
        entry = by_request.setdefault((path, str(status)[:40]), [0, 0.0])
        entry[0] += 1
        entry[1] = max(entry[1], seconds)
    summary = "\n".join(f"{k}: {n} worst {w:.2f}s" for k, (n, w) in sorted(by_request.items()))
    wrong = [(path, status) for path, status, expected, _ in answers if status not in expected]
    refused = [seconds for _, status, _, seconds in answers if status in (400, 413, 422)]
    page = max(seconds for seconds, _ in samples["page"])
    health = max(seconds for seconds, _ in samples["healthz"])
    report = (
        f"{len(answers)} hostile requests in {hostile_seconds:.1f} s, worst refusal "
        f"{max(refused) * 1000:.0f} ms; worst page {page * 1000:.0f} ms of "
        f"{len(samples['page'])}, worst /healthz {health * 1000:.0f} ms of "
        f"{len(samples['healthz'])}\n{summary}"
    )
    print(report)
    assert wrong == [], report
    assert len(answers) == CLIENTS * ROUNDS * len(REQUESTS)
    assert all(status == 200 for _, status in samples["page"] + samples["healthz"])
    assert max(refused) < REFUSAL_LIMIT, report
    assert page <= PAGE_LIMIT, report
    assert health <= HEALTH_LIMIT, report
