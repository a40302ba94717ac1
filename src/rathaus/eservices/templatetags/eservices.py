"""Template helpers of the engine: status badges, timeline texts, mailbox counters."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from rathaus.eservices import workflow
from rathaus.eservices.models.cases import CaseStatus, EventKind
from rathaus.eservices.outcomes import outcome_label, outcome_text

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


# The outcome of a decision in words ("bewilligt"), never its stored value ("granted").
register.filter("outcome_label", outcome_label)


@register.filter
def event_text(event) -> str:
    """One line of the timeline, as the citizen and the clerk read it."""
    if event.kind == EventKind.STATUS and event.to_status:
        status = CaseStatus(event.to_status).label
        if event.to_status == workflow.DECIDED and event.case.outcome:
            return _("Status: %(status)s (%(outcome)s)") % {
                "status": status,
                "outcome": outcome_text(event.case),
            }
        return _("Status: %(status)s") % {"status": status}
    return EventKind(event.kind).label


@register.filter
def outcome(case) -> str:
    """The outcome of a decided case with its amounts ("granted – Dog tax 2026: €120.00")."""
    return outcome_text(case)
