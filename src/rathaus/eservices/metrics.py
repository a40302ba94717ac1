"""Prometheus metrics of the online services, in prometheus_client's default registry (which
the /metrics endpoint exposes)."""

from __future__ import annotations

import contextlib

from prometheus_client import REGISTRY
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from rathaus.eservices.selectors.stuck import stuck_cases


class StuckSubmissionsCollector(Collector):
    """The number of stuck submissions, counted when scraped (see selectors.stuck)."""

    def describe(self):
        yield self._gauge()

    def collect(self):
        gauge = self._gauge()
        gauge.add_metric([], stuck_cases().count())
        yield gauge

    @staticmethod
    def _gauge() -> GaugeMetricFamily:
        return GaugeMetricFamily(
            "rathaus_stuck_submissions",
            "Submitted cases whose processing has not finished in time.",
        )


_COLLECTOR = StuckSubmissionsCollector()


def register() -> None:
    """Register the collector once (ready() may run more than once in tests)."""
    with contextlib.suppress(ValueError):  # registered already
        REGISTRY.register(_COLLECTOR)
