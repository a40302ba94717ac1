from rathaus.childbenefit.models.amounts import BenefitAmount
from rathaus.childbenefit.models.role import BenefitRole, BenefitRoleSetting

__all__ = ["BenefitAmount", "BenefitRole", "BenefitRoleSetting"]
