from rathaus.childbenefit.models.amounts import BenefitAmount
from rathaus.childbenefit.models.claims import (
    AgeReminder,
    BenefitClaim,
    ClaimChild,
    ClaimKind,
    DecisionLine,
)
from rathaus.childbenefit.models.role import BenefitRole, BenefitRoleSetting

__all__ = [
    "AgeReminder",
    "BenefitAmount",
    "BenefitClaim",
    "BenefitRole",
    "BenefitRoleSetting",
    "ClaimChild",
    "ClaimKind",
    "DecisionLine",
]
