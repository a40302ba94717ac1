"""Template helpers of the voting app: money, spelled-out trackers, open polls for the start
page, and the polls of a participation process for its page (``{% process_polls process %}``)."""

from decimal import Decimal

from django import template
from django.utils import timezone

from rathaus.voting.messages import INVALID, money
from rathaus.voting.models import Poll
from rathaus.voting.selectors import polls_by_state
from rathaus.voting.window import PollState

register = template.Library()


@register.filter
def euros(amount) -> str:
    """An amount in euros as the active language writes it."""
    return "" if amount in (None, "") else money(Decimal(amount))


@register.filter
def invalid_reason(reason: str) -> str:
    """Why ballots were invalid, in words (``too_many_choices`` → "too many choices")."""
    return str(INVALID.get(reason, reason))


@register.filter
def spelled(text: str) -> str:
    """A tracker or code with spaces between its characters, so screen readers spell it."""
    return " ".join(char if char != "-" else "–" for char in str(text))


@register.simple_tag
def open_polls(limit: int = 3):
    """The polls open now, closing soonest first (for the start page)."""
    now = timezone.now()
    candidates = (
        Poll.objects.filter(opens_at__lte=now, closes_at__gt=now, closed_at__isnull=True)
        .select_related("process")
        .prefetch_related("process__phases")
        .order_by("closes_at")
    )
    return [poll for poll in candidates if poll.state(now) is PollState.OPEN][:limit]


@register.inclusion_tag("voting/includes/process_polls.html")
def process_polls(process):
    """The polls of a participation process: open, upcoming, being counted, then closed."""
    groups = polls_by_state(process=process)
    order = (PollState.OPEN, PollState.UPCOMING, PollState.ENDED, PollState.CLOSED)
    return {"process": process, "polls": [poll for state in order for poll in groups[state]]}
