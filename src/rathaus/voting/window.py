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
