"""Every write on child benefit: keyword-only, in one transaction each, audited.

``amounts``: the amount table and the city's role; ``claims``: record and decide a claim;
``reminders``: ask for evidence before a child turns 18.
"""

from rathaus.childbenefit.services.amounts import (
    AmountRowInvalid,
    amount_create,
    amount_defaults_seed,
    amount_delete,
    amount_update,
    role_set,
)
from rathaus.childbenefit.services.claims import (
    ChildChoice,
    GrantConflict,
    claim_decide,
    claim_record,
)
from rathaus.childbenefit.services.reminders import age_reminders_send

__all__ = [
    "AmountRowInvalid",
    "ChildChoice",
    "GrantConflict",
    "age_reminders_send",
    "amount_create",
    "amount_defaults_seed",
    "amount_delete",
    "amount_update",
    "claim_decide",
    "claim_record",
    "role_set",
]
