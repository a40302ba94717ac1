"""Shared benchmark tools: a real server (gunicorn) on its own database, and wrk to load it.

Every benchmark prints ratios measured in the same run (a page against a trivial page on the same
server), so its numbers mean something on any machine.

    with bench_server(database="sqlite") as server:
        server.manage("seed_something", "--count", "1000")
        page = wrk(server.url("/some/page/"))
        trivial = wrk(server.url("/healthz"))
        report("some page", page, trivial)
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
POSTGRES_ADMIN = "postgres://postgres@127.0.0.1:5432/postgres"


@dataclass
class Load:
    requests_per_second: float
    latency_ms: float

    def __str__(self) -> str:
        return f"{self.requests_per_second:,.0f} req/s, {self.latency_ms:.1f} ms mean"


@dataclass
class Server:
    base: str
    env: dict

    def url(self, path: str) -> str:
        return self.base + path

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [PYTHON, str(ROOT / "manage.py"), *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_available() -> bool:
    return (
        shutil.which("pg_isready") is not None
        and subprocess.run(
            ["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"], check=False
        ).returncode
        == 0
    )


@contextlib.contextmanager
def _database(kind: str):
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="rathaus-bench-") as folder:
            yield f"sqlite:///{folder}/bench.sqlite3"
        return
    name = f"rathaus_bench_{os.getpid()}"
    psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc"]
    subprocess.run([*psql, f"DROP DATABASE IF EXISTS {name}"], check=True)
    subprocess.run([*psql, f"CREATE DATABASE {name}"], check=True)
    try:
        yield f"postgres://postgres@127.0.0.1:5432/{name}"
    finally:
        subprocess.run([*psql, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=False)


@contextlib.contextmanager
def bench_server(*, database: str = "sqlite", workers: int = 2, extra_env: dict | None = None):
    """Migrate a fresh database and serve it with gunicorn; yields a Server."""
    with _database(database) as url:
        env = {
            **os.environ,
            "DJANGO_ENV": "development",
            "DATABASE_URL": url,
            "CACHE_URL": "locmemcache://",
            "LOG_LEVEL": "WARNING",
            **(extra_env or {}),
        }
        server = Server(base="", env=env)
        server.manage("migrate", "--noinput", "-v0")
        server.manage("collectstatic", "--noinput", "-v0")
        port = _free_port()
        process = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "gunicorn"),
                "rathaus.wsgi",
                "--pythonpath",
                "src",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
        )
        server.base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                with contextlib.suppress(OSError):
                    health = urllib.request.urlopen(server.url("/healthz"), timeout=2)  # noqa: S310
                    if health.status == 200:
                        break
                time.sleep(0.2)
            yield server
        finally:
            process.terminate()
            process.wait(timeout=20)


def wrk(
    url: str,
    *,
    seconds: int = 5,
    connections: int = 8,
    threads: int = 2,
    headers: dict | None = None,
    script: str | None = None,
) -> Load:
    """Load `url` with wrk and return what it measured."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    if script:
        command += ["-s", script]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = re.search(r"Latency\s+([\d.]+)(us|ms|s)", output)
    factor = {"us": 0.001, "ms": 1.0, "s": 1000.0}[latency.group(2)]
    if "Non-2xx or 3xx responses" in output:
        raise RuntimeError(f"wrk saw error responses for {url}:\n{output}")
    return Load(rate, float(latency.group(1)) * factor)


def report(name: str, measured: Load, trivial: Load) -> None:
    """Print one result line with the ratio of latencies to the trivial page."""
    ratio = measured.latency_ms / trivial.latency_ms if trivial.latency_ms else float("inf")
    print(f"{name}: {measured} | trivial page: {trivial} | latency ratio {ratio:.2f}x", flush=True)
