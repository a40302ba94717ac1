"""Run the benchmarks (`bench/bench_*.py`), each in its own process, and print a summary.

    make bench                          # the full run (what docs/performance.md reports)
    BENCH_QUICK=1 .venv/bin/python bench/run.py pages   # smaller data, shorter rounds

Each benchmark prints ratios measured within one run against an anchor on the same server
(interleaved, medians), so the numbers mean something on any machine. A benchmark fails on
socket errors, timeouts or non-2xx answers; goals that are not met are listed at the end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from measure import Goal, Result  # noqa: E402


def scripts(selected: list[str]) -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    return [s for s in found if not selected or any(name in s.stem for name in selected)]


def summary(lines: list[dict]) -> list[str]:
    """The results whose goal is not met, as printable lines."""
    missed = []
    for line in lines:
        if line.get("met") is False:
            limit = float(line["goal"].split()[1].rstrip("×"))
            goal = Goal(limit, at_most=line["goal"].startswith("≤"))
            result = Result(line["name"], line["ratio"], line["anchor"], goal, line["rate"])
            result.queries = line.get("queries")
            missed.append(result.line())
    return missed


def main(selected: list[str]) -> int:
    failed = []
    with tempfile.NamedTemporaryFile("r", suffix=".jsonl", prefix="bench-") as results:
        env = {**os.environ, "BENCH_RESULTS": results.name}
        for script in scripts(selected):
            print(f"=== {script.stem} ===", flush=True)
            if subprocess.run([sys.executable, str(script)], env=env, check=False).returncode:
                failed.append(script.stem)
        lines = [json.loads(line) for line in results.read().splitlines() if line.strip()]
    met = sum(1 for line in lines if line.get("met") is True)
    missed = summary(lines)
    print(f"=== summary: {met} goals met, {len(missed)} not met ===")
    for line in missed:
        print(line)
    if failed:
        print(f"Failed benchmarks: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
