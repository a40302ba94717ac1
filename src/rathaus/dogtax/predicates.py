"""Who works on the dog tax: the departments holding its duties (by default Kaiserslautern's
Steueramt assesses, its Ordnungsamt looks up tax tags)."""

from __future__ import annotations

import rules
from django.utils.translation import gettext_lazy as _

from rathaus.organization.duties import register_duty
from rathaus.organization.models import Role
from rathaus.organization.predicates import holds_duty

TAX_OFFICE = register_duty(
    "dogtax.tax_office", _("Dog tax: assessing it and keeping the dog register")
).code
TAG_LOOKUP = register_duty(
    "dogtax.tag_lookup", _("Dog tax: looking up whose dog a tax tag belongs to")
).code


@rules.predicate
def is_tax_office_staff(user) -> bool:
    """A clerk or the lead of the department that assesses the dog tax."""
    return holds_duty(user, TAX_OFFICE, Role.CLERK, Role.LEAD)


@rules.predicate
def is_order_office_staff(user) -> bool:
    """A clerk or the lead of the department that may look up tax tags (public order)."""
    return holds_duty(user, TAG_LOOKUP, Role.CLERK, Role.LEAD)


can_look_up_tags = is_tax_office_staff | is_order_office_staff
