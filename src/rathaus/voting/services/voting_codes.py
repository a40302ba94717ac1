"""Voting codes for letters: generated in a batch, returned once, stored only as digests."""

from __future__ import annotations

from django.db import transaction

from rathaus.core.audit import audit_record
from rathaus.voting import codes
from rathaus.voting.errors import PollChangeRefused
from rathaus.voting.models import Eligibility, Poll, VotingCode
from rathaus.voting.window import PollState

MAX_BATCH = 100_000


@transaction.atomic
def voting_codes_generate(*, actor, poll: Poll, count: int) -> list[str]:
    """``count`` new codes for ``poll``, in the order to print them. Only their digests are
    stored, sorted by digest, so the table does not keep the printing order either."""
    poll = Poll.objects.select_for_update().get(pk=poll.pk)
    if poll.eligibility != Eligibility.CODES:
        raise PollChangeRefused("codes_only")
    if poll.state() in (PollState.ENDED, PollState.CLOSED):
        raise PollChangeRefused("poll_ended")
    if not 1 <= count <= MAX_BATCH:
        raise PollChangeRefused("code_count", high=MAX_BATCH)
    salt = bytes(poll.code_salt)
    known = set(VotingCode.objects.filter(poll=poll).values_list("digest", flat=True))
    generated: dict[str, str] = {}
    while len(generated) < count:
        code = codes.new_code()
        digest = codes.code_digest(code, salt)
        if digest not in known:
            generated[digest] = code
    VotingCode.objects.bulk_create(
        (VotingCode(poll=poll, digest=digest) for digest in sorted(generated)), batch_size=2000
    )
    audit_record(actor=actor, action="poll.codes_generate", target=poll, after={"count": count})
    return list(generated.values())
