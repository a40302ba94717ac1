from rathaus.dogtax.models.statute import (
    DogTaxStatute,
    ExemptionKind,
    ExemptionLevel,
    InstallmentDate,
    RatePeriod,
)

__all__ = ["DogTaxStatute", "ExemptionKind", "ExemptionLevel", "InstallmentDate", "RatePeriod"]
