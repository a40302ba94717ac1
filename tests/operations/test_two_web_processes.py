"""Two web processes behind nginx, an RQ worker on Redis, files on an S3 server.

A citizen signs in through one web process, uploads through the other, and gets the decided
dog-tax notice from either; every process has its own empty MEDIA_ROOT and temporary directory,
which stay free of the case's files. Needs PostgreSQL (every process shares the database),
Redis, and nginx from Debian (`scripts/ensure-system-packages nginx`).

The processes run the test profile (DJANGO_ENV=test: plain static files storage, no HTTPS-only
cookies over the test's plain HTTP) with the production engines switched on by their settings:
TASKS_URL and CACHE_URL on Redis, S3_* on the S3 server, TRUSTED_PROXIES for nginx.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
import requests
from django.db import connection

from rathaus.dogtax.services import statute_seed
from rathaus.eservices import demo_forms
from rathaus.eservices.models import Case
from tests.eservices.factories import PDF, ServiceFactory
from tests.factories import PASSWORD, OrgUnitFactory, UserFactory
from tests.operations.conftest import S3_KEYS, database_url, free_port

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

NGINX_CONF = """
worker_processes 1;
daemon off;
{user}
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    client_max_body_size 20m;
    upstream web_all {{ server 127.0.0.1:{port_a}; server 127.0.0.1:{port_b}; }}
    upstream web_a {{ server 127.0.0.1:{port_a}; }}
    upstream web_b {{ server 127.0.0.1:{port_b}; }}
    # A test-only header pins a request to one process; without it nginx balances.
    map $http_x_test_backend $pool {{ a web_a; b web_b; default web_all; }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://$pool;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Request-ID $request_id;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


@pytest.fixture(autouse=True)
def _postgres_nginx_redis(redis_url):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    if not os.path.exists(NGINX):
        pytest.skip("nginx is not installed (scripts/ensure-system-packages nginx)")


def _wait_for(url: str, processes: list[subprocess.Popen], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for process in processes:
            assert process.poll() is None, f"{process.args[:3]} ended early"
        try:
            if requests.get(url, timeout=15).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} did not answer")


def _environment(redis_url: str, s3_endpoint: str, bucket: str, home: Path) -> dict:
    (home / "media").mkdir(parents=True)
    (home / "tmp").mkdir()
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(("S3_", "PYTEST"))},
        "DJANGO_ENV": "test",
        "DATABASE_URL": database_url(),
        "SECRET_KEY": "two-processes-share-this-secret-key-for-sessions",
        "TASKS_URL": redis_url,
        "CACHE_URL": redis_url,
        "S3_BUCKET": bucket,
        "S3_ENDPOINT_URL": s3_endpoint,
        "S3_REGION": "eu-central-1",
        **S3_KEYS,
        "MEDIA_ROOT": str(home / "media"),
        "ESERVICES_OUTBOX_DIR": str(home / "outbox"),
        "TMPDIR": str(home / "tmp"),
        "TRUSTED_PROXIES": "127.0.0.1/32",
        "PYTHONPATH": f"{ROOT / 'src'}:{ROOT}",
    }


def _files_under(path: Path) -> list[Path]:
    return [item for item in path.rglob("*") if item.is_file()]


def _csrf(session: requests.Session, url: str, pin: str) -> str:
    page = session.get(url, headers={"X-Test-Backend": pin}, timeout=30)
    assert page.status_code == 200, page.status_code
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def _post(session, url: str, pin: str, data=None, *, files=None, form: bool = True):
    """Post a form through nginx to process `pin`, with the CSRF token of its page (or cookie)."""
    token = _csrf(session, url, pin) if form else session.cookies["csrftoken"]
    response = session.post(
        url,
        data={**(data or {}), "csrfmiddlewaretoken": token},
        files=files or {},
        headers={"X-Test-Backend": pin},
        allow_redirects=False,
        timeout=60,
    )
    assert response.status_code == 302, (url, response.status_code, response.text[:2000])
    return response


def test_sign_in_on_one_upload_on_the_other_notice_from_either(redis_url, s3_bucket, tmp_path):
    endpoint, bucket, s3 = s3_bucket
    statute_seed()
    schema = copy.deepcopy(demo_forms.DOG_REGISTRATION)
    schema["steps"][1]["fields"].append(
        demo_forms.field("photo", "file", "Foto", "Photo", accept=["pdf"], max_size_mb=5)
    )
    service = ServiceFactory(
        unit=OrgUnitFactory(slug="steueramt"),
        slug="anmeldung",
        schema=schema,
        handler="dogtax.registration",
    )
    citizen = UserFactory(email="two.processes@example.org")

    homes = {name: tmp_path / name for name in ("a", "b", "worker")}
    envs = {name: _environment(redis_url, endpoint, bucket, home) for name, home in homes.items()}
    ports = {"a": free_port(), "b": free_port(), "nginx": free_port()}
    processes: list[subprocess.Popen] = []
    logs = tmp_path / "logs"
    logs.mkdir()
    started = time.monotonic()
    try:
        for name in ("a", "b"):
            processes.append(
                subprocess.Popen(
                    [
                        str(ROOT / ".venv/bin/gunicorn"),
                        "rathaus.wsgi",
                        "--pythonpath",
                        "src",
                        "--bind",
                        f"127.0.0.1:{ports[name]}",
                        "--workers",
                        "1",
                        "--forwarded-allow-ips",
                        "127.0.0.1",
                    ],
                    cwd=ROOT,
                    env=envs[name],
                    stdout=(logs / f"{name}.out").open("wb"),
                    stderr=subprocess.STDOUT,
                )
            )
        processes.append(
            subprocess.Popen(
                [sys.executable, "manage.py", "run_worker"],
                cwd=ROOT,
                env=envs["worker"],
                stdout=(logs / "worker.out").open("wb"),
                stderr=subprocess.STDOUT,
            )
        )
        nginx_home = tmp_path / "nginx"
        nginx_home.mkdir()
        (nginx_home / "nginx.conf").write_text(
            NGINX_CONF.format(
                tmp=nginx_home,
                port=ports["nginx"],
                port_a=ports["a"],
                port_b=ports["b"],
                user="user root;" if os.geteuid() == 0 else "",
            )
        )
        processes.append(
            subprocess.Popen(
                [NGINX, "-p", str(nginx_home), "-c", str(nginx_home / "nginx.conf")],
                stdout=(logs / "nginx.out").open("wb"),
                stderr=subprocess.STDOUT,
            )
        )
        base = f"http://127.0.0.1:{ports['nginx']}"
        for name in ("a", "b"):
            _wait_for(f"http://127.0.0.1:{ports[name]}/healthz", processes)
        _wait_for(f"{base}/healthz", processes)
        ready = time.monotonic()

        session = requests.Session()
        upstream = {pin: f"127.0.0.1:{ports[pin]}" for pin in ("a", "b")}
        # Sign in through process A.
        signed_in = _post(
            session, f"{base}/accounts/login/", "a", {"login": citizen.email, "password": PASSWORD}
        )
        assert signed_in.headers["X-Upstream"] == upstream["a"]

        # Start and fill the application through process B, the upload included.
        started_draft = _post(session, f"{base}/services/apply/{service.slug}/", "b", form=False)
        assert started_draft.headers["X-Upstream"] == upstream["b"]
        draft_url = base + started_draft.headers["Location"]
        applicant = {
            "given_name": "Clara",
            "family_name": "Citizen",
            "address__street": "Marktstraße 1",
            "address__postal_code": "67655",
            "address__city": "Kaiserslautern",
        }
        dog = {
            "dog_name": "Bello",
            "breed": "Mischling",
            "sex": "male",
            "born_on": date(date.today().year - 4, 1, 1).isoformat(),
            "kept_since": date(date.today().year - 1, 5, 10).isoformat(),
            "exemption": "none",
        }
        _post(session, f"{draft_url}step/applicant/", "b", {**applicant, "_action": "next"})
        uploaded = _post(
            session,
            f"{draft_url}step/dog/",
            "b",
            {**dog, "_action": "next"},
            files={"photo": ("bello.pdf", PDF, "application/pdf")},
        )
        assert uploaded.headers["X-Upstream"] == upstream["b"]

        # Review and submit through process A: it reads what B stored.
        submitted = _post(session, f"{draft_url}review/", "a")
        assert submitted.headers["X-Upstream"] == upstream["a"]
        case = Case.objects.get(applicant=citizen)

        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            case.refresh_from_db()
            if case.status == "decided" and case.notices.exists():
                break
            time.sleep(0.5)
        assert case.status == "decided", (logs / "worker.out").read_text()[-3000:]
        notice = case.notices.get()
        decided = time.monotonic()

        stored = {item["Key"] for item in s3.list_objects_v2(Bucket=bucket)["Contents"]}
        assert notice.file.name in stored
        expected = s3.get_object(Bucket=bucket, Key=notice.file.name)["Body"].read()
        assert expected.startswith(b"%PDF")

        url = f"{base}/services/cases/{case.reference}/notices/{notice.pk}.pdf"
        served_by = set()
        for pin in ("a", "b", "", ""):
            response = session.get(url, headers={"X-Test-Backend": pin}, timeout=30)
            assert response.status_code == 200
            assert response.content == expected
            served_by.add(response.headers["X-Upstream"])
            assert len(response.headers["X-Request-ID"]) == 32
        assert served_by == set(upstream.values())

        upload = next(key for key in stored if key.startswith("eservices/uploads/"))
        assert s3.get_object(Bucket=bucket, Key=upload)["Body"].read() == PDF
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()

    for name, home in homes.items():
        assert _files_under(home / "media") == [], f"{name} wrote to its local MEDIA_ROOT"
        leftovers = [p for p in _files_under(home / "tmp") if PDF in p.read_bytes()]
        assert leftovers == [], f"{name} left the upload in its temporary directory"
        assert not (home / "outbox").exists(), f"{name} handed the case to a local folder"
    print(
        f"\ntwo web processes: ready after {ready - started:.1f}s, decided after "
        f"{decided - ready:.1f}s, whole test {time.monotonic() - started:.1f}s"
    )
