"""Every write on polls and ballots, each in a transaction with its audit entry."""

from rathaus.voting.services.ballots import ballot_box_mix, ballot_cast
from rathaus.voting.services.pabulib_import import poll_import_pabulib
from rathaus.voting.services.polls import poll_close, poll_close_if_due, poll_create, poll_update
from rathaus.voting.services.sealing import poll_seal, poll_unseal
from rathaus.voting.services.voting_codes import voting_codes_generate, voting_codes_register

__all__ = [
    "ballot_box_mix",
    "ballot_cast",
    "poll_close",
    "poll_close_if_due",
    "poll_create",
    "poll_import_pabulib",
    "poll_seal",
    "poll_unseal",
    "poll_update",
    "voting_codes_generate",
    "voting_codes_register",
]
