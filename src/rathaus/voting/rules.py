"""Who may manage polls: moderators and administrators of the participation platform."""

import rules

from rathaus.organization.predicates import is_moderator

rules.add_perm("voting.manage_polls", is_moderator)
