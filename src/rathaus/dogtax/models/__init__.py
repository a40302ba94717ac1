from rathaus.dogtax.models.register import (
    AccountCounter,
    Dog,
    DogEvent,
    GivenUpReason,
    Sex,
    Tag,
    TagCounter,
    TagInvalidation,
    TaxAccount,
    TaxNotice,
)
from rathaus.dogtax.models.statute import (
    DogTaxStatute,
    ExemptionKind,
    ExemptionLevel,
    InstallmentDate,
    RatePeriod,
)

__all__ = [
    "AccountCounter",
    "Dog",
    "DogEvent",
    "DogTaxStatute",
    "ExemptionKind",
    "ExemptionLevel",
    "GivenUpReason",
    "InstallmentDate",
    "RatePeriod",
    "Sex",
    "Tag",
    "TagCounter",
    "TagInvalidation",
    "TaxAccount",
    "TaxNotice",
]
