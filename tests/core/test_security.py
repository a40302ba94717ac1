import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def settings_in(environment: dict) -> subprocess.CompletedProcess:
    """Import the settings in a fresh interpreter with exactly this environment."""
    code = (
        "import json, rathaus.settings as s; print(json.dumps({k: getattr(s, k, None) for k in "
        "['DEBUG', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SECURE_HSTS_SECONDS', "
        "'SECURE_SSL_REDIRECT', 'SECRET_KEY']}))"
    )
    env = {"PATH": os.environ["PATH"], "PYTHONPATH": str(ROOT / "src"), **environment}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd="/"
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = settings_in({"DJANGO_ENV": "production", "ALLOWED_HOSTS": "example.org"})

    assert result.returncode != 0
    assert "Set SECRET_KEY in production" in result.stderr


def test_production_refuses_debug():
    result = settings_in({"DJANGO_ENV": "production", "SECRET_KEY": "x" * 50, "DEBUG": "true"})

    assert result.returncode != 0
    assert "DEBUG must not be switched on in production" in result.stderr


def test_unset_environment_means_production():
    result = settings_in({})

    assert result.returncode != 0
    assert "Set SECRET_KEY in production" in result.stderr


def test_production_has_secure_cookies_and_hsts():
    result = settings_in({"DJANGO_ENV": "production", "SECRET_KEY": "s" * 50})

    assert result.returncode == 0, result.stderr
    values = __import__("json").loads(result.stdout)
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SECURE_SSL_REDIRECT"] is True


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]

    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_forms_are_csrf_protected(client, citizen):
    client.raise_request_exception = False
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post("/accounts/login/", {"login": citizen.email, "password": "x"})

    assert response.status_code == 403
