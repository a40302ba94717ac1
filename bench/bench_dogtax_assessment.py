"""The annual dog-tax assessment: seeded households assessed, one PDF/A notice each.

Seeds 5,000 households (1-3 dogs, some exemptions and mandates; RATHAUS_BENCH_HOUSEHOLDS
changes the number), runs `manage.py dogtax_assessment` (two worker processes on PostgreSQL,
as every benchmark needs it) and prints notices per second and the time of one notice
against printing one trivial letter (the generic notice with a single sentence) in the same run:

    .venv/bin/python bench/bench_dogtax_assessment.py
"""

from __future__ import annotations

import os
import subprocess
import time

from lib import PYTHON, ROOT, Server, postgres_database

YEAR = 2027
TRIVIAL_LETTER = """
import time
from rathaus.eservices.documents.pdf import render_pdf
context = {"subject": "Test", "reference": "X-1", "decision": "Granted."}
render_pdf(template="eservices/documents/notice_generic.html", context=context, language="de")
start = time.perf_counter()
for _ in range(10):
    render_pdf(template="eservices/documents/notice_generic.html", context=context, language="de")
print((time.perf_counter() - start) / 10)
"""
COUNT_RUN = """
from rathaus.dogtax.models import AssessmentRun
run = AssessmentRun.objects.get(year=%d)
print(run.state, run.done, run.total, run.failed)
"""


def main() -> None:
    households = int(os.environ.get("RATHAUS_BENCH_HOUSEHOLDS", "5000"))
    workers = 2
    with postgres_database() as url:
        env = {
            **os.environ,
            "DJANGO_ENV": "development",
            "DATABASE_URL": url,
            "CACHE_URL": "locmemcache://",
            "LOG_LEVEL": "WARNING",
            "TASKS_BACKEND": "django_tasks.backends.dummy.DummyBackend",
        }
        server = Server(base="", env=env, seed_env=env)
        server.manage("migrate", "--noinput", "-v0")
        server.manage("collectstatic", "--noinput", "-v0")
        start = time.perf_counter()
        server.manage("dogtax_seed_households", "--count", str(households), "--year", str(YEAR))
        seeded = time.perf_counter() - start
        server.manage(
            "shell",
            "-c",
            f"from rathaus.dogtax.services import assessment_start; "
            f"assessment_start(year={YEAR}, actor=None, background=False)",
        )
        trivial_before = float(
            server.manage("shell", "-c", TRIVIAL_LETTER).strip().splitlines()[-1]
        )
        command = [PYTHON, str(ROOT / "manage.py"), "dogtax_assessment", "--year", str(YEAR)]
        start = time.perf_counter()
        processes = [
            subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
            for _ in range(workers)
        ]
        for process in processes:
            process.wait()
        elapsed = time.perf_counter() - start
        state, done, total, failed = (
            server.manage("shell", "-c", COUNT_RUN % YEAR).strip().splitlines()[-1].split()
        )
        trivial_after = float(server.manage("shell", "-c", TRIVIAL_LETTER).strip().splitlines()[-1])
    # measured before and after the run, so that a change of load on the machine shows less
    trivial = (trivial_before + trivial_after) / 2
    done, total = int(done), int(total)
    per_notice = elapsed * workers / done if done else float("inf")
    print(f"seeded {households:,} households in {seeded:.1f} s (PostgreSQL)")
    print(
        f"annual assessment: {state}, {done:,} of {total:,} households ({failed} errors) in "
        f"{elapsed:.0f} s with {workers} worker(s): {done / elapsed:.1f} notices/s | "
        f"one notice {per_notice * 1000:.0f} ms per worker, one trivial letter "
        f"{trivial * 1000:.0f} ms | ratio {per_notice / trivial:.2f}x",
        flush=True,
    )


if __name__ == "__main__":
    main()
