"""pb_outcome with Equal Shares against pabutools on the largest shared pabulib instance.

Both compute the same outcome (checked below); the ratio of their best-of-N wall times is what
this benchmark reports. Runs standalone with the project's venv python, without Django:
    .venv/bin/python bench/bench_pb_outcome.py [FILE.pb]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.voting.pabutools_reference import pabutools_file_outcome  # noqa: E402

from rathaus.voting.pb_outcome import pb_outcome  # noqa: E402
from rathaus.voting.tally import Rule  # noqa: E402

REPEAT_OURS, REPEAT_THEIRS = 7, 3


def best_of(repeat: int, work) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def largest_instance() -> Path:
    if len(sys.argv) > 1:
        return Path(sys.argv[1])
    folder = Path(os.environ.get("RATHAUS_PABULIB_DIR") or ROOT.parent / "shared/data/pabulib")
    files = sorted(folder.glob("*.pb"), key=lambda path: path.stat().st_size)
    if not files:
        sys.exit(f"no .pb files in {folder} (set RATHAUS_PABULIB_DIR or pass a file)")
    return files[-1]


def main() -> None:
    path = largest_instance()
    ours, outcome = best_of(REPEAT_OURS, lambda: pb_outcome(path, Rule.EQUAL_SHARES))
    theirs, (reference, cost) = best_of(
        REPEAT_THEIRS, lambda: pabutools_file_outcome(path, Rule.EQUAL_SHARES)
    )
    if set(outcome["selected"]) != reference or outcome["cost"] != cost:
        sys.exit(f"outcomes differ: {outcome} != {sorted(reference)}, {cost}")
    print(f"instance: {path.name}, {len(reference)} projects funded, cost {cost}")
    print(
        f"pb_outcome equal-shares: rathaus {ours:.3f} s, pabutools {theirs:.2f} s, "
        f"ratio {theirs / ours:.0f}x (best of {REPEAT_OURS} and {REPEAT_THEIRS})"
    )


if __name__ == "__main__":
    main()
