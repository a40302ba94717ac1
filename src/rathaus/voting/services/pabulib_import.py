"""A pabulib election as a budget poll: its projects, and (for a past vote) its ballots."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from rathaus.core.audit import audit_record
from rathaus.voting import codes
from rathaus.voting.errors import PollChangeRefused
from rathaus.voting.models import Ballot, Poll
from rathaus.voting.pabulib import PbElection
from rathaus.voting.pabulib_poll import poll_from_election
from rathaus.voting.services.polls import poll_close, poll_create


@transaction.atomic
def poll_import_pabulib(
    *,
    actor,
    election: PbElection,
    opens_at: datetime,
    closes_at: datetime,
    title: str = "",
    eligibility: str = "codes",
    with_votes: bool = True,
    source: str = "",
) -> Poll:
    """Create a budget poll from ``election``. With its votes, the ballots go into the box
    (imported ballots have no voter roll) and the poll is closed and counted, which needs a
    closing time in the past; without them, the poll is ready for a new vote."""
    now = timezone.now()
    if with_votes and closes_at > now:
        raise PollChangeRefused("import_needs_past")
    imported = poll_from_election(
        election, opens_at=opens_at, closes_at=closes_at, title=title, eligibility=eligibility
    )
    poll = poll_create(actor=actor, spec=imported.spec)
    audit_record(
        actor=actor,
        action="poll.import_pabulib",
        target=poll,
        after={"source": source, "ballots": len(imported.ballots) if with_votes else 0},
    )
    if with_votes:
        Ballot.objects.bulk_create(
            (
                Ballot(poll=poll, tracker=codes.new_tracker(), choices=list(ballot))
                for ballot in imported.ballots
            ),
            batch_size=2000,
        )
        poll = poll_close(actor=actor, poll=poll, now=now)
    return poll
