from rathaus.voting.models.ballot_box import Ballot, RollEntry, SealedBallot
from rathaus.voting.models.poll import Eligibility, Kind, Option, Poll, Rule
from rathaus.voting.models.voting_code import VotingCode

__all__ = [
    "Ballot",
    "Eligibility",
    "Kind",
    "Option",
    "Poll",
    "RollEntry",
    "Rule",
    "SealedBallot",
    "VotingCode",
]
