"""Voting codes for letters: generated in a batch, returned once, stored only as digests."""

from __future__ import annotations

from django.db import transaction

from rathaus.core.audit import audit_record
from rathaus.voting import codes
from rathaus.voting.errors import PollChangeRefused
from rathaus.voting.models import Eligibility, Poll, VotingCode
from rathaus.voting.window import PollState

MAX_BATCH = 100_000


def _open_for_codes(poll: Poll) -> Poll:
    poll = Poll.objects.select_for_update().get(pk=poll.pk)
    if poll.eligibility != Eligibility.CODES:
        raise PollChangeRefused("codes_only")
    if poll.state() in (PollState.ENDED, PollState.CLOSED):
        raise PollChangeRefused("poll_ended")
    return poll


def _store(poll: Poll, digests: set[str]) -> None:
    VotingCode.objects.bulk_create(
        (VotingCode(poll=poll, digest=digest) for digest in sorted(digests)), batch_size=2000
    )


@transaction.atomic
def voting_codes_generate(*, actor, poll: Poll, count: int) -> list[str]:
    """``count`` new codes for ``poll``, in the order to print them. Only their digests are
    stored, sorted by digest, so the table does not keep the printing order either."""
    poll = _open_for_codes(poll)
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
    _store(poll, set(generated))
    audit_record(actor=actor, action="poll.codes_generate", target=poll, after={"count": count})
    return list(generated.values())


@transaction.atomic
def voting_codes_register(*, actor, poll: Poll, given: list[str]) -> int:
    """Accept codes made elsewhere (e.g. by the resident register's letter run, or the demo's
    published codes); only their digests are stored. Returns how many were new."""
    poll = _open_for_codes(poll)
    if not all(codes.is_code(code) for code in given):
        raise PollChangeRefused("code_format")
    salt = bytes(poll.code_salt)
    known = set(VotingCode.objects.filter(poll=poll).values_list("digest", flat=True))
    new = {codes.code_digest(code, salt) for code in given} - known
    _store(poll, new)
    audit_record(actor=actor, action="poll.codes_register", target=poll, after={"count": len(new)})
    return len(new)
