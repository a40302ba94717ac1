"""The pages citizens and clerks use most, each against the simplest page of its layout.

One PostgreSQL database holds the demo data and, on top: a participation process with 10,000
proposals / 100,000 comments and a second one with 1,000 / 10,000 (growth), 100,000 cases in
the tax office and 10,000 in the family benefits office (growth), about 50,000 dogs, 200 letters
in Anna's mailbox and a case with 50 history entries. `BENCH_QUICK=1` divides the sizes by ten.

Anchors, measured interleaved with each page: the legal notice for public pages, the back-office
start page for back-office pages, `/healthz` for JSON. Goals (issue 15): a public or back-office
page costs at most 2x its anchor, the start page at most 1.3x; growth keeps at least 80% of the
throughput at the larger size.
"""

from __future__ import annotations

import os
import re
import sys

from lib import (
    HERE,
    Page,
    Target,
    bench_server,
    emit,
    interleaved,
    measure_pages,
    serving,
    sign_in,
    sized,
)
from measure import GROWTH_GOAL, BenchError, Goal, Result, median_growth, median_rate

PROPOSALS = (sized(10_000, 1_000), sized(1_000, 100))
COMMENTS = (sized(100_000, 10_000), sized(10_000, 1_000))
CASES = (sized(100_000, 10_000), sized(10_000, 1_000))
HOUSEHOLDS = sized(30_000, 3_000)  # about 1.7 dogs each
PAGE = Goal(2.0)
START = Goal(1.3)


def seed(server) -> dict:
    server.manage("load_demo")
    ids = {}
    for slug, proposals, comments in (
        ("bench", PROPOSALS[0], COMMENTS[0]),
        ("small", PROPOSALS[1], COMMENTS[1]),
    ):
        seeded = server.manage(
            "participation_seed",
            "--slug",
            slug,
            "--proposals",
            str(proposals),
            "--comments",
            str(comments),
            "--supports",
            str(comments // 2),
            "--people",
            "300",
        )
        ids[slug] = re.search(r"\(id (\d+)\)", seeded).group(1)
    server.manage("eservices_seed_cases", "--count", str(CASES[0]), "--unit", "steueramt")
    server.manage("eservices_seed_cases", "--count", str(CASES[1]), "--unit", "familienkasse")
    print(server.manage("dogtax_seed_households", "--count", str(HOUSEHOLDS)).strip())
    ids.update(server.script(HERE / "seed_pages.py"))
    return ids


def public_pages(server, ids: dict, citizen: str) -> list[Page]:
    busiest = server.get_json(f"/api/v1/proposals?process={ids['bench']}&sort=supported")
    busiest = busiest["items"][0]["id"]
    bench = "/participation/processes/bench/proposals/"
    pages = [
        ("start page", "/", START, ""),
        ("service catalogue", "/services/", PAGE, ""),
        ("service page (dog registration)", "/services/hundesteuer-anmeldung/", PAGE, ""),
        ("mailbox, 200 letters", "/services/mailbox/", PAGE, citizen),
        ("citizen's case, 50 history entries", f"/services/cases/{ids['case']}/", PAGE, citizen),
        (
            "child benefit decision (citizen's schedule)",
            f"/childbenefit/cases/{ids['childbenefit_case']}/schedule/",
            PAGE,
            citizen,
        ),
        ("poll results", f"/votes/{ids['poll']}/results/", PAGE, ""),
        ("dashboard (the city in figures)", "/data/dashboards/city/", PAGE, ""),
        ("open-data catalogue", "/data/", PAGE, ""),
        (f"proposals {PROPOSALS[0]:,}, random order", bench + "?seed=4242", PAGE, ""),
        (f"proposals {PROPOSALS[0]:,}, most supported", bench + "?sort=supported", PAGE, ""),
        (f"proposals {PROPOSALS[0]:,}, search", bench + "?q=Brunnen", PAGE, ""),
        (f"proposals {PROPOSALS[0]:,}, page 400", bench + "?sort=newest&page=400", PAGE, ""),
        ("proposal page (most supported)", f"/participation/proposals/{busiest}/", PAGE, ""),
        ("planned projects", "/participation/projects/", PAGE, ""),
    ]
    result = []
    for name, path, goal, cookie in pages:
        for language, prefix in (("de", ""), ("en", "/en")):
            # A signed-in citizen's page against the legal notice read by the same citizen (the
            # same layout with a session), as back-office pages against the same clerk's start.
            anchor = (
                "legal notice"
                + (" citizen" if cookie else "")
                + ("" if language == "de" else " en")
            )
            target = Target(prefix + path, cookie)
            result.append(Page(f"{name} [{language}]", target, anchor, goal))
    return result


def backoffice_pages(ids: dict, tax: str, family: str) -> list[Page]:
    pages = [
        (f"inbox {CASES[0]:,} cases, open, newest", "/backoffice/services/", tax),
        (f"inbox {CASES[0]:,} cases, search", "/backoffice/services/?q=Becker&status=all", tax),
        (
            f"inbox {CASES[0]:,} cases, by due date",
            "/backoffice/services/?status=all&sort=due",
            tax,
        ),
        (f"inbox {CASES[0]:,} cases, page 40", "/backoffice/services/?status=all&page=40", tax),
        ("case page, 50 history entries", f"/backoffice/services/cases/{ids['case']}/", tax),
        ("dog register, ~50,000 dogs", "/backoffice/dogtax/register/", tax),
        (
            "child benefit decision page",
            f"/backoffice/childbenefit/cases/{ids['childbenefit_case']}/decide/",
            family,
        ),
    ]
    result = []
    for name, path, cookie in pages:
        for language, prefix in (("de", ""), ("en", "/en")):
            anchor = "backoffice " + ("tax" if cookie == tax else "family") + f" {language}"
            result.append(Page(f"{name} [{language}]", Target(prefix + path, cookie), anchor, PAGE))
    return result


def json_pages(ids: dict) -> list[Page]:
    return [
        Page(
            f"API proposals ({PROPOSALS[0]:,})",
            Target(f"/api/v1/proposals?process={ids['bench']}"),
            "healthz",
        )
    ]


def growth(server, name: str, small: Target, large: Target) -> Result:
    """Throughput at the larger size / at the smaller one, measured interleaved: the median of
    the rounds' growths."""
    pairs = interleaved(server, large, small)
    result = Result(
        name=name,
        ratio=median_growth(pairs),
        anchor="smaller size",
        goal=GROWTH_GOAL,
        rate=median_rate([load for load, _ in pairs]),
        note=f"smaller size {median_rate([load for _, load in pairs]):,.0f} req/s",
    )
    emit(result)
    return result


def growths(server, tax: str, family: str) -> None:
    sizes = f"{PROPOSALS[1]:,} vs {PROPOSALS[0]:,} proposals"
    for search in ("", "?q=Brunnen", "?sort=newest&page=10"):
        growth(
            server,
            f"growth: proposal list{search or ''} ({sizes})",
            Target(f"/participation/processes/small/proposals/{search}"),
            Target(f"/participation/processes/bench/proposals/{search}"),
        )
    growth(
        server,
        f"growth: inbox ({CASES[1]:,} vs {CASES[0]:,} cases)",
        Target("/backoffice/services/", family),
        Target("/backoffice/services/", tax),
    )


def chosen(pages: list[Page]) -> list[Page]:
    """The pages whose name holds one of BENCH_ONLY's comma-separated words (all without it)."""
    words = [w.strip() for w in os.environ.get("BENCH_ONLY", "").split(",") if w.strip()]
    return [p for p in pages if not words or any(w in p.name for w in words)]


def main() -> int:
    only = bool(os.environ.get("BENCH_ONLY"))
    with bench_server() as server:
        ids = seed(server)
        with serving(server):
            citizen = sign_in(server, "anna.schmidt@example.org", totp=False)
            tax = sign_in(server, "clerk.tax@example.org", totp=True)
            family = sign_in(server, "clerk.family@example.org", totp=True)
            anchors = {
                "legal notice": Target("/info/legal-notice/"),
                "legal notice en": Target("/en/info/legal-notice/"),
                "legal notice citizen": Target("/info/legal-notice/", citizen),
                "legal notice citizen en": Target("/en/info/legal-notice/", citizen),
                "backoffice tax de": Target("/backoffice/", tax),
                "backoffice tax en": Target("/en/backoffice/", tax),
                "backoffice family de": Target("/backoffice/", family),
                "backoffice family en": Target("/en/backoffice/", family),
                "healthz": Target("/healthz"),
            }
            failed = []
            for pages in (
                public_pages(server, ids, citizen),
                backoffice_pages(ids, tax, family),
                json_pages(ids),
            ):
                try:
                    measure_pages(server, chosen(pages), anchors)
                except BenchError as error:
                    failed.append(str(error))
            if not only:
                # last: both sizes on the server warmed up by the pages, well after the seeding
                growths(server, tax, family)
    if failed:
        print("\n".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
