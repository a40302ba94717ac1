"""API tokens: made once, shown once, stored as a SHA-256 digest.

A token expires after `API_TOKEN_DAYS` unless told otherwise, carries a scope (read only or read
and write), and belongs to a staff account only while that account has TOTP set up: the back
office asks staff for a second factor, and a token must not be the way around it.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from rathaus.accounts.mfa import has_totp
from rathaus.accounts.models import ApiToken, TokenScope, User
from rathaus.core.audit import audit_record

PREFIX = "rh_"


class TokenRefused(Exception):
    """A token that may not be made or used; the message says why (translated)."""


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def staff_without_mfa(user: User) -> bool:
    return user.is_staff and not has_totp(user)


def _staff_mfa_message() -> str:
    return _(
        "API tokens of staff accounts work only when two-factor authentication (TOTP) is set "
        "up on the account. Set it up in the back office first."
    )


@transaction.atomic
def api_token_create(
    *,
    user: User,
    name: str = "",
    scope: str = TokenScope.READ,
    valid_days: int | None = None,
    actor=None,
) -> str:
    """A new token for `user`; the plain token is returned once and never stored."""
    if staff_without_mfa(user):
        raise TokenRefused(_staff_mfa_message())
    token = PREFIX + secrets.token_urlsafe(32)
    expires_at = timezone.now() + timedelta(days=valid_days or settings.API_TOKEN_DAYS)
    record = ApiToken.objects.create(
        user=user, name=name, digest=_digest(token), expires_at=expires_at, scope=scope
    )
    audit_record(
        actor=actor,
        action="api_token.create",
        target=record,
        after={"user": user.email, "name": name, "scope": scope, "expires_at": expires_at},
    )
    return token


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit_record(actor=actor, action="api_token.revoke", target=token)


def tokens_of(user: User) -> QuerySet[ApiToken]:
    """The account's tokens still in force, newest first."""
    return ApiToken.objects.filter(
        user=user, revoked_at__isnull=True, expires_at__gt=timezone.now()
    ).order_by("-created_at")


def token_for(token: str) -> ApiToken | None:
    """The valid token record a presented token belongs to, or None."""
    if not token.startswith(PREFIX):
        return None
    now = timezone.now()
    record = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(token), revoked_at__isnull=True, user__is_active=True)
        .filter(expires_at__gt=now)
        .first()
    )
    if record is None:
        return None
    if staff_without_mfa(record.user):
        raise TokenRefused(_staff_mfa_message())
    today = now.date()
    if record.last_used_on != today:
        ApiToken.objects.filter(pk=record.pk).update(last_used_on=today)
    return record
