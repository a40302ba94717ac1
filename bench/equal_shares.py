"""Equal Shares (with add1 completion) in the platform's core against pabutools, in one run.

The shared pabulib files (``../shared/data/pabulib``) are small (at most 1,162 voters, 26
projects). For the city-scale case the issue names (about 6,500 voters, 64 projects, with
completion) no real file is shared, so this module also writes seeded synthetic approval elections
of that size in the pabulib format (``synthetic_instance``): voters favour projects by a skewed
popularity, approve 1 to 15 projects each, costs span two orders of magnitude and the budget is a
fifth of the total cost.

For every instance it reports, separately:

* ``startup``: ``manage.py pb_outcome`` as a citizen would run it, minus the in-process time (the
  interpreter, Django's set-up and the imports);
* ``parse``: reading the .pb file into the budget profile;
* ``core``: the rule itself on the profile (best of N);
* ``pabutools``: pabutools reading the same file and running the same rule (best of M);

checks that both select the same projects, and returns one ``Measurement`` per instance. Usage
(standalone, without Django for everything but the start-up figure)::

    .venv/bin/python bench/equal_shares.py [FILE.pb ...]

With ``--core`` it only reports the core's CPU time (``time.process_time()``, median of N runs,
less disturbed by a loaded machine than wall time) and runs neither pabutools nor the command,
for iterating on the engine; compare with pabutools' CPU time recorded in docs/performance.md::

    .venv/bin/python bench/equal_shares.py --core [FILE.pb ...]

and from ``bench/run.py``: ``from bench.equal_shares import measure_all`` then
``for m in measure_all(): print(m.line())`` (a generator); ``m.ratio`` is pabutools'
time over the core's, the goal is ``m.ratio >= GOAL`` (20) with ``m.same`` true.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from tests.voting.pabutools_reference import pabutools_file_outcome  # noqa: E402
from tests.voting.synthetic_pabulib import synthetic_instance  # noqa: E402

from rathaus.voting import pabulib  # noqa: E402
from rathaus.voting.pb_outcome import budget_profile  # noqa: E402
from rathaus.voting.tally import BUDGET_RULES, Rule  # noqa: E402

GOAL = 20
REPEAT_CORE, REPEAT_PABUTOOLS = 5, 1
SYNTHETIC = ((6500, 64, 2026),)


@dataclass
class Measurement:
    instance: str
    voters: int
    projects: int
    funded: int
    startup: float
    parse: float
    core: float
    pabutools: float
    same: bool

    @property
    def ratio(self) -> float:
        return self.pabutools / self.core

    def line(self) -> str:
        verdict = "ok" if self.same and self.ratio >= GOAL else "MISSES GOAL"
        return (
            f"equal-shares {self.instance} ({self.voters} voters, {self.projects} projects, "
            f"{self.funded} funded): core {self.core * 1000:.1f} ms, pabutools "
            f"{self.pabutools:.2f} s, ratio {self.ratio:.0f}x (goal {GOAL}x), same outcome: "
            f"{'yes' if self.same else 'NO'}; parse {self.parse * 1000:.0f} ms, command "
            f"start-up {self.startup:.2f} s -> {verdict}"
        )


def instances(folder: Path) -> list[Path]:
    """The shared pabulib files plus the synthetic ones (written into ``folder``)."""
    shared = Path(os.environ.get("RATHAUS_PABULIB_DIR") or ROOT.parent / "shared/data/pabulib")
    paths = sorted(shared.glob("*.pb"), key=lambda path: path.stat().st_size)
    for voters, projects, seed in SYNTHETIC:
        path = folder / f"synthetic_{voters}v_{projects}p_seed{seed}.pb"
        path.write_text(synthetic_instance(voters, projects, seed), encoding="utf-8")
        paths.append(path)
    return paths


def best_of(repeat: int, work) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def command_time(path: Path) -> float:
    """Wall time of ``manage.py pb_outcome FILE --rule equal-shares`` (one run)."""
    env = {**os.environ, "DJANGO_ENV": os.environ.get("DJANGO_ENV", "development")}
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "manage.py", "pb_outcome", str(path), "--rule", "equal-shares"],
        check=True,
        capture_output=True,
        env=env,
        cwd=ROOT,
    )
    return time.perf_counter() - start


def measure(path: Path, *, with_command: bool = True) -> Measurement:
    rule = BUDGET_RULES[Rule.EQUAL_SHARES]
    parse, profile = best_of(REPEAT_CORE, lambda: budget_profile(pabulib.load(path)))
    core, selected = best_of(REPEAT_CORE, lambda: rule(profile))
    theirs, (reference, _cost) = best_of(
        REPEAT_PABUTOOLS, lambda: pabutools_file_outcome(path, Rule.EQUAL_SHARES)
    )
    startup = max(0.0, command_time(path) - parse - core) if with_command else 0.0
    return Measurement(
        instance=path.stem,
        voters=len(profile.ballots),
        projects=len(profile.projects),
        funded=len(selected),
        startup=startup,
        parse=parse,
        core=core,
        pabutools=theirs,
        same=set(selected) == reference,
    )


def measure_all(paths: list[Path] | None = None, *, with_command: bool = True):
    """Yields one Measurement per instance (the shared files and the synthetic ones by
    default), as each is done."""
    with tempfile.TemporaryDirectory(prefix="rathaus-mes-") as folder:
        for path in paths or instances(Path(folder)):
            yield measure(path, with_command=with_command)


def core_cpu(path: Path, repeat: int = REPEAT_CORE) -> str:
    """The core's CPU time on one file, median of ``repeat`` runs, as a line."""
    rule = BUDGET_RULES[Rule.EQUAL_SHARES]
    profile = budget_profile(pabulib.load(path))
    times, selected = [], []
    for _ in range(repeat):
        start = time.process_time()
        selected = rule(profile)
        times.append(time.process_time() - start)
    return (
        f"equal-shares {path.stem} ({len(profile.ballots)} voters, {len(profile.projects)} "
        f"projects, {len(selected)} funded): core CPU median {statistics.median(times):.3f} s "
        f"(runs: {', '.join(f'{t:.3f}' for t in times)})"
    )


def main() -> None:
    arguments = sys.argv[1:]
    if "--core" in arguments:
        arguments.remove("--core")
        with tempfile.TemporaryDirectory(prefix="rathaus-mes-") as folder:
            for path in [Path(arg) for arg in arguments] or instances(Path(folder)):
                print(core_cpu(path), flush=True)
        return
    paths = [Path(arg) for arg in arguments] or None
    results = []
    for measurement in measure_all(paths):
        print(measurement.line(), flush=True)
        results.append(measurement)
    if not all(m.same and m.ratio >= GOAL for m in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
