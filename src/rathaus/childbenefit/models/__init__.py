from rathaus.childbenefit.models.amounts import BenefitAmount
from rathaus.childbenefit.models.claims import (
    ALREADY_GRANTED,
    CLERK_REJECTED,
    NOT_IN_HOUSEHOLD,
    PAID_TO_OTHER,
    AgeReminder,
    BenefitClaim,
    ClaimChild,
    ClaimKind,
    DecisionLine,
)
from rathaus.childbenefit.models.role import BenefitRole, BenefitRoleSetting

__all__ = [
    "ALREADY_GRANTED",
    "CLERK_REJECTED",
    "NOT_IN_HOUSEHOLD",
    "PAID_TO_OTHER",
    "AgeReminder",
    "BenefitAmount",
    "BenefitClaim",
    "BenefitRole",
    "BenefitRoleSetting",
    "ClaimChild",
    "ClaimKind",
    "DecisionLine",
]
