"""The tally of the voting platform: pure Python, no Django, shared by the platform and recount."""

from rathaus.voting.tally.budget_profile import BudgetProfile
from rathaus.voting.tally.counting import BUDGET_RULES, tally
from rathaus.voting.tally.equal_shares import equal_shares
from rathaus.voting.tally.greedy import greedy
from rathaus.voting.tally.poll import Kind, Poll, PollDefinitionError, Rule
from rathaus.voting.tally.results import BudgetResult, CountResult, RankedResult
from rathaus.voting.tally.schulze import schulze
from rathaus.voting.tally.validation import BallotRefused, Refusal, refusal, validate_ballot

__all__ = [
    "BUDGET_RULES",
    "BallotRefused",
    "BudgetProfile",
    "BudgetResult",
    "CountResult",
    "Kind",
    "Poll",
    "PollDefinitionError",
    "RankedResult",
    "Refusal",
    "Rule",
    "equal_shares",
    "greedy",
    "refusal",
    "schulze",
    "tally",
    "validate_ballot",
]
