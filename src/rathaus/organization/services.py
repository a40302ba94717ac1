"""Writes on the organisation, each audited."""

from __future__ import annotations

from django.db import transaction

from rathaus.core.audit import audit_record
from rathaus.organization.models import Membership, OrgUnit


@transaction.atomic
def membership_grant(*, user, unit: OrgUnit, role: str, actor=None) -> Membership:
    membership, created = Membership.objects.get_or_create(user=user, unit=unit, role=role)
    if created:
        if not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        audit_record(
            actor=actor,
            action="membership.grant",
            target=membership,
            after={"user": user.email, "unit": unit.slug, "role": role},
        )
    return membership
