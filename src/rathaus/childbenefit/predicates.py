"""Who in the organisation works on child benefit (django-rules predicates)."""

from __future__ import annotations

import rules

from rathaus.organization.models import OrgUnit, Role
from rathaus.organization.predicates import is_administrator, is_staff_member, unit_ids

FAMILIENKASSE = "familienkasse"
"""The slug of the organisational unit that processes child benefit."""


def _holds_role_in_familienkasse(user, *roles: str) -> bool:
    if not is_staff_member(user):
        return False
    units = unit_ids(user, *roles)
    return bool(units) and OrgUnit.objects.filter(pk__in=units, slug=FAMILIENKASSE).exists()


@rules.predicate
def is_familienkasse_staff(user) -> bool:
    """A clerk or the lead of the Familienkasse."""
    return _holds_role_in_familienkasse(user, Role.CLERK, Role.LEAD)


@rules.predicate
def is_familienkasse_lead(user) -> bool:
    return _holds_role_in_familienkasse(user, Role.LEAD)


can_manage_amounts = is_familienkasse_staff
can_set_role = is_administrator | is_familienkasse_lead
can_process_claims = is_familienkasse_staff
