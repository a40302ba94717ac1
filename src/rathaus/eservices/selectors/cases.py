"""Reads for a case in the back office: whom it may be assigned to."""

from __future__ import annotations

from rathaus.eservices.models import Case
from rathaus.organization.models import Role


def assignable_staff(case: Case):
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(
            memberships__unit=case.unit_id,
            memberships__role__in=[Role.CLERK, Role.LEAD],
            is_active=True,
        )
        .distinct()
        .order_by("display_name", "email")
    )
