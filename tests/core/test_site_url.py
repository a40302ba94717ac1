"""Links in e-mails point to the port `make run` serves on, unless SITE_URL says otherwise."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def site_url(**environment: str) -> str:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SITE_URL", "PORT", "DJANGO_SETTINGS_MODULE"}
    }
    env.update({"DJANGO_ENV": "development", **environment})
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'rathaus.settings'; "
        "django.setup(); from rathaus.eservices import conf; print(conf.site_url())"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_the_site_url_follows_the_port_make_run_serves_on():
    assert site_url(PORT="8765") == "http://127.0.0.1:8765"
    assert site_url() == "http://127.0.0.1:8000"
    assert site_url(PORT="8765", SITE_URL="https://rathaus.example/") == "https://rathaus.example"
