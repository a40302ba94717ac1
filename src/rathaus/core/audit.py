"""Writing and reading the audit log.

Service functions call `audit_record` inside their transaction, so the entry exists exactly when
the change does. Values are stored as JSON; pass plain, already serialisable snapshots.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from rathaus.core.client import client_ip
from rathaus.core.models import AuditEntry

SYSTEM = "system"


def actor_label_for(actor: Any) -> str:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return SYSTEM
    return actor.get_username()


def audit_record(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    before: dict | None = None,
    after: dict | None = None,
    label: str | None = None,
) -> AuditEntry:
    """Append one entry: who (`actor`, a user or None for the system) did what to which object."""
    entry = audit_entry(
        actor=actor, action=action, target=target, before=before, after=after, label=label
    )
    entry.save(force_insert=True)
    return entry


def audit_entry(
    *,
    actor: Any,
    action: str,
    target: models.Model | None = None,
    before: dict | None = None,
    after: dict | None = None,
    label: str | None = None,
) -> AuditEntry:
    """The entry `audit_record` appends, not yet saved (for a service that writes it together
    with its change in one statement)."""
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEntry(
        actor=user,
        actor_label=label or actor_label_for(actor),
        action=action,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=str(target.pk) if target is not None else "",
        target_label=str(target)[:255] if target is not None else "",
        before=before,
        after=after,
    )


def audit_search(
    *,
    actor: str = "",
    action: str = "",
    target_type: str = "",
    target_id: str = "",
    date_from=None,
    date_to=None,
) -> models.QuerySet[AuditEntry]:
    """The entries matching every given filter, newest first."""
    entries = AuditEntry.objects.select_related("target_type")
    if actor:
        entries = entries.filter(actor_label__icontains=actor)
    if action:
        entries = entries.filter(action__istartswith=action)
    if target_type:
        app_label, _, model = target_type.partition(".")
        entries = entries.filter(target_type__app_label=app_label, target_type__model=model)
    if target_id:
        entries = entries.filter(target_id=target_id)
    if date_from:
        entries = entries.filter(at__date__gte=date_from)
    if date_to:
        entries = entries.filter(at__date__lte=date_to)
    return entries


def audit_read(request, *, action: str, target: models.Model, **details: Any) -> AuditEntry:
    """Record that the person behind `request` read personal data (need to know).

    Reads are written as audit entries like changes: who, when, what, and from which client
    address, so that the audit search answers "who looked at this case?".
    """
    after = {"client": client_ip(request), "path": request.path}
    after.update({key: str(value) for key, value in details.items()})
    return audit_record(actor=request.user, action=action, target=target, after=after)
