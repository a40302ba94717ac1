"""Template helpers of the engine: status badges, timeline texts, mailbox counters."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from rathaus.eservices import workflow
from rathaus.eservices.handlers import Outcome
from rathaus.eservices.models.cases import CaseStatus, EventKind

register = template.Library()

BADGES = {
    workflow.SUBMITTED: "info",
    workflow.IN_REVIEW: "info",
    workflow.WAITING: "warning",
    workflow.DECIDED: "success",
    workflow.CLOSED: "success",
    workflow.WITHDRAWN: "danger",
}


@register.simple_tag
def status_badge(status: str) -> str:
    """A KERN badge for a case status (a simple tag: the inbox renders one per row)."""
    return format_html(
        '<span class="kern-badge kern-badge--{}"><span class="kern-label kern-label--small">'
        "{}</span></span>",
        BADGES.get(status, "info"),
        CaseStatus(status).label,
    )


@register.filter
def outcome_label(outcome: str) -> str:
    """The outcome of a decision in words ("bewilligt"), never its stored value ("granted")."""
    return str(dict(Outcome.CHOICES).get(outcome, outcome))


@register.filter
def event_text(event) -> str:
    """One line of the timeline, as the citizen and the clerk read it."""
    if event.kind == EventKind.STATUS and event.to_status:
        return _("Status: %(status)s") % {"status": CaseStatus(event.to_status).label}
    return EventKind(event.kind).label
