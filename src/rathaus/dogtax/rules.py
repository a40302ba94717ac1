import rules

from rathaus.dogtax.predicates import can_look_up_tags, is_tax_office_staff

rules.add_perm("dogtax.view_statute", is_tax_office_staff)
rules.add_perm("dogtax.change_statute", is_tax_office_staff)
# The dog register (households, dogs, tags, notices, history): the tax office only.
rules.add_perm("dogtax.view_register", is_tax_office_staff)
# Is this tag valid, and whose is it: the tax office and the public order office.
rules.add_perm("dogtax.lookup_tag", can_look_up_tags)
# The annual assessment: the tax office.
rules.add_perm("dogtax.run_assessment", is_tax_office_staff)
