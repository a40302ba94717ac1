"""Who works on the dog tax: the tax office (Steueramt)."""

from __future__ import annotations

import rules

from rathaus.organization.models import OrgUnit, Role
from rathaus.organization.predicates import is_staff_member, unit_ids

TAX_OFFICE = "steueramt"


@rules.predicate
def is_tax_office_staff(user) -> bool:
    """A clerk or the lead of the tax office."""
    if not is_staff_member(user):
        return False
    units = unit_ids(user, Role.CLERK, Role.LEAD)
    return bool(units) and OrgUnit.objects.filter(slug=TAX_OFFICE, pk__in=units).exists()


ORDER_OFFICE = "ordnungsamt"


@rules.predicate
def is_order_office_staff(user) -> bool:
    """A clerk or the lead of the public order office (Ordnungsamt): may look up tax tags."""
    if not is_staff_member(user):
        return False
    units = unit_ids(user, Role.CLERK, Role.LEAD)
    return bool(units) and OrgUnit.objects.filter(slug=ORDER_OFFICE, pk__in=units).exists()


can_look_up_tags = is_tax_office_staff | is_order_office_staff
