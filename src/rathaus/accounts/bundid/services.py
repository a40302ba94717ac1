"""Writes of the BundID sign-in: the replay guard."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from rathaus.accounts.bundid.models import SeenAssertion


class Replayed(Exception):
    """The assertion has signed somebody in before."""


def assertion_consume(*, assertion_id: str, expires_at: datetime) -> None:
    """Record the assertion as used (committed at once); raises Replayed if it already was.

    Expired entries are dropped on the way: an expired assertion is refused by its
    NotOnOrAfter, so its ID need not be kept.
    """
    with transaction.atomic():
        SeenAssertion.objects.filter(expires_at__lt=timezone.now()).delete()
        try:
            with transaction.atomic():
                SeenAssertion.objects.create(assertion_id=assertion_id, expires_at=expires_at)
        except IntegrityError as error:
            raise Replayed(assertion_id) from error
