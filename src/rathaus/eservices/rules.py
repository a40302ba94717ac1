"""Who may do what in the online-services engine (django-rules, autodiscovered).

Cases are seen only by clerks and leads of the responsible department and by the citizen who
applied. Administrators manage the catalogue but do not read cases (need to know).
"""

import rules

from rathaus.organization.models import Role
from rathaus.organization.predicates import (
    is_administrator,
    is_lead_of_unit,
    is_staff_member,
    unit_ids,
)

CASE_ROLES = (Role.CLERK, Role.LEAD)


def case_unit_ids(user) -> set[int]:
    """The departments whose cases the user works on."""
    if not is_staff_member(user):
        return set()
    return unit_ids(user, *CASE_ROLES)


@rules.predicate
def works_on_cases(user) -> bool:
    return bool(case_unit_ids(user))


@rules.predicate
def works_on_case(user, case) -> bool:
    return case is None or case.unit_id in case_unit_ids(user)


@rules.predicate
def is_applicant(user, case) -> bool:
    return (
        case is not None
        and user.is_authenticated
        and case.applicant_id is not None
        and case.applicant_id == user.pk
    )


@rules.predicate
def leads_any_unit(user) -> bool:
    return is_staff_member(user) and bool(unit_ids(user, Role.LEAD))


@rules.predicate
def may_edit_service(user, service) -> bool:
    return service is None or is_lead_of_unit(user, service.unit)


rules.add_perm("eservices.view_inbox", works_on_cases)
rules.add_perm("eservices.process_case", works_on_cases & works_on_case)
rules.add_perm("eservices.view_own_case", is_applicant)
rules.add_perm("eservices.manage_services", is_administrator | leads_any_unit)
rules.add_perm("eservices.change_service", is_administrator | (leads_any_unit & may_edit_service))
rules.add_perm("eservices.manage_payments", works_on_cases)
