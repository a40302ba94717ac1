import rules

from rathaus.organization.predicates import is_administrator, is_staff_member

rules.add_perm("core.access_backoffice", is_staff_member)
rules.add_perm("core.view_auditlog", is_administrator)
rules.add_perm("organization.view_units", is_staff_member)
