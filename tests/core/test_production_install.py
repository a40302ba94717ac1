"""A fresh PostgreSQL database installed in the production profile with only `migrate` and
`install_services` (each in its own process) serves a citizen who registers a dog and applies
for child benefit, without importing any demo module.

Run with DATABASE_URL=postgres://… (skipped on SQLite).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.db import connection

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fresh_database(db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    settings = connection.settings_dict
    name = f"{settings['NAME']}_install"
    server = (
        f"host={settings['HOST']} port={settings['PORT']} user={settings['USER']} dbname=postgres"
    )
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{name}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(environment, *command) -> str:
    done = subprocess.run(
        [sys.executable, *command],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_a_production_install_serves_the_flagship_services(fresh_database, tmp_path):
    environment = {
        **{
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "TASKS_", "EMAIL_", "SITE_"))
        },
        "DJANGO_ENV": "production",
        "SECRET_KEY": "a-production-secret-for-this-test-only-0123456789",
        "DATABASE_URL": fresh_database,
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "false",  # TLS ends at the reverse proxy
        "EMAIL_URL": f"filemail:///{tmp_path / 'mail'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "ESERVICES_OUTBOX_DIR": str(tmp_path / "outbox"),
        "CACHE_URL": "locmemcache://",
        "PYTHONPATH": str(ROOT / "src"),
    }
    run(environment, "manage.py", "migrate", "--noinput", "-v", "0")
    installed = run(environment, "manage.py", "install_services")
    assert "dogtax.services: 5 services (5 new)" in installed
    assert "childbenefit.services: 2 services (2 new)" in installed
    # Static files are collected at deployment (no database involved); notices use the fonts.
    run(environment, "manage.py", "collectstatic", "--noinput", "-v", "0")

    result = json.loads(
        run(environment, "tests/core/scripts/production_citizen.py").splitlines()[-1]
    )

    assert result["dog"] == ["decided", 1, True]
    assert result["dog_in_mailbox"]
    assert result["kindergeld"] == ["submitted", True, True]  # the Familienkasse decides
    assert result["demo_modules"] == []
    assert len(list((tmp_path / "mail").iterdir())) == 3  # two confirmations, one notice
