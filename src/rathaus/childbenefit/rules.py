import rules

from rathaus.childbenefit.predicates import can_manage_amounts, can_process_claims, can_set_role

rules.add_perm("childbenefit.manage_amounts", can_manage_amounts)
rules.add_perm("childbenefit.set_role", can_set_role)
rules.add_perm("childbenefit.process_claims", can_process_claims)
