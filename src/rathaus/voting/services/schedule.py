"""The voting platform's scheduled jobs (registered in VotingConfig.ready)."""

from __future__ import annotations

from django.utils import timezone

from rathaus.voting.models import Poll
from rathaus.voting.services.ballots import ballot_box_mix
from rathaus.voting.services.polls import poll_close


def polls_close_due() -> list[Poll]:
    """Close and count every poll whose closing time has passed."""
    due = list(Poll.objects.filter(closed_at__isnull=True, closes_at__lte=timezone.now()))
    for poll in due:
        poll_close(actor=None, poll=poll)
    return due


def ballot_boxes_mix_open() -> dict[int, int]:
    """Rewrite the ballot boxes of all open polls in tracker order (see ADR 0060)."""
    now = timezone.now()
    polls = Poll.objects.filter(closed_at__isnull=True, opens_at__lte=now)
    return {poll.pk: ballot_box_mix(poll=poll) for poll in polls}
