"""Ballots cast per second through the API on PostgreSQL, against a trivial API call.

wrk POSTs ballots to /api/v1/polls/{id}/ballots, each request with its own voting code (a Lua
script walks a file of codes made by `manage.py seed_voting_bench`), so every request is a real,
accepted ballot: roll entry, ballot and audit entry in one transaction. Any refused ballot makes
wrk report non-2xx answers and the benchmark fail. The trivial call is `GET /api/v1/me` with a
bearer token (authentication and one small JSON answer) on the same server.
"""

import json
import os
import sys
import tempfile
import urllib.request
from pathlib import Path

from lib import bench_server, postgres_available, report, wrk

HERE = Path(__file__).resolve().parent
THREADS = 2

if not postgres_available():
    sys.exit("bench_voting needs PostgreSQL on 127.0.0.1:5432")

with tempfile.TemporaryDirectory(prefix="rathaus-bench-voting-") as folder:
    codes_file = Path(folder) / "codes.txt"
    with bench_server(database="postgres") as server:
        seeded = json.loads(server.manage("seed_voting_bench", "--codes-file", str(codes_file)))
        os.environ.update(CODES_FILE=str(codes_file), WRK_THREADS=str(THREADS))
        auth = {"Authorization": f"Bearer {seeded['token']}"}
        trivial = wrk(server.url("/api/v1/me"), headers=auth, threads=THREADS)
        ballots = wrk(
            server.url(f"/api/v1/polls/{seeded['poll']}/ballots"),
            script=str(HERE / "bench_voting.lua"),
            threads=THREADS,
        )
        trackers_url = server.url(f"/api/v1/polls/{seeded['poll']}/trackers")
        listed = json.load(urllib.request.urlopen(trackers_url))["trackers"]  # noqa: S310
        report("cast a ballot (POST /api/v1/polls/{id}/ballots)", ballots, trivial)
        print(
            f"ballots per second: {ballots.requests_per_second:,.0f} "
            f"({len(listed):,} ballots in the box) | trivial API call (GET /api/v1/me): "
            f"{trivial.requests_per_second:,.0f} req/s | throughput ratio "
            f"{ballots.requests_per_second / trivial.requests_per_second:.2f}",
            flush=True,
        )
