"""What every API endpoint shares: authentication, the error format and its translation.

Errors are always `{"detail": "...", "errors": [{"field": "dogs[0].kept_since", "message": "..."}]}`
(`errors` only for 422), with messages in the language of `Accept-Language`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.decorators import decorate_view
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer, SessionAuth
from ninja.utils import contribute_operation_callback

from rathaus.accounts.models import TokenScope
from rathaus.accounts.tokens import TokenRefused, token_for
from rathaus.core.ratelimit import (
    OPENAPI_429,
    RateLimited,
    rate_limited,
    too_many_requests_message,
)

router = Router(tags=["platform"])

# Bounds every API input shares (stated in the OpenAPI document as maximum/maxLength); no real
# request comes near them, and each bounds the work one request can cause.
MAX_ID = 2_147_483_647
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
"""A database id in a path, query or body (PostgreSQL integer)."""
Name = Annotated[str, Field(max_length=200)]
"""A short text: a title, key, slug, reference, code or filter value."""
LongText = Annotated[str, Field(max_length=10_000)]
"""A description."""
MAX_PAGE = 200
Offset = Annotated[int, Field(ge=0, le=1_000_000)]


SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class BearerToken(HttpBearer):
    """`Authorization: Bearer <token>`, a token made by `manage.py create_api_token`.

    A staff account's token works only while the account has TOTP set up, and a read-only
    token only for reading: both are refused with 403 and a message that says why.
    """

    def authenticate(self, request, token):
        try:
            record = token_for(token)
        except TokenRefused as refused:
            raise HttpError(403, str(refused)) from None
        if record is None:
            return None
        if record.scope != TokenScope.WRITE and request.method not in SAFE_METHODS:
            raise HttpError(403, _("This API token may only read. Make a read-write token."))
        request.user = record.user
        return record.user


class Session(SessionAuth):
    """A signed-in browser session, with its CSRF check, for requests that carry a session cookie.

    A request without a session cookie cannot be a cross-site request riding on a session, so
    it is left to the next authentication (or to an endpoint open to anonymous callers)
    instead of being refused for a missing CSRF token.
    """

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        return super().__call__(request)


# Endpoints that need a person: a token or a browser session.
authenticated = [BearerToken(), Session()]


def limited(scope: str, *, key: str = "ip", counted_in_view: bool = False):
    """Rate-limit an API operation by `scope` and state its 429 in the OpenAPI document.

    Put it below the router decorator. With `counted_in_view` the view counts the request
    itself with `rate_limit(request, scope)` (after authentication, or only for some input).
    The view function keeps `rate_limit_scope`, the registry the OpenAPI test walks.
    """

    def decorator(view_func):
        view_func.rate_limit_scope = scope
        contribute_operation_callback(view_func, _document_429)
        if not counted_in_view:
            view_func = decorate_view(rate_limited(scope, key=key, methods=None))(view_func)
        return view_func

    return decorator


def _document_429(operation) -> None:
    extra = dict(operation.openapi_extra or {})
    extra["responses"] = {**extra.get("responses", {}), 429: OPENAPI_429}
    operation.openapi_extra = extra


class FieldErrorOut(Schema):
    field: str = Field(
        examples=["dogs[0].given_up_on"], description="Path of the field in the request"
    )
    message: str = Field(description="What is wrong, in the language of Accept-Language")


class ErrorOut(Schema):
    """The body of every error response."""

    detail: str


class ValidationErrorOut(ErrorOut):
    """The body of a 422 response: one message per field."""

    errors: list[FieldErrorOut]


class DomainValidationError(Exception):
    """Invalid input found by domain rules; `errors` pairs a field path with a message."""

    def __init__(self, errors: Iterable[tuple[str, str]]):
        self.errors = list(errors)
        super().__init__(self.errors)


def field_path(location: Iterable) -> str:
    """`("body", "payload", "dogs", 0, "kept_since")` → `dogs[0].kept_since`."""
    parts = list(location)
    while parts and parts[0] in ("body", "payload", "query", "path", "form", "header", "cookie"):
        parts.pop(0)
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def message_for(error: dict) -> str:
    """A translated message for one pydantic error, by its stable `type`."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return _("This field is required.")
    if kind == "extra_forbidden":
        return _("This field is not known.")
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("Enter a valid date in the form YYYY-MM-DD.")
    if kind in {"literal_error", "enum"}:
        return _("Choose one of: %(choices)s.") % {"choices": ctx.get("expected", "")}
    if kind.startswith(("int_", "float_", "decimal_")):
        return _("Enter a valid number.")
    if kind.startswith("bool"):
        return _("Enter true or false.")
    if kind in {"greater_than", "greater_than_equal"}:
        return _("Enter a value of at least %(limit)s.") % {
            "limit": ctx.get("ge", ctx.get("gt", ""))
        }
    if kind in {"less_than", "less_than_equal"}:
        return _("Enter a value of at most %(limit)s.") % {
            "limit": ctx.get("le", ctx.get("lt", ""))
        }
    if kind in {"too_short", "string_too_short"}:
        return _("This value is too short.")
    if kind in {"too_long", "string_too_long"}:
        return _("This value is too long.")
    if kind.startswith(("string_", "list_", "dict_", "model_")):
        return _("This value has the wrong type.")
    if kind == "json_invalid":
        return _("The request body is not valid JSON.")
    return _("This value is not valid.")


def _error_response(api, request, errors: list[tuple[str, str]]):
    return api.create_response(
        request,
        {
            "detail": _("The request is not valid."),
            "errors": [{"field": field, "message": message} for field, message in errors],
        },
        status=422,
    )


def install_error_handlers(api) -> None:
    @api.exception_handler(ValidationError)
    def validation_error(request, exc):
        errors = [(field_path(error.get("loc", ())), message_for(error)) for error in exc.errors]
        return _error_response(api, request, errors)

    @api.exception_handler(DomainValidationError)
    def domain_validation_error(request, exc):
        return _error_response(api, request, exc.errors)

    @api.exception_handler(AuthenticationError)
    def authentication_error(request, exc):
        return api.create_response(
            request, {"detail": _("Authentication is required.")}, status=401
        )

    @api.exception_handler(PermissionDenied)
    def permission_denied(request, exc):
        return api.create_response(
            request, {"detail": _("You are not allowed to do this.")}, status=403
        )

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"detail": _("Not found.")}, status=404)

    @api.exception_handler(RateLimited)
    def rate_limited(request, exc):
        response = api.create_response(request, {"detail": too_many_requests_message()}, status=429)
        response["Retry-After"] = str(exc.retry_after)
        return response

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@router.get("/me", auth=authenticated, summary="The account the request is authenticated as")
def me(request):
    user = request.auth
    return {
        "email": user.email,
        "display_name": user.display_name,
        "language": user.language,
        "is_staff": user.is_staff,
    }
