"""Run every benchmark (`bench/bench_*.py`) in its own process and print what each measured.

Each benchmark prints ratios measured within one run (e.g. a page against a trivial page on the
same server), so the numbers mean something on any machine.
"""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    failed = []
    selected = sys.argv[1:]
    for script in sorted(HERE.glob("bench_*.py")):
        if selected and not any(name in script.stem for name in selected):
            continue
        print(f"=== {script.stem} ===", flush=True)
        if subprocess.run([sys.executable, str(script)], check=False).returncode != 0:
            failed.append(script.stem)
    if failed:
        print(f"Failed benchmarks: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
