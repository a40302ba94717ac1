from rathaus.voting.models.ballot_box import Ballot, RollEntry
from rathaus.voting.models.poll import Eligibility, Kind, Option, Poll, Rule
from rathaus.voting.models.voting_code import VotingCode

__all__ = ["Ballot", "Eligibility", "Kind", "Option", "Poll", "RollEntry", "Rule", "VotingCode"]
