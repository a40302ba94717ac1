"""Every read on child benefit; nothing here writes (writes are in ``services``).

``amounts``: the amount table and the city's role; ``claims``: months already paid, reminders
due; ``schedule``: a decided claim as its payment schedule and hand-over package.
"""

from rathaus.childbenefit.selectors.amounts import (
    amount_rows,
    amount_schedule,
    benefit_role,
    payments_in_force,
)
from rathaus.childbenefit.selectors.claims import reminders_due, taken_months
from rathaus.childbenefit.selectors.schedule import (
    CLAIMS_TOPIC,
    claim_children,
    claim_for_case,
    claim_schedule,
    decided_claim_for_citizen,
    handover_package,
    reason_text,
)

__all__ = [
    "CLAIMS_TOPIC",
    "amount_rows",
    "amount_schedule",
    "benefit_role",
    "claim_children",
    "claim_for_case",
    "claim_schedule",
    "decided_claim_for_citizen",
    "handover_package",
    "payments_in_force",
    "reason_text",
    "reminders_due",
    "taken_months",
]
