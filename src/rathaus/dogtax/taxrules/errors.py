"""Structured validation errors of the dog-tax rules.

A problem names the offending input by a field path (``dogs[1].given_up_on``) and a stable
message code; the Django layer translates codes into German and English messages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Code(StrEnum):
    """Stable message codes. Never rename a member's value: translations are keyed on it."""

    # household input
    GIVEN_UP_BEFORE_KEPT = "given_up_before_kept"
    BORN_AFTER_KEPT = "born_after_kept"
    DEREGISTERED_WITHOUT_GIVING_UP = "deregistered_without_giving_up"
    DUPLICATE_REF = "duplicate_ref"
    UNKNOWN_EXEMPTION = "unknown_exemption"
    EXEMPTION_LIMIT_EXCEEDED = "exemption_limit_exceeded"
    YEAR_NOT_COVERED = "year_not_covered"
    WHOLE_YEAR_NOT_OFFERED = "whole_year_not_offered"
    # household input and statute data
    ENDS_BEFORE_START = "ends_before_start"
    # statute data
    PERIODS_OVERLAP = "periods_overlap"
    NEGATIVE_AMOUNT = "negative_amount"
    INVALID_DATE = "invalid_date"
    MONTHS_NOT_COVERED_ONCE = "months_not_covered_once"
    DUPLICATE_CODE = "duplicate_code"
    MISSING = "missing"
    WRONG_TYPE = "wrong_type"


@dataclass(frozen=True, kw_only=True)
class Problem:
    field: str
    code: Code


class InvalidInput(ValueError):
    """Raised with every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("; ".join(f"{p.field}: {p.code}" for p in self.problems))


def raise_if_any(problems: Iterable[Problem]) -> None:
    problems = tuple(problems)
    if problems:
        raise InvalidInput(problems)
