"""The facts a child-benefit computation starts from: children, their qualifying periods, dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rathaus.core.months import Month


class QualifyingKind(StrEnum):
    """Why a child of 18 or over still counts (§ 32 (4) EStG)."""

    EDUCATION = "education"
    """School, university or vocational training; 18 to 25."""
    VOLUNTARY_SERVICE = "voluntary_service"
    """A recognised voluntary service; 18 to 25."""
    TRANSITION = "transition"
    """A gap of at most four months between two training sections or around voluntary service."""
    NO_TRAINING_PLACE = "no_training_place"
    """Seeking a training place without finding one; 18 to 25."""
    JOB_SEEKING = "job_seeking"
    """Not employed and registered as seeking work with the employment agency; 18 to 21."""
    DISABLED = "disabled"
    """Cannot support itself because of a disability that began before 25; no age limit."""


@dataclass(frozen=True, slots=True)
class QualifyingPeriod:
    """A qualifying status held in every month from ``from_month`` to ``to_month`` (both included).

    ``to_month`` is ``None`` while the end is not known (e.g. a course of study under way).
    """

    kind: QualifyingKind
    from_month: Month
    to_month: Month | None = None

    def covers(self, month: Month) -> bool:
        return self.from_month <= month and (self.to_month is None or month <= self.to_month)

    @property
    def length_in_months(self) -> int | None:
        if self.to_month is None:
            return None
        return self.to_month.index - self.from_month.index + 1


@dataclass(frozen=True, slots=True)
class Child:
    ref: str
    """The caller's name for the child, repeated in the result (``"A"``, a database key, ...)."""
    born_on: date
    qualifying_periods: tuple[QualifyingPeriod, ...] = ()


@dataclass(frozen=True, slots=True)
class QuoteRequest:
    """Which months of which children to compute, for an application received on a day.

    The computation lists every month from the earliest month the application can still reach
    (six months before the month of receipt) to ``until``. ``requested_from`` lets a caller ask for
    earlier months as well, which then come back refused with the backdating limit as reason.
    """

    application_received_on: date
    until: Month
    children: tuple[Child, ...]
    requested_from: Month | None = None
