"""Ballots cast per second through the API, against the trivial authenticated API call.

wrk POSTs ballots to /api/v1/polls/{id}/ballots, each request with its own voting code (a Lua
script walks a file of codes made by `manage.py seed_voting_bench`), so every request is a real
ballot: roll entry, ballot and audit entry in one transaction. Any refused ballot makes wrk
report non-2xx answers and the benchmark fail. The Lua script records the tracker of every
accepted ballot; afterwards the ballot box (the public tracker list) is reconciled with them:
no accepted ballot may be missing, none may be in the box twice, none may be there unaccepted.
The trivial call is `GET /api/v1/me` with a bearer token, measured interleaved on the same
server; the goal (issue 15) is at least 0.5x its throughput.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

from lib import HERE, SECONDS, bench_server, emit, serving, sized, wrk
from measure import BenchError, Goal, Result, median_rate, reconcile

THREADS = 2
CONNECTIONS = 8  # wrk's default in lib.wrk
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="rathaus-bench-voting-") as folder:
        codes_file = Path(folder) / "codes.txt"
        # One address casts every ballot: the per-client limit on code attempts (60 per 10
        # minutes) would refuse them, so the benchmark lifts it.
        with bench_server(extra_env={"RATE_LIMIT_VOTING_CODE": "100000000/m"}) as server:
            codes = sized(40_000, 10_000)
            seeded = json.loads(
                server.manage(
                    "seed_voting_bench", "--codes-file", str(codes_file), "--codes", str(codes)
                )
            )
            os.environ.update(
                CODES_FILE=str(codes_file), WRK_THREADS=str(THREADS), ACCEPTED_DIR=folder
            )
            auth = {"Authorization": f"Bearer {seeded['token']}"}
            poll = seeded["poll"]
            with serving(server):
                pairs = []
                for round_number in range(ROUNDS):
                    # every round starts on fresh codes: the script's codes are offset per round
                    os.environ["CODES_FILE"] = str(
                        _round_codes(codes_file, round_number, ROUNDS, folder)
                    )
                    trivial = wrk(server.url("/api/v1/me"), headers=auth, threads=THREADS)
                    ballots = wrk(
                        server.url(f"/api/v1/polls/{poll}/ballots"),
                        script=str(HERE / "bench_voting.lua"),
                        threads=THREADS,
                        seconds=SECONDS,
                    )
                    pairs.append((ballots, trivial))
                accepted = []
                for name in sorted(Path(folder).glob("thread-*.txt")):
                    accepted += name.read_text(encoding="ascii").split()
                box = server.get_json(f"/api/v1/polls/{poll}/trackers")["trackers"]
        refused = [line for line in accepted if line.startswith("refused:")]
        if refused:
            raise BenchError(f"{len(refused)} ballots were not accepted, e.g. {refused[:3]}")
        checked = reconcile(accepted, box, in_flight=CONNECTIONS * ROUNDS)
        ballots_rate = median_rate([load for load, _ in pairs])
        trivial_rate = median_rate([load for _, load in pairs])
        emit(
            Result(
                name="cast a ballot (POST /api/v1/polls/{id}/ballots)",
                ratio=sorted(b.requests_per_second / t.requests_per_second for b, t in pairs)[
                    len(pairs) // 2
                ],
                anchor="GET /api/v1/me",
                goal=Goal(0.5, at_most=False),
                rate=ballots_rate,
                note=f"/api/v1/me {trivial_rate:,.0f} req/s; {checked}",
            )
        )
        if not checked.ok or not accepted:
            raise BenchError(f"the ballot box does not match the accepted ballots: {checked}")
    return 0


def _round_codes(codes_file: Path, number: int, rounds: int, folder: str) -> Path:
    """The share of the codes for one round (each code can vote once)."""
    codes = codes_file.read_text(encoding="ascii").split()
    share = len(codes) // rounds
    path = Path(folder) / f"codes-{number}.txt"
    path.write_text("\n".join(codes[number * share : (number + 1) * share]) + "\n", "ascii")
    return path


if __name__ == "__main__":
    sys.exit(main())
