"""The sealed ballot box: creating the trustees' shares, and opening the count with them.

``poll_seal`` creates the poll's key pair, stores the public key and returns the shares of the
private key, which the caller shows once (to each trustee) and the platform keeps nowhere.
``poll_unseal`` rebuilds the key from the trustees' shares in memory, opens every sealed ballot,
writes the plaintext ballots in random order (without trackers) in one transaction, counts and
publishes — and drops the key. Every step is audited with who and when, never with a share.
See docs/adr/0171-sealed-ballot-box.md.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from rathaus.core.audit import audit_record
from rathaus.voting import publication, sealing
from rathaus.voting.errors import SealingRefused
from rathaus.voting.models import Ballot, Poll, SealedBallot
from rathaus.voting.selectors import poll_definition
from rathaus.voting.window import PollState


def _trustee_names(trustees: Sequence[str]) -> list[str]:
    names = [" ".join(name.split()) for name in trustees if name.strip()]
    if len({name.casefold() for name in names}) != len(names):
        raise SealingRefused("trustee_duplicate")
    return names


@transaction.atomic
def poll_seal(*, actor, poll: Poll, trustees: Sequence[str], threshold: int) -> list[str]:
    """Create the poll's key; the shares, in the order of ``trustees``, to be shown once."""
    poll = Poll.objects.select_for_update().get(pk=poll.pk)
    if not poll.sealed:
        raise SealingRefused("not_sealed")
    if poll.public_key:
        raise SealingRefused("already_sealed")
    too_late = poll.state() not in (PollState.UPCOMING, PollState.OPEN)
    if too_late or SealedBallot.objects.filter(poll=poll).exists():
        raise SealingRefused("seal_too_late")
    names = _trustee_names(trustees)
    problem = sealing.threshold_problem(len(names), threshold)
    if problem:
        raise SealingRefused(problem)
    poll.public_key, shares = sealing.new_poll_key(trustees=len(names), threshold=threshold)
    poll.trustees, poll.threshold = names, threshold
    poll.save(update_fields=["public_key", "trustees", "threshold"])
    audit_record(
        actor=actor,
        action="poll.seal",
        target=poll,
        after={"trustees": names, "threshold": threshold, "public_key": poll.public_key},
    )
    return shares


def _refused(actor, poll: Poll, code: str) -> SealingRefused:
    """Audit a refused attempt to open the count (in its own transaction) and return the error."""
    with transaction.atomic():
        audit_record(actor=actor, action="poll.unseal_refused", target=poll, after={"reason": code})
    return SealingRefused(code, threshold=poll.threshold)


def poll_unseal(
    *, actor, poll: Poll, shares: Sequence[str], now: datetime | None = None, label: str = ""
) -> Poll:
    """Open the count of an ended sealed poll with ``threshold`` trustees' shares.

    SealingRefused if the poll is not a sealed poll that has ended and is not yet counted, or if
    the shares do not rebuild its key (fewer than the threshold, mistyped, of another poll):
    then nothing is opened.
    """
    poll = Poll.objects.get(pk=poll.pk)
    if not poll.sealed or not poll.public_key:
        raise SealingRefused("not_sealed")
    if poll.closed_at is not None:
        raise SealingRefused("already_counted")
    if poll.state(now) is not PollState.ENDED:
        raise SealingRefused("not_ended")
    try:
        private = sealing.open_key(shares, poll.public_key)
    except sealing.ShareError as error:
        raise _refused(actor, poll, error.code) from None
    try:
        with transaction.atomic():
            poll = Poll.objects.select_for_update().get(pk=poll.pk)
            if poll.closed_at is not None:
                raise SealingRefused("already_counted")
            sealed = SealedBallot.objects.filter(poll=poll).values_list("sealed", flat=True)
            ballots = [sealing.unseal(private, bytes(box)) for box in sealed]
            secrets.SystemRandom().shuffle(ballots)
            Ballot.objects.bulk_create(
                (Ballot(poll=poll, tracker=None, choices=choices) for choices in ballots),
                batch_size=2000,
            )
            poll.result = publication.count(poll_definition(poll), ballots)
            poll.closed_at = now or timezone.now()
            poll.save(update_fields=["closed_at", "result"])
            audit_record(
                actor=actor,
                action="poll.unseal",
                target=poll,
                label=label or None,
                after={
                    "ballots": len(ballots),
                    "shares_entered": len(shares),
                    "result": publication.api_result(poll.result),
                },
            )
            del ballots
    finally:
        del private
    return poll
