"""Who in the organisation works on child benefit (django-rules predicates)."""

from __future__ import annotations

import rules
from django.utils.translation import gettext_lazy as _

from rathaus.organization.duties import register_duty
from rathaus.organization.models import Role
from rathaus.organization.predicates import holds_duty, is_administrator

FAMILIENKASSE = register_duty(
    "childbenefit.claims", _("Child benefit: processing claims (Familienkasse)")
).code


def _holds_role_in_familienkasse(user, *roles: str) -> bool:
    return holds_duty(user, FAMILIENKASSE, *roles)


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
