"""Template helpers of the engine: status badges, timeline texts, mailbox counters."""

from datetime import date, datetime
from functools import lru_cache

from django import template
from django.utils import dateformat, formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
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


@lru_cache(maxsize=4096)
def _short_date(day: date, language: str) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def short_date(value: date | datetime | None) -> str:
    """``value|date:"SHORT_DATE_FORMAT"`` (a moment on its local day), each day formatted once
    per language and process: a page of the inbox shows two dates on each of its 25 rows."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = timezone.localtime(value).date()
    return _short_date(value, get_language())


@register.simple_tag
def inbox_rows(cases, case_url: str) -> str:
    """The inbox's table rows, built in Python (ADR 0441): the template engine spent more on
    the 25 rows' seven cells than the rest of the page; the markup is the same."""
    today = timezone.localdate()
    overdue = format_html(
        ' <span class="kern-badge kern-badge--danger"><span class="kern-label kern-label--small">'
        "{}</span></span>",
        _("overdue"),
    )
    return format_html_join(
        "\n",
        '<tr class="kern-table__row">'
        '<th scope="row" class="kern-table__cell"><a class="kern-link" href="{}{}/">{}</a></th>'
        '<td class="kern-table__cell">{}</td><td class="kern-table__cell">{}</td>'
        '<td class="kern-table__cell">{}</td><td class="kern-table__cell">{}{}</td>'
        '<td class="kern-table__cell">{}</td><td class="kern-table__cell">{}</td></tr>',
        (
            (
                case_url,
                case.reference,
                case.reference,
                case.service.name,
                case.applicant_name or "–",
                short_date(case.submitted_at),
                short_date(case.due_on),
                overdue if case.is_overdue(today) else "",
                status_badge(case.status),
                case.assignee or "–",
            )
            for case in cases
        ),
    )


# The outcome of a decision in words ("bewilligt"), never its stored value ("granted").
register.filter("outcome_label", outcome_label)


@lru_cache(maxsize=4096)
def _time_element(value: datetime, language: str, zone: str) -> str:
    local = timezone.localtime(value)
    return format_html(
        '<time datetime="{}">{}</time>',
        dateformat.format(local, "Y-m-d\\TH:i:sO"),
        formats.date_format(local, "SHORT_DATETIME_FORMAT"),
    )


@register.filter
def timeline_time(value: datetime) -> str:
    """``<time datetime="…">`` with the short date and time, for a history entry.

    Formatting a date costs about 0.1 ms; a case page shows 50 entries and is opened again and
    again, so each moment is formatted once per language and time zone (the 4,096 last ones
    are kept per process; a timestamp alone is no personal data)."""
    return _time_element(value, get_language(), timezone.get_current_timezone_name())


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
