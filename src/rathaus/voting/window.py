"""The time window of a poll: when it may be voted in, and when it is counted."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum


class PollState(StrEnum):
    UPCOMING = "upcoming"
    """Not open yet; the poll can still be edited."""
    OPEN = "open"
    ENDED = "ended"
    """Past its closing time, not counted yet."""
    CLOSED = "closed"
    """Closed and counted; the ballots are published."""


def poll_state(
    *, opens_at: datetime, closes_at: datetime, closed_at: datetime | None, now: datetime
) -> PollState:
    if closed_at is not None:
        return PollState.CLOSED
    if now < opens_at:
        return PollState.UPCOMING
    if now < closes_at:
        return PollState.OPEN
    return PollState.ENDED


def effective_window(
    *,
    opens_at: datetime,
    closes_at: datetime,
    in_process: bool = False,
    voting_phase: tuple[datetime, datetime] | None = None,
) -> tuple[datetime, datetime]:
    """When ballots can really be cast. A poll inside a participation process is open only
    during the process's voting phase: its own window narrowed to the phase. A process without
    a voting phase (or a phase that misses the poll's window) leaves an empty window that opens
    and closes at the poll's closing time, so the poll never opens but is still counted."""
    if not in_process:
        return opens_at, closes_at
    if voting_phase is None:
        return closes_at, closes_at
    start, end = voting_phase
    closes = min(closes_at, end)
    return min(max(opens_at, start), closes), closes
