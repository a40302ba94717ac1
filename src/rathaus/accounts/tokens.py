"""API tokens: made once, shown once, stored as a SHA-256 digest."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from rathaus.accounts.models import ApiToken, User
from rathaus.core.audit import audit_record

PREFIX = "rh_"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def api_token_create(
    *, user: User, name: str = "", valid_days: int | None = None, actor=None
) -> str:
    """A new token for `user`; the plain token is returned once and never stored."""
    token = PREFIX + secrets.token_urlsafe(32)
    expires_at = timezone.now() + timedelta(days=valid_days) if valid_days else None
    record = ApiToken.objects.create(
        user=user, name=name, digest=_digest(token), expires_at=expires_at
    )
    audit_record(
        actor=actor,
        action="api_token.create",
        target=record,
        after={"user": user.email, "name": name, "expires_at": expires_at},
    )
    return token


def user_for_token(token: str) -> User | None:
    """The active account a presented token belongs to, or None."""
    if not token.startswith(PREFIX):
        return None
    now = timezone.now()
    record = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(token), revoked_at__isnull=True, user__is_active=True)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .first()
    )
    if record is None:
        return None
    today = now.date()
    if record.last_used_on != today:
        ApiToken.objects.filter(pk=record.pk).update(last_used_on=today)
    return record.user
