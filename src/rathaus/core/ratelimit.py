"""Rate limits per client: django-ratelimit's counters in Django's cache.

Each limited endpoint names a scope; `settings.RATE_LIMITS` gives its rate (`"60/m"`,
`"20/h"`, `"60/10m"`, empty = unlimited), with defaults a real citizen never reaches. The
counters live in the default cache, so they hold across processes when the cache is Redis.
Clients are told apart by `core.client.client_ip` (trusted proxies only), signed-in people
by their account where the scope says so.

Over the limit the answer is 429 with `Retry-After`: the API's JSON error on machine paths,
a translated page otherwise. Busy read scopes (`settings.RATE_LIMIT_BATCHED`) are counted per
process and added to the shared counter in batches (`core.ratebatch`, ADR 0451). Sign-up and
password reset are limited by allauth's own rate limits (`ACCOUNT_RATE_LIMITS`); their 429 page
is `allauth_too_many_requests` below.
"""

from __future__ import annotations

import math
from functools import wraps

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit import ALL
from django_ratelimit.core import get_usage

from rathaus.core import ratebatch
from rathaus.core.client import client_ip

MACHINE_PREFIXES = ("/api/", "/ogc/")

OPENAPI_429 = {
    "description": "Too many requests from this client; retry after `Retry-After` seconds",
    "headers": {
        "Retry-After": {
            "description": "Seconds until a new request of this kind is accepted.",
            "schema": {"type": "integer", "minimum": 1},
        }
    },
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["detail"],
                "properties": {"detail": {"type": "string"}},
            }
        }
    },
}
"""The 429 answer as an OpenAPI 3 response object, for every rate-limited operation."""


def counted_address(request) -> str:
    """The client address the counters use (`RATELIMIT_IP_META_KEY`): always an address, also
    for a request without a peer address (it counts as one unknown client, see `client_ip`)."""
    return client_ip(request)


class RateLimited(Exception):
    """Over the rate of a scope; `retry_after` is in seconds."""

    def __init__(self, retry_after: int):
        self.retry_after = max(1, int(retry_after))
        super().__init__(self.retry_after)


def rate_limit(request, scope: str, *, key: str = "ip") -> None:
    """Count one request of `scope` for this client; raise RateLimited over the rate."""
    rate = settings.RATE_LIMITS.get(scope)
    if not rate:
        return
    if scope in settings.RATE_LIMIT_BATCHED and key == "ip":
        retry_after = ratebatch.counter(scope, rate).hit(counted_address(request))
        if retry_after is not None:
            raise RateLimited(retry_after)
        return
    usage = get_usage(
        request, group=f"rathaus.{scope}", key=key, rate=rate, method=ALL, increment=True
    )
    if usage is not None and usage["should_limit"]:
        raise RateLimited(usage["time_left"])


def too_many_requests_message() -> str:
    return _("Too many requests. Please wait a little and try again.")


def too_many_requests(request, retry_after: int) -> HttpResponse:
    """429 with Retry-After: JSON on machine paths, the styled page elsewhere."""
    if request.path.startswith(MACHINE_PREFIXES):
        response = JsonResponse({"detail": too_many_requests_message()}, status=429)
    else:
        minutes = max(1, math.ceil(retry_after / 60))
        response = render(request, "core/429.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def rate_limit_response(request, scope: str, *, key: str = "ip") -> HttpResponse | None:
    """Count one request of `scope`; the 429 answer when over the rate, else None."""
    try:
        rate_limit(request, scope, key=key)
    except RateLimited as limited:
        return too_many_requests(request, limited.retry_after)
    return None


def rate_limited(scope: str, *, key: str = "ip", methods: tuple[str, ...] | None = ("POST",)):
    """Limit a Django view (for `methods`; None = every method)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if methods is None or request.method in methods:
                refused = rate_limit_response(request, scope, key=key)
                if refused is not None:
                    return refused
            return view(request, *args, **kwargs)

        wrapped.rate_limit_scope = scope
        return wrapped

    return decorator


def allauth_too_many_requests(request) -> HttpResponse:
    """allauth's 429 (sign-up, password reset, sign-in): the same page and header.

    allauth's windows slide, so the longest configured window is when a retry surely works.
    """
    from allauth.core.internal.ratelimit import parse_rates

    windows = [
        rate.duration
        for rates in settings.ACCOUNT_RATE_LIMITS.values()
        for rate in parse_rates(rates)
    ]
    return too_many_requests(request, int(max(windows, default=60)))
