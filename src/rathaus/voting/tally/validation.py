"""Which ballots a poll accepts, and why it refuses the others.

A ballot is a tuple of option keys: the chosen option(s), for a ranked poll best first, for a
cumulative budget poll one mention per point. Refusals carry a stable reason code that the
platform shows (translated) to the voter and that a recount reports for invalid ballots.
"""

from __future__ import annotations

from collections import Counter
from enum import StrEnum

from rathaus.voting.tally.poll import Kind, Poll

Ballot = tuple[str, ...]


class Refusal(StrEnum):
    MALFORMED = "malformed"
    """Not a tuple of option keys."""
    EMPTY = "empty"
    """No option chosen where exactly one is required (yes/no, single choice)."""
    UNKNOWN_OPTION = "unknown_option"
    """An option that is not on this poll."""
    DUPLICATE_OPTION = "duplicate_option"
    """The same option twice (allowed only as points on a cumulative budget ballot)."""
    TOO_FEW_CHOICES = "too_few_choices"
    TOO_MANY_CHOICES = "too_many_choices"
    OVER_COST_LIMIT = "over_cost_limit"
    """The chosen projects cost more than a ballot may spend."""
    TOO_MANY_POINTS = "too_many_points"


class BallotRefused(ValueError):
    def __init__(self, reason: Refusal) -> None:
        super().__init__(reason.value)
        self.reason = reason


def refusal(poll: Poll, ballot: object) -> Refusal | None:
    """The reason why ``poll`` refuses ``ballot``, or None if the ballot is valid."""
    if not isinstance(ballot, tuple) or not all(isinstance(key, str) for key in ballot):
        return Refusal.MALFORMED
    known = set(poll.options)
    if any(key not in known for key in ballot):
        return Refusal.UNKNOWN_OPTION
    points = Counter(ballot)
    if len(points) != len(ballot) and not poll.cumulative:
        return Refusal.DUPLICATE_OPTION
    if poll.kind in (Kind.YES_NO, Kind.SINGLE):
        return _exactly_one(ballot)
    count_refusal = _count(poll, len(points))
    if count_refusal is not None or poll.kind is not Kind.BUDGET:
        return count_refusal
    if poll.max_points is not None and len(ballot) > poll.max_points:
        return Refusal.TOO_MANY_POINTS
    if poll.max_cost is not None and sum(poll.costs[key] for key in points) > poll.max_cost:
        return Refusal.OVER_COST_LIMIT
    return None


def validate_ballot(poll: Poll, ballot: object) -> Ballot:
    """Return the ballot if ``poll`` accepts it, else raise :class:`BallotRefused`."""
    reason = refusal(poll, ballot)
    if reason is not None:
        raise BallotRefused(reason)
    return ballot  # type: ignore[return-value]


def _exactly_one(ballot: Ballot) -> Refusal | None:
    if not ballot:
        return Refusal.EMPTY
    if len(ballot) > 1:
        return Refusal.TOO_MANY_CHOICES
    return None


def _count(poll: Poll, chosen: int) -> Refusal | None:
    if chosen < poll.min_choices:
        return Refusal.TOO_FEW_CHOICES
    if poll.max_choices is not None and chosen > poll.max_choices:
        return Refusal.TOO_MANY_CHOICES
    return None
