"""One log line per request, and the request id on every log line written while it runs.

The id comes from the reverse proxy's `X-Request-ID` (setting REQUEST_ID_HEADER) when it looks
like one, else it is made up here; it is returned in the same response header so that a citizen's
screenshot or a proxy log leads to the application's lines. The line names the user by id only,
never by e-mail, and the path without its query string (which may carry tokens).
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from contextvars import ContextVar

from django.conf import settings
from django.utils.functional import empty

logger = logging.getLogger("rathaus.request")

_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
_WELL_FORMED = re.compile(r"[A-Za-z0-9._:-]{8,64}")


class RequestContextFilter(logging.Filter):
    """Adds `request_id` to every record (None outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = _request_id.get()
        return True


def _user_id(request) -> int | None:
    """The signed-in user's id, when the request has looked them up (the log costs no query)."""
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", user) is empty:
        session = getattr(request, "session", None)
        loaded = getattr(session, "_session_cache", None)
        user_id = loaded.get("_auth_user_id") if isinstance(loaded, dict) else None
        return int(user_id) if user_id and str(user_id).isdigit() else None
    return user.pk if user.is_authenticated else None


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.header = settings.REQUEST_ID_HEADER

    def __call__(self, request):
        given = request.headers.get(self.header, "")
        request_id = given if _WELL_FORMED.fullmatch(given) else uuid.uuid4().hex
        token = _request_id.set(request_id)
        started = time.perf_counter()
        status = 500
        try:
            response = self.get_response(request)
            status = response.status_code
            response[self.header] = request_id
            return response
        finally:
            logger.info(
                "%s %s %s",
                request.method,
                request.path,
                status,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "user_id": _user_id(request),
                },
            )
            _request_id.reset(token)
