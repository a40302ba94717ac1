from rathaus.dogtax.models.assessment import AssessmentExport, AssessmentItem, AssessmentRun
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
    "AssessmentExport",
    "AssessmentItem",
    "AssessmentRun",
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
