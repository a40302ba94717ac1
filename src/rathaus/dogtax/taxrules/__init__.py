"""The dog-tax rules as a pure computation: a statute as data, a household in, an assessment out.

No Django here; the ``dogtax`` app stores statutes and dogs and calls ``assess``.
"""

from .assessment import Assessment, DogAssessment, MonthCharge, assess
from .errors import Code, InvalidInput, Problem
from .household import Dog, EarlierGrant, Exemption, Keeper
from .installments import Installment
from .statute import (
    DueDate,
    ExemptionKind,
    ExemptionLevel,
    InstallmentDate,
    LateDeregistration,
    LocalizedText,
    RatePeriod,
    Statute,
    statute_problems,
)
from .statute_file import default_statute, load_statute, statute_from_toml

__all__ = [
    "Assessment",
    "Code",
    "Dog",
    "DogAssessment",
    "DueDate",
    "EarlierGrant",
    "Exemption",
    "ExemptionKind",
    "ExemptionLevel",
    "Installment",
    "InstallmentDate",
    "InvalidInput",
    "Keeper",
    "LateDeregistration",
    "LocalizedText",
    "MonthCharge",
    "Problem",
    "RatePeriod",
    "Statute",
    "assess",
    "default_statute",
    "load_statute",
    "statute_from_toml",
    "statute_problems",
]
