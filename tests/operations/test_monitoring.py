"""What the city's IT watches: the metrics endpoint, JSON log lines, error reports."""

import gzip
import json
import logging
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import brotli
import pytest
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


@override_settings(METRICS_TOKEN="", METRICS_NETWORKS=[])
def test_metrics_do_not_exist_without_a_token_or_network(client):
    assert client.get("/metrics").status_code == 404


@override_settings(METRICS_TOKEN="s3cret-metrics-token", METRICS_NETWORKS=[])
def test_metrics_need_the_token(client):
    assert client.get("/metrics").status_code == 403
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 403
    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-metrics-token")
    assert response.status_code == 200
    assert b"django_http_requests_latency_seconds_by_view_method" in response.content


@override_settings(METRICS_TOKEN="", METRICS_NETWORKS=["10.0.0.0/8"])
def test_metrics_from_an_allowed_network_only(client):
    assert client.get("/metrics", REMOTE_ADDR="192.168.1.5").status_code == 403
    assert client.get("/metrics", REMOTE_ADDR="10.1.2.3").status_code == 200


def _json_line(record: logging.LogRecord) -> dict:
    from django.conf import settings
    from pythonjsonlogger.json import JsonFormatter

    options = settings.LOGGING["formatters"]["json"]
    formatter = JsonFormatter(
        options["fmt"], rename_fields=options["rename_fields"], timestamp=options["timestamp"]
    )
    return json.loads(formatter.format(record))


@pytest.mark.django_db
def test_request_log_line_names_the_user_by_id_and_returns_the_request_id(client, citizen, caplog):
    client.force_login(citizen)
    with caplog.at_level(logging.INFO, logger="rathaus.request"):
        response = client.get("/my-account/profile/?token=secret")
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32
    record = next(r for r in caplog.records if r.name == "rathaus.request")
    line = _json_line(record)
    assert line["request_id"] == request_id
    assert line["user_id"] == citizen.pk
    assert line["status"] == 200
    assert line["path"] == "/my-account/profile/"
    assert line["method"] == "GET"
    assert isinstance(line["duration_ms"], float)
    assert line["level"] == "INFO" and line["logger"] == "rathaus.request"
    assert citizen.email not in json.dumps(line)
    assert "secret" not in json.dumps(line)


def test_a_request_id_from_the_proxy_is_kept_and_a_bad_one_replaced(client, caplog):
    given = "proxy-0123456789abcdef"
    assert client.get("/healthz", HTTP_X_REQUEST_ID=given)["X-Request-ID"] == given
    replaced = client.get("/healthz", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert replaced != "<script>" and len(replaced) == 32


def test_production_logs_are_json_lines():
    environment = {
        **os.environ,
        "DJANGO_ENV": "production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "rathaus.example",
        "PYTHONPATH": str(ROOT / "src"),
    }
    environment.pop("LOG_FORMAT", None)
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('rathaus.check').warning('hello %s', 'world')"
    )
    environment["DJANGO_SETTINGS_MODULE"] = "rathaus.settings"
    stderr = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    ).stderr
    line = json.loads(stderr.strip().splitlines()[-1])
    assert line["message"] == "hello world"
    assert line["level"] == "WARNING"
    assert "request_id" in line and "time" in line


class _Collector(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        decompress = {"gzip": gzip.decompress, "br": brotli.decompress}
        body = decompress.get(self.headers.get("Content-Encoding"), bytes)(body)
        self.received.append(body)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_errors_reach_the_configured_dsn_and_nothing_without_it():
    server = HTTPServer(("127.0.0.1", 0), _Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    code = (
        "import django, sentry_sdk; django.setup(); "
        "from django.conf import settings; "
        "sentry_sdk.capture_exception(ValueError('broken on purpose')) "
        "if settings.SENTRY_DSN else None; sentry_sdk.flush(5)"
    )
    base = {
        **os.environ,
        "DJANGO_ENV": "development",
        "DJANGO_SETTINGS_MODULE": "rathaus.settings",
        "PYTHONPATH": str(ROOT / "src"),
    }
    try:
        subprocess.run([sys.executable, "-c", code], env=base, check=True, timeout=60)
        assert _Collector.received == []
        with_dsn = {**base, "SENTRY_DSN": f"http://publickey@127.0.0.1:{port}/1"}
        subprocess.run([sys.executable, "-c", code], env=with_dsn, check=True, timeout=60)
    finally:
        server.shutdown()
    assert any(b"broken on purpose" in body for body in _Collector.received)
