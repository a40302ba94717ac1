"""The Prometheus metrics endpoint, for the monitoring system only.

Allowed with `Authorization: Bearer <METRICS_TOKEN>` or from an address in METRICS_NETWORKS
(the direct peer, never a forwarded header); 403 otherwise. Without either setting the endpoint
does not exist (404). Behind gunicorn with several workers set PROMETHEUS_MULTIPROC_DIR so that
the counters of all workers are added up.
"""

from __future__ import annotations

import hmac
import ipaddress

from django.conf import settings
from django.http import Http404, HttpResponseForbidden
from django_prometheus.exports import ExportToDjangoView


def _from_allowed_network(request) -> bool:
    try:
        peer = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(
        peer in ipaddress.ip_network(network, strict=False) for network in settings.METRICS_NETWORKS
    )


def _has_token(request) -> bool:
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "")
    return bool(token) and hmac.compare_digest(given.encode(), f"Bearer {token}".encode())


def metrics(request):
    if not settings.METRICS_TOKEN and not settings.METRICS_NETWORKS:
        raise Http404
    if not (_has_token(request) or _from_allowed_network(request)):
        return HttpResponseForbidden("Forbidden", content_type="text/plain")
    return ExportToDjangoView(request)
