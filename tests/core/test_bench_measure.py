"""The benchmarks' pure parts: wrk's output, medians, ratios, goals and the ballot reconciliation.

Nothing is timed here; `make bench` measures (bench/), CI only checks that its arithmetic and its
checks are right and that bench/run.py and every benchmark import.
"""

import importlib
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

measure = importlib.import_module("measure")

WRK_OUTPUT = """Running 3s test @ http://127.0.0.1:8000/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     4.20ms    1.10ms  20.00ms   90.00%
    Req/Sec   950.00    100.00     1.10k    80.00%
  5700 requests in 3.00s, 50.00MB read
Requests/sec:   1900.00
Transfer/sec:     16.67MB
"""


def test_wrk_output_is_read():
    load = measure.parse_wrk(WRK_OUTPUT)

    assert load.requests_per_second == 1900.0
    assert load.latency_ms == pytest.approx(4.2)
    assert load.requests == 5700


@pytest.mark.parametrize(
    "extra",
    [
        "  Socket errors: connect 0, read 0, write 0, timeout 3\n",
        "  Socket errors: connect 2, read 0, write 0, timeout 0\n",
        "  Non-2xx or 3xx responses: 12\n",
    ],
)
def test_socket_errors_timeouts_and_error_answers_fail_the_measurement(extra):
    with pytest.raises(measure.BenchError):
        measure.parse_wrk(WRK_OUTPUT.replace("Requests/sec", extra + "Requests/sec"))


def test_a_run_without_requests_fails():
    empty = WRK_OUTPUT.replace("5700 requests", "0 requests")

    with pytest.raises(measure.BenchError):
        measure.parse_wrk(empty)


def load(rate: float) -> "measure.Load":
    return measure.Load(requests_per_second=rate, latency_ms=1000 / rate, requests=int(rate))


def test_the_cost_is_the_median_of_the_interleaved_rounds():
    # (page, anchor): ratios 2.0, 4.0 (a disturbed round) and 2.5 -> median 2.5
    pairs = [(load(500), load(1000)), (load(200), load(800)), (load(400), load(1000))]

    assert measure.median_ratio(pairs) == pytest.approx(2.5)
    assert measure.median_rate([page for page, _ in pairs]) == 400


def test_goals_at_most_and_at_least():
    assert measure.Goal(2.0).met(2.0)
    assert not measure.Goal(2.0).met(2.01)
    assert measure.Goal(10.0, at_most=False).met(12.0)
    assert not measure.Goal(10.0, at_most=False).met(9.9)


def test_growth_keeps_80_percent_of_the_throughput():
    assert measure.GROWTH_GOAL.met(measure.growth_ratio(100, 85))
    assert not measure.GROWTH_GOAL.met(measure.growth_ratio(100, 79))


def test_a_result_line_names_ratio_queries_and_verdict():
    result = measure.Result("inbox", 2.5, "backoffice", measure.Goal(2.0), rate=300, queries=7)

    assert "2.50×" in result.line()
    assert "q=7" in result.line()
    assert result.verdict == "NOT MET"
    assert result.as_dict()["met"] is False


def test_reconciliation_finds_lost_unexpected_and_double_ballots():
    assert measure.reconcile(["a", "b"], ["b", "a"]).ok

    checked = measure.reconcile(["a", "b", "c", "c"], ["a", "x", "b", "b"])

    assert checked.lost == ["c"]
    assert measure.reconcile(["a"], ["a", "y"], in_flight=1).ok
    assert not measure.reconcile(["a"], ["a", "y", "z"], in_flight=1).ok
    assert checked.unexpected == ["x"]
    assert checked.doubled == ["b", "c"]
    assert not checked.ok


def test_the_bench_runner_imports_and_lists_the_benchmarks():
    run = importlib.import_module("run")

    names = [script.stem for script in run.scripts([])]
    assert {"bench_pages", "bench_geodata", "bench_voting"} <= set(names)
    assert [script.stem for script in run.scripts(["pages"])] == ["bench_pages"]


def test_every_benchmark_imports():
    """A benchmark that no longer imports (a renamed helper of bench/lib.py) fails here, not
    in the middle of `make bench`."""
    run = importlib.import_module("run")
    for script in run.scripts([]):
        assert callable(importlib.import_module(script.stem).main)


def test_the_growth_is_the_median_of_the_rounds_growths():
    # (larger, smaller): growths 0.9, 0.3 (a disturbed round) and 0.8 -> median 0.8; the two
    # sizes' median rates alone would give 560 / 1000 = 0.56, from different rounds
    pairs = [(load(900), load(1000)), (load(300), load(1000)), (load(560), load(700))]

    assert measure.median_growth(pairs) == pytest.approx(0.8)
    with pytest.raises(ValueError):
        measure.median_growth([])
