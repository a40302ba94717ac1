"""The pages of ADR 0401 measured in-process against their anchors: CPU time, wall time and
queries per request (docs/performance.md, "Mailbox, case pages, child benefit, inbox, dog
register").

Needs a PostgreSQL database seeded as bench/bench_pages.py seeds it (development profile; the
quick sizes: `bench/seed_inprocess.sh ids.json`):
`load_demo`, `eservices_seed_cases --count 100000 --unit steueramt`, `eservices_seed_cases
--count 10000 --unit familienkasse`, `dogtax_seed_households --count 30000`, then
`bench/seed_pages.py > ids.json`; and `collectstatic` into STATIC_ROOT. Then::

    DATABASE_URL=postgres://…/db STATIC_ROOT=… .venv/bin/python bench/inprocess_pages.py ids.json

The citizen's pages are measured against the legal notice read by the same signed-in citizen,
the back-office pages against the same clerk's start page. Arguments after the file: `profile
NAME` prints a cProfile of that page, `queries NAME` its SQL, otherwise every page is measured
(ROUNDS=15 interleaved rounds, medians; ONLY=mailbox,case measures only those; FRESH=1 renders
the citizen's pages afresh each time, as after a change of their data, ADR 0421). Public pages
(start, legal, list, list-p10, list-p400) are measured against the anonymous legal notice.
"""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "rathaus.settings",
        "DJANGO_ENV": "production",
        "SECRET_KEY": "bench-" + "x" * 50,
        "ALLOWED_HOSTS": "testserver",
        "BEHIND_TLS_PROXY": "true",
        "SITE_URL": "https://testserver",
        "LOG_LEVEL": "WARNING",
    }
)

import django  # noqa: E402

django.setup()

import pyotp  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from rathaus.core.fragments import changed_for  # noqa: E402

PASSWORD = "Rathaus-Demo-2026"  # noqa: S105 - the documented demo password
TOTP = "KRATHAUSDEMOSECRETKLAUTERN234567"
KEEP = ("sessionid", "csrftoken")


def token(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def signed_in(email: str, *, totp: bool) -> Client:
    """Signed in through the forms; a TOTP code is accepted once, so wait for the next one."""
    for _ in range(4):
        client = Client(HTTP_X_FORWARDED_PROTO="https")
        page = client.get("/accounts/login/", secure=True).content.decode()
        answer = client.post(
            "/accounts/login/",
            {"csrfmiddlewaretoken": token(page), "login": email, "password": PASSWORD},
            secure=True,
            follow=True,
        )
        if not totp:
            return client
        client.post(
            answer.redirect_chain[-1][0],
            {"csrfmiddlewaretoken": token(answer.content.decode()), "code": pyotp.TOTP(TOTP).now()},
            secure=True,
        )
        if client.get("/backoffice/", secure=True).status_code == 200:
            return client
        time.sleep(31 - time.time() % 30)
    raise SystemExit(f"{email} could not sign in")


FRESH = os.environ.get("FRESH") == "1"
PEOPLE: dict[int, str] = {}  # client → its user's id, read from the session once


def cost(client: Client, path: str) -> tuple[float, float]:
    if FRESH and "legal-notice" not in path and "backoffice" not in path:
        # The citizen's data changed (ADR 0421): outside the measured time.
        if id(client) not in PEOPLE:
            PEOPLE[id(client)] = client.session["_auth_user_id"]
        changed_for(PEOPLE[id(client)])
    cpu, wall = time.process_time(), time.perf_counter()
    response = client.get(path, secure=True)
    if response.status_code != 200:
        raise SystemExit(f"{path}: {response.status_code}")
    for name in [name for name in client.cookies if name not in KEEP]:
        del client.cookies[name]  # the language cookie would redirect the next German request
    return time.process_time() - cpu, time.perf_counter() - wall


def pages(ids: dict) -> dict:
    anonymous = Client(HTTP_X_FORWARDED_PROTO="https")
    citizen = signed_in("anna.schmidt@example.org", totp=False)
    tax = signed_in("clerk.tax@example.org", totp=True)
    family = signed_in("clerk.family@example.org", totp=True)
    # A citizen's own page against the legal notice read by the same citizen (the same layout
    # with a session), as bench/bench_pages.py measures it ("legal notice citizen").
    legal = (citizen, "/info/legal-notice/")
    public = (anonymous, "/info/legal-notice/")
    case, benefit = ids["case"], ids["childbenefit_case"]
    bench = "/participation/processes/bench/proposals/"
    return {
        "mailbox": (citizen, "/services/mailbox/", legal),
        "case": (citizen, f"/services/cases/{case}/", legal),
        "schedule": (citizen, f"/childbenefit/cases/{benefit}/schedule/", legal),
        "inbox": (tax, "/backoffice/services/", (tax, "/backoffice/")),
        "inbox-q": (tax, "/backoffice/services/?q=Becker&status=all", (tax, "/backoffice/")),
        "inbox-due": (tax, "/backoffice/services/?status=all&sort=due", (tax, "/backoffice/")),
        "inbox-p40": (tax, "/backoffice/services/?status=all&page=40", (tax, "/backoffice/")),
        "bo-case": (tax, f"/backoffice/services/cases/{case}/", (tax, "/backoffice/")),
        "register": (tax, "/backoffice/dogtax/register/", (tax, "/backoffice/")),
        "decide": (
            family,
            f"/backoffice/childbenefit/cases/{benefit}/decide/",
            (family, "/backoffice/"),
        ),
        "start": (anonymous, "/", public),
        "legal": (anonymous, "/info/legal-notice/", public),
        "list": (anonymous, bench, public),
        "list-p10": (anonymous, bench + "?sort=newest&page=10", public),
        "list-p400": (anonymous, bench + "?sort=newest&page=400", public),
    }


def median(values: list[float]) -> float:
    return sorted(values)[len(values) // 2]


def measure(name: str, page: tuple, language: str, rounds: int) -> str:
    client, path, (anchor_client, anchor) = page
    prefix = "/en" if language == "en" else ""
    for _ in range(3):
        cost(client, prefix + path)
        cost(anchor_client, prefix + anchor)
    with CaptureQueriesContext(connection) as captured:
        cost(client, prefix + path)
    queries = len(captured)  # now: every request clears the connection's query log
    mine, theirs = [], []
    for _ in range(rounds):
        theirs.append(cost(anchor_client, prefix + anchor))
        mine.append(cost(client, prefix + path))
    cpu, anchor_cpu = median([c for c, _ in mine]), median([c for c, _ in theirs])
    wall, anchor_wall = median([w for _, w in mine]), median([w for _, w in theirs])
    return (
        f"{name:10} {language}  cpu {cpu * 1000:5.1f} ms / {anchor_cpu * 1000:5.1f} ms = "
        f"{cpu / anchor_cpu:5.2f}x   wall {wall * 1000:6.1f} / {anchor_wall * 1000:6.1f} ms = "
        f"{wall / anchor_wall:5.2f}x   queries {queries}"
    )


def main() -> None:
    ids = json.loads(Path(sys.argv[1]).read_text().strip().splitlines()[-1])
    chosen = pages(ids)
    if len(sys.argv) > 3 and sys.argv[2] == "profile":
        client, path, _ = chosen[sys.argv[3]]
        cost(client, path)
        profile = cProfile.Profile(time.process_time)  # CPU: the machine is shared
        profile.enable()
        for _ in range(20):
            cost(client, path)
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(60)
    elif len(sys.argv) > 3 and sys.argv[2] == "queries":
        client, path, _ = chosen[sys.argv[3]]
        cost(client, path)
        with CaptureQueriesContext(connection) as captured:
            cost(client, path)
        for query in captured.captured_queries:
            print(query["time"], query["sql"] if os.environ.get("FULL_SQL") else query["sql"][:300])
    else:
        rounds = int(os.environ.get("ROUNDS", "15"))
        only = [w for w in os.environ.get("ONLY", "").split(",") if w]
        for name, page in chosen.items():
            if only and name not in only:
                continue
            for language in ("de", "en"):
                print(measure(name, page, language, rounds), flush=True)


if __name__ == "__main__":
    main()
