"""The first and last word on every request: bounds, readable input, one error format per path.

Before anything else runs, a request is refused when

- its method is none the platform serves (``TRACE``, ``CONNECT``, made-up ones): 405;
- its body is larger than ``MAX_REQUEST_BODY_BYTES`` (``API_MAX_BODY_BYTES`` on API paths): 413,
  decided from ``Content-Length`` before the body is read;
- its path, query, headers or (JSON and form) body carry a null byte, invalid UTF-8 or a lone
  UTF-16 surrogate, which no field may hold and the database cannot store: 400.

After the view, every error answer on a machine path that is not already JSON (Django's 404 for
an unknown path, 405 from the router, 500 from a crashed view, a 429 from a rate limit) is
rewritten in that path's error format (``ERROR_FORMATS``); a 500 caused by an unreachable
database becomes 503. Pages keep their HTML error pages.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable
from contextlib import contextmanager
from http import HTTPStatus
from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext as _

ALLOWED_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
_TEXT_BODIES = ("application/json", "application/x-www-form-urlencoded")
# A lone UTF-16 surrogate escape in JSON: a high one not followed by a low one, or a low one
# not preceded by a high one.
_LONE_SURROGATE = re.compile(
    rb"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    rb"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
_NULL_ESCAPE = re.compile(rb"\\u0000")
_HEADERS_PASSED = ("CONTENT_TYPE", "CONTENT_LENGTH")
DRAIN_BYTES = 2 * 1024 * 1024
"""An oversized body up to this size is read and dropped after the 413, so that the client can
read the answer and keep its connection; a larger one is left unread (the server may then cut
the connection, which is fine for a client sending megabytes where kilobytes are allowed)."""


def _status_message(status: int) -> str:
    messages = {
        400: _("The request could not be read."),
        401: _("Authentication is required."),
        403: _("You are not allowed to do this."),
        404: _("Not found."),
        405: _("This method is not allowed here."),
        413: _("The request is too large."),
        422: _("The request is not valid."),
        429: _("Too many requests. Please wait a moment and try again."),
        500: _("Something went wrong on our side."),
        503: _("The service is not available at the moment. Please try again in a few minutes."),
    }
    return messages.get(status) or HTTPStatus(status).phrase


def _api_error(status: int) -> HttpResponse:
    """The platform API's format (see ``rathaus.core.api``): ``{"detail": "..."}``."""
    return JsonResponse({"detail": _status_message(status)}, status=status)


_OGC_CODES = {400: "InvalidParameterValue", 404: "NotFound", 405: "MethodNotAllowed"}


def _ogc_error(status: int) -> HttpResponse:
    """An OGC API exception document ``{"code", "description"}``."""
    code = _OGC_CODES.get(status) or HTTPStatus(status).phrase.replace(" ", "")
    return JsonResponse({"code": code, "description": _status_message(status)}, status=status)


ERROR_FORMATS: dict[str, Callable[[int], HttpResponse]] = {
    "/api/": _api_error,
    "/ogc/": _ogc_error,
}
"""Path prefix → the error answer of the machine interface living there."""

_KEPT_HEADERS = ("Allow", "Retry-After", "WWW-Authenticate")

_compute_slots: threading.BoundedSemaphore | None = None


class Busy(Exception):
    """Every computing slot of this worker is taken; answered 503 with Retry-After."""


@contextmanager
def compute_slot():
    """Hold one of the worker's ``COMPUTE_SLOTS`` for the costly part of an anonymous request.

    At most that many computations run at once in one worker process; one more raises ``Busy``
    at once instead of waiting, so that computations can neither hold every thread nor crowd
    pages and /healthz out of the CPU. Validation (413, 422) happens before, without a slot.
    """
    global _compute_slots
    if _compute_slots is None:
        _compute_slots = threading.BoundedSemaphore(settings.COMPUTE_SLOTS)
    if not _compute_slots.acquire(blocking=False):
        raise Busy
    try:
        yield
    finally:
        _compute_slots.release()


def error_format(path: str) -> Callable[[int], HttpResponse] | None:
    for prefix, render in ERROR_FORMATS.items():
        if path.startswith(prefix) or path == prefix.rstrip("/"):
            return render
    return None


def _page_error(request, status: int) -> HttpResponse:
    html = loader.get_template("core/request_error.html").render(
        {
            "LANGUAGE_CODE": translation.get_language(),
            "status": status,
            "message": _status_message(status),
        }
    )
    return HttpResponse(html, status=status)


def _language(request) -> str:
    return translation.get_language_from_path(
        request.path_info
    ) or translation.get_language_from_request(request, check_path=False)


def refuse(request, status: int, headers: dict[str, str] | None = None) -> HttpResponse:
    """The error answer for ``request``'s path, in the request's language."""
    with translation.override(_language(request)):
        render = error_format(request.path_info)
        response = render(status) if render else _page_error(request, status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _unreadable(raw: bytes) -> bool:
    if b"\x00" in raw:
        return True
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _body_limit(request) -> int:
    if error_format(request.path_info) is _api_error:
        return settings.API_MAX_BODY_BYTES
    if request.content_type in _TEXT_BODIES:  # read whole into memory (files are streamed)
        return min(settings.MAX_REQUEST_BODY_BYTES, settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
    return settings.MAX_REQUEST_BODY_BYTES


def _problem(request) -> tuple[int, dict[str, str]] | None:
    """The status (and headers) a request is refused with before any view sees it."""
    if request.method not in ALLOWED_METHODS:
        return 405, {"Allow": ", ".join(sorted(ALLOWED_METHODS))}
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 400, {}
    if length > _body_limit(request):
        if length <= DRAIN_BYTES:
            _drain(request.META["wsgi.input"], length)
        return 413, {}
    environ = request.META
    try:
        raw_path = get_bytes_from_wsgi(environ, "PATH_INFO", "")
        raw_query = get_bytes_from_wsgi(environ, "QUERY_STRING", "")
    except UnicodeEncodeError:  # not the latin-1 string of bytes PEP 3333 asks servers for
        return 400, {}
    if _unreadable(unquote_to_bytes(raw_path)) or _unreadable(
        unquote_to_bytes(raw_query.replace(b"+", b" "))
    ):
        return 400, {}
    if any(
        "\x00" in value
        for key, value in environ.items()
        if (key.startswith("HTTP_") or key in _HEADERS_PASSED) and isinstance(value, str)
    ):
        return 400, {}
    if length and request.content_type in _TEXT_BODIES and _bad_body(request):
        return 400, {}
    return None


def _drain(stream, length: int) -> None:
    while length > 0:
        chunk = stream.read(min(length, 64 * 1024))
        if not chunk:
            return
        length -= len(chunk)


def _bad_body(request) -> bool:
    body = request.body  # bounded by the length check above; kept for the view
    if request.content_type == "application/x-www-form-urlencoded":
        return _unreadable(unquote_to_bytes(body.replace(b"+", b" ")))
    return (
        _unreadable(body)
        or _NULL_ESCAPE.search(body) is not None
        or _LONE_SURROGATE.search(body) is not None
    )


@receiver(got_request_exception)
def _remember_exception(sender, request=None, **kwargs):
    """Note on the request what crashed it, so that the answer can tell an outage from a bug."""
    if request is not None:
        request.rathaus_exception = sys.exc_info()[1]


def _is_json(response) -> bool:
    content_type = response.get("Content-Type", "")
    return "json" in content_type.split(";")[0]


class RequestGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = _problem(request)
        if problem is not None:
            status, headers = problem
            return refuse(request, status, headers)
        return self._in_format(request, self.get_response(request))

    def process_exception(self, request, exception):
        if isinstance(exception, Busy):
            return refuse(request, 503, {"Retry-After": "1"})
        return None

    def _in_format(self, request, response):
        status = response.status_code
        if status < 400:
            return response
        if status == 500 and isinstance(
            getattr(request, "rathaus_exception", None), OperationalError | InterfaceError
        ):
            status = 503
        if error_format(request.path_info) is None:
            if status != response.status_code:
                response.status_code = status
            return response
        if _is_json(response) and status == response.status_code:
            return response
        kept = {name: response[name] for name in _KEPT_HEADERS if response.has_header(name)}
        return refuse(request, status, kept)
