"""Shared benchmark tools: the production server on its own PostgreSQL database, wrk to load it,
interleaved measurements against an anchor page, and a query count of every page.

The server runs as in production (`DJANGO_ENV=production`, gunicorn with
src/rathaus/gunicorn_conf.py, two workers, behind a TLS proxy as far as Django can tell:
every request carries `X-Forwarded-Proto: https`). Data is seeded with the development profile
on the same database (the seed commands refuse to run in production).

Every page is measured interleaved with its anchor (anchor, page, anchor, page, ...); its cost is
the median over the rounds of anchor throughput / page throughput, so a change in the load of the
(shared) machine hits both alike. `BENCH_QUICK=1` makes every round shorter and the data smaller.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import pyotp
import requests
from measure import BenchError, Goal, Load, Result, median_rate, median_ratio, parse_wrk

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
QUICK = os.environ.get("BENCH_QUICK") == "1"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "2" if QUICK else "4"))
WORKERS = 2
DEMO_PASSWORD = "Rathaus-Demo-2026"  # noqa: S105 - the documented demo password
DEMO_TOTP = "KRATHAUSDEMOSECRETKLAUTERN234567"
PROXY = {"X-Forwarded-Proto": "https"}
CLOSE = {"Connection": "close"}


def sized(full: int, quick: int) -> int:
    return quick if QUICK else full


@dataclass
class Server:
    base: str
    env: dict
    seed_env: dict
    cookies: dict = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.base + path

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [PYTHON, str(ROOT / "manage.py"), *args],
            env=self.seed_env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def script(self, path: Path, payload: object = None, *, production: bool = False) -> object:
        """Run a Django script of bench/ (JSON in on stdin, JSON out on the last line)."""
        result = subprocess.run(
            [PYTHON, str(path)],
            input=json.dumps(payload),
            env=self.env if production else self.seed_env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{path.name} failed:\n{result.stderr[-3000:]}")
        return json.loads(result.stdout.strip().splitlines()[-1])

    def get_json(self, path: str, headers: dict | None = None) -> object:
        request = urllib.request.Request(  # noqa: S310 (loopback)
            self.url(path), headers={**PROXY, **(headers or {})}
        )
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
            return json.load(response)


def free_port() -> int:
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
def postgres_database():
    if not postgres_available():
        raise BenchError("the benchmarks need PostgreSQL on 127.0.0.1:5432")
    name = f"rathaus_bench_{os.getpid()}"
    psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-qc"]
    subprocess.run([*psql, f"DROP DATABASE IF EXISTS {name}"], check=True)
    subprocess.run([*psql, f"CREATE DATABASE {name}"], check=True)
    try:
        yield f"postgres://postgres@127.0.0.1:5432/{name}"
    finally:
        subprocess.run([*psql, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"], check=False)


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with (
            contextlib.suppress(OSError, urllib.error.URLError),
            urllib.request.urlopen(url, timeout=2) as answer,  # noqa: S310 (loopback)
        ):
            if answer.status == 200:
                return
        time.sleep(0.2)
    raise BenchError(f"{url} did not answer within {seconds:.0f} s")


@contextlib.contextmanager
def bench_server(*, extra_env: dict | None = None):
    """A fresh PostgreSQL database, migrated, served by gunicorn in the production profile."""
    with postgres_database() as url, tempfile.TemporaryDirectory(prefix="rathaus-bench-") as tmp:
        port = free_port()
        common = {
            **os.environ,
            "DATABASE_URL": url,
            # The production default without Redis: a file cache all workers share.
            "CACHE_URL": f"filecache://{tmp}/cache",
            "MEDIA_ROOT": f"{tmp}/media",
            "LOG_LEVEL": "WARNING",
            "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
            **(extra_env or {}),
        }
        seed_env = {**common, "DJANGO_ENV": "development"}
        env = {
            **common,
            "DJANGO_ENV": "production",
            "SECRET_KEY": "bench-" + "x" * 50,
            "ALLOWED_HOSTS": "127.0.0.1",
            "BEHIND_TLS_PROXY": "true",
            "WEB_WORKERS": str(WORKERS),
            "SITE_URL": f"https://127.0.0.1:{port}",
        }
        server = Server(base=f"http://127.0.0.1:{port}", env=env, seed_env=seed_env)
        server.manage("migrate", "--noinput", "-v0")
        server.manage("collectstatic", "--noinput", "-v0")
        yield server


@contextlib.contextmanager
def serving(server: Server):
    """gunicorn as the Procfile's `web` runs it, on the server's port (access log discarded)."""
    port = server.base.rsplit(":", 1)[1]
    process = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "rathaus.wsgi",
            "--pythonpath",
            "src",
            "--bind",
            f"127.0.0.1:{port}",
            "--config",
            "src/rathaus/gunicorn_conf.py",
        ],
        env=server.env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_until_up(server.url("/healthz"))
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)


def sign_in(server: Server, email: str, *, totp: bool) -> str:
    """Sign in through the login form (and TOTP) as a browser would; returns a Cookie header.

    Cookies are kept by hand: the production profile marks them Secure, which an HTTP client
    would not send back over plain HTTP (the TLS proxy is only pretended)."""
    cookies: dict[str, str] = {}

    def send(method: str, path: str, data: dict | None = None) -> requests.Response:
        url = server.url(path)
        for _ in range(6):
            answer = requests.request(
                method,
                url,
                data=data,
                timeout=30,
                allow_redirects=False,
                headers={
                    **PROXY,
                    "Referer": "https" + url.removeprefix("http"),
                    "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
                },
            )
            cookies.update(answer.cookies.get_dict())
            if answer.status_code not in (301, 302, 303):
                return answer
            url = urljoin(url, answer.headers["Location"]).replace("https://", "http://")
            method, data = "GET", None
        return answer

    def token(html: str) -> str:
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    page = send("GET", "/accounts/login/")
    answer = send(
        "POST",
        "/accounts/login/",
        {"csrfmiddlewaretoken": token(page.text), "login": email, "password": DEMO_PASSWORD},
    )
    if totp and "/accounts/2fa/authenticate/" in answer.url:
        path = answer.url.removeprefix(server.base)
        send(
            "POST",
            path,
            {"csrfmiddlewaretoken": token(answer.text), "code": pyotp.TOTP(DEMO_TOTP).now()},
        )
    if "sessionid" not in cookies:
        raise BenchError(f"{email} could not sign in")
    return f"sessionid={cookies['sessionid']}"


def wrk(
    url: str,
    *,
    seconds: int | None = None,
    connections: int = 8,
    threads: int = 2,
    headers: dict | None = None,
    script: str | None = None,
) -> Load:
    """Load `url` with wrk; BenchError on socket errors, timeouts and non-2xx answers.

    One connection per request (`Connection: close`), as nginx opens them to gunicorn with the
    configuration of docs/operations.md. With keep-alive, wrk's connections stay with the worker
    that accepted them, and a run whose connections all landed on one worker measured half the
    throughput of a balanced one: the same page against itself gave 0.41-1.95 over six rounds,
    with one connection per request 0.97-1.05 (ADR 0461)."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds or SECONDS}s"]
    command += ["--timeout", "10s"]
    for name, value in {**PROXY, **CLOSE, **(headers or {})}.items():
        command += ["-H", f"{name}: {value}"]
    if script:
        command += ["-s", script]
    done = subprocess.run([*command, url], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BenchError(f"wrk failed for {url}:\n{done.stdout}\n{done.stderr}")
    return parse_wrk(done.stdout, url)


def check_ok(url: str, headers: dict | None = None) -> None:
    """One request first: a page that answers 3xx/4xx would be measured as something else."""
    request = urllib.request.Request(url, headers={**PROXY, **(headers or {})})  # noqa: S310
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=30) as answer:
            status = answer.status
    except urllib.error.HTTPError as error:
        status = error.code
    if not 200 <= status < 300:
        raise BenchError(f"{url} answered {status}")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass(frozen=True)
class Target:
    """A URL with the headers (e.g. a session cookie) it is loaded with."""

    path: str
    cookie: str = ""
    headers: tuple = ()

    def all_headers(self) -> dict:
        return {**({"Cookie": self.cookie} if self.cookie else {}), **dict(self.headers)}


def interleaved(server: Server, page: Target, anchor: Target, rounds: int = ROUNDS):
    """(page, anchor) loads of `rounds` alternating runs: anchor, page, anchor, page, ...

    Both are loaded for a second first, unmeasured: every worker thread has then served them
    (templates compiled, fragments cached, connections open) before the first round counts."""
    for target in (anchor, page):
        wrk(server.url(target.path), seconds=1, headers=target.all_headers())
    pairs = []
    for _ in range(rounds):
        anchor_load = wrk(server.url(anchor.path), headers=anchor.all_headers())
        page_load = wrk(server.url(page.path), headers=page.all_headers())
        pairs.append((page_load, anchor_load))
    return pairs


def query_counts(server: Server, targets: list[Target]) -> list[int]:
    """Database queries of one request to each target (after one warm-up request), counted
    with Django's test client in the production profile against the same database."""
    payload = [{"path": t.path, "cookie": t.cookie} for t in targets]
    return server.script(HERE / "querycount.py", payload, production=True)


@dataclass
class Page:
    name: str
    target: Target
    anchor: str
    goal: Goal | None = None


def measure_pages(server: Server, pages: list[Page], anchors: dict[str, Target]) -> list[Result]:
    for target in [page.target for page in pages] + list(anchors.values()):
        check_ok(server.url(target.path), target.all_headers())
    counts = query_counts(server, [page.target for page in pages])
    results, failures = [], []
    for page, queries in zip(pages, counts, strict=True):
        try:
            pairs = interleaved(server, page.target, anchors[page.anchor])
        except BenchError as error:
            # recorded, and the run goes on; the benchmark fails at its end
            failures.append(f"{page.name}: {str(error).splitlines()[0]}")
            emit(Result(page.name, float("inf"), page.anchor, page.goal, 0.0, queries, "FAILED"))
            continue
        result = Result(
            name=page.name,
            ratio=median_ratio(pairs),
            anchor=page.anchor,
            goal=page.goal,
            rate=median_rate([load for load, _ in pairs]),
            queries=queries,
        )
        emit(result)
        results.append(result)
    if failures:
        raise BenchError("pages that failed:\n" + "\n".join(failures))
    return results


def emit(result: Result) -> None:
    """Print one result line and append it to $BENCH_RESULTS (JSON lines) for run.py."""
    print(result.line(), flush=True)
    target = os.environ.get("BENCH_RESULTS")
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(result.as_dict()) + "\n")
