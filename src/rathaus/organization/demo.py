"""Demo people in their roles; the departments themselves are installed by `install_services`."""

from __future__ import annotations

from rathaus.accounts.models import User
from rathaus.organization.models import OrgUnit, Role
from rathaus.organization.services import membership_grant

MEMBERSHIPS = [
    ("clerk.tax@example.org", "steueramt", Role.CLERK),
    ("clerk.family@example.org", "familienkasse", Role.CLERK),
    ("clerk.order@example.org", "ordnungsamt", Role.CLERK),
    ("moderator@example.org", "daten-services", Role.MODERATOR),
    ("admin@example.org", "ikt", Role.ADMINISTRATOR),
]


def load(stdout=None) -> None:
    for email, unit, role in MEMBERSHIPS:
        membership_grant(
            user=User.objects.get(email=email), unit=OrgUnit.objects.get(slug=unit), role=role
        )
    if stdout:
        stdout.write(f"  organization: {len(MEMBERSHIPS)} demo memberships")
