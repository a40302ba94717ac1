import rules

from rathaus.dogtax.predicates import is_tax_office_staff

rules.add_perm("dogtax.view_statute", is_tax_office_staff)
rules.add_perm("dogtax.change_statute", is_tax_office_staff)
rules.add_perm("dogtax.run_assessment", is_tax_office_staff)
