"""The participation platform's named permissions (autodiscovered by django-rules).

Phase-dependent ones take the object (a process, proposal or comment); see
`participation.phases` for the table they follow.
"""

import rules

from rathaus.organization.predicates import is_moderator
from rathaus.participation import predicates

rules.add_perm("participation.view", predicates.may_view)
rules.add_perm("participation.follow", predicates.may_follow)
rules.add_perm("participation.propose", predicates.may_propose)
rules.add_perm("participation.edit_proposal", predicates.may_edit_proposal)
rules.add_perm("participation.comment", predicates.may_comment)
rules.add_perm("participation.support", predicates.may_support)
rules.add_perm("participation.report", predicates.may_report)
rules.add_perm("participation.moderate", predicates.may_moderate)
rules.add_perm("participation.answer", predicates.may_answer)
rules.add_perm("participation.block_user", is_moderator)
rules.add_perm("participation.manage_projects", is_moderator)
