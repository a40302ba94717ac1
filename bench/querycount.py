"""Count the database queries of pages, with Django's test client against the bench database.

Run by bench/lib.py in the server's environment (production profile); reads a JSON list of
{"path": ..., "cookie": ...} on stdin and prints the list of query counts as JSON. Each page is
requested once to warm the caches, then counted on its second request (as under load).
"""

import json
import os
import sys
from http.cookies import SimpleCookie
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rathaus.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def count(path: str, cookie: str) -> int:
    client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    if cookie:
        client.cookies = SimpleCookie(cookie)
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        answer = client.get(path)
    if answer.status_code != 200:
        sys.exit(f"{path} answered {answer.status_code}")
    return len(captured.captured_queries)


def main() -> None:
    targets = json.load(sys.stdin)
    print(json.dumps([count(target["path"], target["cookie"]) for target in targets]))


if __name__ == "__main__":
    main()
