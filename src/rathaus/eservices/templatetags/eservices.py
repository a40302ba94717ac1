"""Template helpers of the engine: status badges, timeline texts, mailbox counters."""

from django import template
from django.utils.translation import gettext as _

from rathaus.eservices import workflow
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


@register.inclusion_tag("eservices/includes/status_badge.html")
def status_badge(status: str):
    return {"variant": BADGES.get(status, "info"), "label": CaseStatus(status).label}


@register.filter
def event_text(event) -> str:
    """One line of the timeline, as the citizen and the clerk read it."""
    if event.kind == EventKind.STATUS and event.to_status:
        return _("Status: %(status)s") % {"status": CaseStatus(event.to_status).label}
    return EventKind(event.kind).label
