"""The proposal list of a process with 10,000 proposals and 100,000 comments, against the trivial
page, on a real server (SQLite, and PostgreSQL when one answers on 127.0.0.1:5432).

Anchors: Decidim's proposal index took over 7 s with 900 proposals, meinBerlin's project list 6 s
with 550 projects. Each line prints the latency ratio to /healthz measured in the same run.
"""

import json
import re
import urllib.request

from lib import bench_server, postgres_available, report, wrk

PROPOSALS = 10_000
COMMENTS = 100_000
SUPPORTS = 50_000


def run(database: str) -> None:
    with bench_server(database=database) as server:
        server.manage("load_demo")
        seeded = server.manage(
            "participation_seed",
            "--proposals",
            str(PROPOSALS),
            "--comments",
            str(COMMENTS),
            "--supports",
            str(SUPPORTS),
        )
        process_id = re.search(r"\(id (\d+)\)", seeded).group(1)
        with urllib.request.urlopen(  # noqa: S310 - our own server on loopback
            server.url(f"/api/v1/proposals?process={process_id}&sort=supported")
        ) as response:
            busiest = json.load(response)["items"][0]["id"]
        base = "/participation/processes/bench/proposals/"
        trivial = wrk(server.url("/healthz"))
        label = f"[{database}, {PROPOSALS:,} proposals, {COMMENTS:,} comments]"
        report(
            f"proposal list, random order {label}", wrk(server.url(base + "?seed=4242")), trivial
        )
        report(
            f"proposal list, most supported {label}",
            wrk(server.url(base + "?sort=supported")),
            trivial,
        )
        report(
            f"proposal list, page 400 newest {label}",
            wrk(server.url(base + "?sort=newest&page=400")),
            trivial,
        )
        report(f"proposal list, search {label}", wrk(server.url(base + "?q=Brunnen")), trivial)
        report(
            f"proposal page (most supported) {label}",
            wrk(server.url(f"/participation/proposals/{busiest}/")),
            trivial,
        )
        report(
            f"API proposals {label}",
            wrk(server.url(f"/api/v1/proposals?process={process_id}")),
            trivial,
        )
        report(f"Vorhabenliste [{database}]", wrk(server.url("/participation/projects/")), trivial)


run("sqlite")
if postgres_available():
    run("postgres")
else:
    print("PostgreSQL not available on 127.0.0.1:5432: skipped.")
