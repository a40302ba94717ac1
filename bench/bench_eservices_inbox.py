"""The department inbox with 100,000 cases against the trivial health check, on a real server.

A clerk of the tax office signs in (password and TOTP, as in the browser), then wrk loads the
inbox: the default view (open cases, newest first), a search by name, sorting by due date, and
a page deep in the list.
"""

import re

import pyotp
import requests
from lib import bench_server, postgres_available, report, wrk

CASES = 100_000
CLERK = "clerk.tax@example.org"
PASSWORD = "Rathaus-Demo-2026"  # noqa: S105 - the documented demo password
TOTP_SECRET = "KRATHAUSDEMOSECRETKLAUTERN234567"  # noqa: S105 - demo TOTP secret


def staff_session(server) -> str:
    """A session cookie of the demo tax clerk, signed in with TOTP."""
    session = requests.Session()
    page = session.get(server.url("/accounts/login/"), timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    headers = {"Referer": server.url("/accounts/login/")}
    data = {"csrfmiddlewaretoken": token, "login": CLERK, "password": PASSWORD}
    answer = session.post(server.url("/accounts/login/"), data=data, headers=headers, timeout=30)
    if "/accounts/2fa/authenticate/" in answer.url:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', answer.text).group(1)
        session.post(
            answer.url,
            data={"csrfmiddlewaretoken": token, "code": pyotp.TOTP(TOTP_SECRET).now()},
            headers={"Referer": answer.url},
            timeout=30,
        )
    inbox = session.get(server.url("/backoffice/services/"), timeout=30)
    if inbox.status_code != 200 or "/backoffice/services/" not in inbox.url:
        raise RuntimeError(f"the clerk could not open the inbox: {inbox.status_code} {inbox.url}")
    return f"sessionid={session.cookies['sessionid']}"


def measure(database: str) -> None:
    with bench_server(database=database) as server:
        server.manage("load_demo")
        server.manage("eservices_seed_cases", "--count", str(CASES))
        cookie = {"Cookie": staff_session(server)}
        trivial = wrk(server.url("/healthz"))
        label = f"inbox, {CASES:,} cases, {database}"
        report(
            f"{label}: open, newest first",
            wrk(server.url("/backoffice/services/"), headers=cookie),
            trivial,
        )
        report(
            f"{label}: search by name",
            wrk(server.url("/backoffice/services/?q=Becker&status=all"), headers=cookie),
            trivial,
        )
        report(
            f"{label}: all, by due date",
            wrk(server.url("/backoffice/services/?status=all&sort=due"), headers=cookie),
            trivial,
        )
        report(
            f"{label}: page 40",
            wrk(server.url("/backoffice/services/?status=all&page=40"), headers=cookie),
            trivial,
        )


measure("sqlite")
if postgres_available():
    measure("postgres")
