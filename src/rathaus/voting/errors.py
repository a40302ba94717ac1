"""Why a write on a poll was refused. Each error carries a stable code, its parameters, the HTTP
status the API answers with, and a translated ``message``."""

from __future__ import annotations

from rathaus.voting import messages
from rathaus.voting.specs import Problem


class VotingError(Exception):
    status = 400
    table: dict = {}

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(code)

    @property
    def message(self) -> str:
        return messages.explain(self.table, self.code, self.params)


class PollNotOpen(VotingError):
    """Outside the time window (the code is the poll's state)."""

    status = 403
    table = messages.STATE


class NotEligible(VotingError):
    status = 403
    table = messages.INELIGIBILITY


class AlreadyVoted(NotEligible):
    """The voter (person or code) is on the roll of this poll already."""

    status = 409


class BallotInvalid(VotingError):
    """The choices are not a valid ballot of this poll (the code is the tally's refusal)."""

    status = 422
    table = messages.BALLOT


class PollChangeRefused(VotingError):
    """A change the poll's state does not allow (edit after opening, codes after closing...)."""

    status = 409
    table = messages.DEFINITION


class SealingRefused(VotingError):
    """A step of the sealed ballot box that the poll's state or the shares do not allow."""

    status = 409
    table = messages.SEALING


class PollInvalid(Exception):
    """The poll definition has problems; ``errors`` pairs field paths with messages."""

    status = 422

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__([problem.code for problem in problems])

    @property
    def errors(self) -> list[tuple[str, str]]:
        return [
            (
                problem.field,
                messages.explain(messages.DEFINITION, problem.code, problem.params),
            )
            for problem in self.problems
        ]
