"""The expected permission matrix, written out independently of `participation.phases`.

Rows: action → the phases in which it is allowed → the roles allowed there. "closed" means no
phase is running (before, between or after the phases).
"""

PHASES = ["information", "proposals", "discussion", "voting", "results", "implementation", "closed"]
ROLES = ["anonymous", "citizen", "author", "moderator", "administrator", "blocked"]
EVERY_PHASE = set(PHASES)
SIGNED_IN = {"citizen", "author", "moderator", "administrator"}
STAFF = {"moderator", "administrator"}

EXPECTED = {
    "view": (EVERY_PHASE, set(ROLES)),
    "follow": (EVERY_PHASE, SIGNED_IN),
    "report": (EVERY_PHASE, SIGNED_IN),
    "moderate": (EVERY_PHASE, STAFF),
    "propose": ({"proposals"}, SIGNED_IN),
    "edit_proposal": ({"proposals"}, {"author"}),
    "comment": ({"proposals", "discussion"}, SIGNED_IN),
    "support": ({"proposals", "discussion"}, SIGNED_IN),
    "answer": (EVERY_PHASE - {"information"}, STAFF),
}


def allowed(action: str, phase: str, role: str) -> bool:
    phases, roles = EXPECTED[action]
    return phase in phases and role in roles
