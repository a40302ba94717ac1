"""A pabulib election as a budget poll: its projects, and (for a past vote) its ballots."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from rathaus.core.audit import audit_record
from rathaus.voting import codes
from rathaus.voting.errors import PollChangeRefused
from rathaus.voting.models import Ballot, Poll
from rathaus.voting.pabulib import PbElection
from rathaus.voting.pabulib_poll import meta_dates, poll_from_election
from rathaus.voting.services.polls import poll_close, poll_create


def import_window(
    election: PbElection,
    *,
    opens_at: datetime | None,
    closes_at: datetime | None,
    with_votes: bool,
) -> tuple[datetime, datetime]:
    """The voting period of an imported election: as given; for a past vote (``with_votes``)
    else the file's META dates (the first day to the end of the last), else two weeks until
    now. A new vote needs both times."""
    if not with_votes and (opens_at is None or closes_at is None):
        raise PollChangeRefused("import_needs_window")
    begin, end = meta_dates(election.meta)
    if closes_at is None:
        closes_at = (
            timezone.make_aware(datetime.combine(end + timedelta(days=1), time()))
            if end
            else timezone.now()
        )
    if opens_at is None:
        if begin and begin < timezone.localtime(closes_at).date():
            opens_at = timezone.make_aware(datetime.combine(begin, time()))
        else:
            opens_at = closes_at - timedelta(days=14)
    return opens_at, closes_at


@transaction.atomic
def poll_import_pabulib(
    *,
    actor,
    election: PbElection,
    opens_at: datetime | None = None,
    closes_at: datetime | None = None,
    title: str = "",
    eligibility: str = "codes",
    with_votes: bool = True,
    source: str = "",
) -> Poll:
    """Create a budget poll from ``election``. With its votes, the ballots go into the box
    (imported ballots have no voter roll) and the poll is closed and counted, which needs a
    closing time in the past; without them, the poll is ready for a new vote."""
    opens_at, closes_at = import_window(
        election, opens_at=opens_at, closes_at=closes_at, with_votes=with_votes
    )
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
