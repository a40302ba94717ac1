"""Only one person receives child benefit for a child in a month (§ 64 (1) EStG).

Grants are plain values here; the caller loads the existing ones (e.g. every decided grant for the
child's Steuer-ID) and asks whether a new one would pay the same child to someone else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from stdnum.de import idnr

from rathaus.core.months import Month


@dataclass(frozen=True, slots=True)
class Grant:
    """Child benefit for the child with ``child_tax_id`` paid to ``recipient`` over months.

    ``recipient`` is any stable identifier of the person paid; ``until_month`` ``None`` is open.
    """

    child_tax_id: str
    recipient: str
    from_month: Month
    until_month: Month | None = None

    def covers(self, month: Month) -> bool:
        return self.from_month <= month and (self.until_month is None or month <= self.until_month)


@dataclass(frozen=True, slots=True)
class RecipientConflict:
    """An existing grant to another recipient for the same child in ``from_month``..``until``."""

    existing: Grant
    from_month: Month
    until_month: Month | None


def recipient_conflicts(*, proposed: Grant, existing: Iterable[Grant]) -> list[RecipientConflict]:
    """The overlaps of ``proposed`` with grants for the same child to someone else.

    Steuer-IDs are compared without spaces and separators (``365 742 61809`` is ``36574261809``).
    Grants to the same recipient are not conflicts: a new decision replaces the old one.
    """
    child = idnr.compact(proposed.child_tax_id)
    conflicts = []
    for grant in existing:
        if idnr.compact(grant.child_tax_id) != child or grant.recipient == proposed.recipient:
            continue
        start = max(grant.from_month, proposed.from_month)
        ends = [end for end in (grant.until_month, proposed.until_month) if end is not None]
        end = min(ends) if ends else None
        if end is None or start <= end:
            conflicts.append(RecipientConflict(grant, start, end))
    return conflicts
