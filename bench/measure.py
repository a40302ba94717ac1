"""The pure parts of the benchmarks: wrk's output, medians, ratios, goals, reconciliation.

No I/O here, so that a unit test can check them (tests/core/test_bench_measure.py); the
benchmarks themselves run only with `make bench`.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field


class BenchError(RuntimeError):
    """A measurement that cannot be trusted: socket errors, timeouts or non-2xx answers."""


@dataclass(frozen=True)
class Load:
    requests_per_second: float
    latency_ms: float
    requests: int

    def __str__(self) -> str:
        return f"{self.requests_per_second:,.0f} req/s, {self.latency_ms:.1f} ms mean"


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def parse_wrk(output: str, url: str = "") -> Load:
    """What wrk measured; raises BenchError on socket errors, timeouts and non-2xx answers."""
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if errors and any(int(number) for number in errors.groups()):
        raise BenchError(f"wrk saw socket errors or timeouts for {url}:\n{output}")
    if "Non-2xx or 3xx responses" in output:
        raise BenchError(f"wrk saw answers other than 2xx for {url}:\n{output}")
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    latency = re.search(r"Latency\s+([\d.]+)(us|ms|s)\b", output)
    total = re.search(r"(\d+) requests in", output)
    if not (rate and latency and total) or int(total.group(1)) == 0:
        raise BenchError(f"wrk measured nothing for {url}:\n{output}")
    return Load(
        requests_per_second=float(rate.group(1)),
        latency_ms=float(latency.group(1)) * _UNITS[latency.group(2)],
        requests=int(total.group(1)),
    )


def cost_ratio(page: Load, anchor: Load) -> float:
    """How many anchor requests one page request costs: anchor throughput / page throughput."""
    if page.requests_per_second <= 0:
        return float("inf")
    return anchor.requests_per_second / page.requests_per_second


def median_ratio(pairs: list[tuple[Load, Load]]) -> float:
    """The median of the per-round ratios of interleaved (page, anchor) measurements."""
    if not pairs:
        raise ValueError("no rounds measured")
    return statistics.median(cost_ratio(page, anchor) for page, anchor in pairs)


def median_rate(loads: list[Load]) -> float:
    return statistics.median(load.requests_per_second for load in loads)


@dataclass(frozen=True)
class Goal:
    """`ratio` compared with `limit`: at most (costs) or at least (throughput multiples)."""

    limit: float
    at_most: bool = True

    def met(self, ratio: float) -> bool:
        return ratio <= self.limit if self.at_most else ratio >= self.limit

    def __str__(self) -> str:
        return f"{'≤' if self.at_most else '≥'} {self.limit:g}×"


@dataclass
class Result:
    """One line of the report."""

    name: str
    ratio: float
    anchor: str
    goal: Goal | None = None
    rate: float = 0.0
    queries: int | None = None
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.goal is None:
            return "-"
        return "met" if self.goal.met(self.ratio) else "NOT MET"

    def line(self) -> str:
        queries = "-" if self.queries is None else str(self.queries)
        goal = str(self.goal) if self.goal else "-"
        note = f"  ({self.note})" if self.note else ""
        return (
            f"{self.name:<58} {self.rate:>8,.0f} req/s  {self.ratio:>6.2f}× {self.anchor:<16} "
            f"q={queries:<4} goal {goal:<7} {self.verdict}{note}"
        )

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "ratio": round(self.ratio, 3),
            "anchor": self.anchor,
            "goal": str(self.goal) if self.goal else None,
            "met": None if self.goal is None else self.goal.met(self.ratio),
            "rate": round(self.rate, 1),
            "queries": self.queries,
            "note": self.note,
        }


def growth_ratio(small_rate: float, large_rate: float) -> float:
    """Throughput at the larger size as a share of the throughput at the smaller size."""
    return large_rate / small_rate if small_rate else 0.0


def median_growth(pairs: list[tuple[Load, Load]]) -> float:
    """The median of the per-round growths of interleaved (larger, smaller) measurements, as
    `median_ratio` does for costs: a round that the machine slowed down slows both sizes."""
    if not pairs:
        raise ValueError("no rounds measured")
    return statistics.median(
        growth_ratio(small.requests_per_second, large.requests_per_second) for large, small in pairs
    )


# No page may lose more than 20% of its throughput at the larger size.
GROWTH_GOAL = Goal(0.8, at_most=False)


@dataclass
class Reconciliation:
    accepted: int
    in_box: int
    lost: list[str] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)
    doubled: list[str] = field(default_factory=list)
    in_flight: int = 0

    @property
    def ok(self) -> bool:
        """No accepted ballot lost, none twice, and no more ballots in the box that wrk never
        saw answered than requests can be in flight when wrk stops (one per connection)."""
        return not (self.lost or self.doubled) and len(self.unexpected) <= self.in_flight

    def __str__(self) -> str:
        return (
            f"{self.accepted:,} accepted, {self.in_box:,} in the box: {len(self.lost)} lost, "
            f"{len(self.unexpected)} answered after wrk stopped (at most {self.in_flight}), "
            f"{len(self.doubled)} double"
        )


def reconcile(accepted: list[str], box: list[str], *, in_flight: int = 0) -> Reconciliation:
    """Compare the trackers of accepted ballots with the trackers listed in the ballot box.

    `in_flight`: requests wrk had sent but not yet seen answered when it stopped; the server
    may still have accepted them, so up to that many unexpected ballots are no error."""
    accepted_counts, box_counts = Counter(accepted), Counter(box)
    doubled = sorted(
        tracker
        for tracker, count in {**accepted_counts, **box_counts}.items()
        if accepted_counts[tracker] > 1 or box_counts[tracker] > 1
    )
    return Reconciliation(
        accepted=len(accepted),
        in_box=len(box),
        lost=sorted(set(accepted_counts) - set(box_counts)),
        unexpected=sorted(set(box_counts) - set(accepted_counts)),
        doubled=doubled,
        in_flight=in_flight,
    )
