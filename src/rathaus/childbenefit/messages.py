"""The wording for the codes of the pure rules: input problems, refusal reasons, period kinds.

The rules speak in codes (``benefitrules``); here they become sentences in the active language.
Months in messages are written as the language writes them ("Mai 2026", "May 2026").
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rathaus.childbenefit.benefitrules import (
    Issue,
    IssueCode,
    Month,
    QualifyingKind,
    RefusalReason,
    RowIssue,
    RowIssueCode,
)

KIND_LABELS = {
    QualifyingKind.EDUCATION: gettext_lazy("School, university or vocational training"),
    QualifyingKind.VOLUNTARY_SERVICE: gettext_lazy("Recognised voluntary service"),
    QualifyingKind.TRANSITION: gettext_lazy(
        "Transition of at most four months between two training sections or around voluntary "
        "service"
    ),
    QualifyingKind.NO_TRAINING_PLACE: gettext_lazy("Seeking a training place without finding one"),
    QualifyingKind.JOB_SEEKING: gettext_lazy(
        "Not employed and registered as seeking work with the employment agency (under 21)"
    ),
    QualifyingKind.DISABLED: gettext_lazy(
        "Cannot support themselves because of a disability that began before the 25th birthday"
    ),
}

REASON_TEXTS = {
    RefusalReason.NOT_YET_BORN: gettext_lazy("Not yet born."),
    RefusalReason.BEFORE_BACKDATING_LIMIT: gettext_lazy(
        "More than six months before the month in which the application was received."
    ),
    RefusalReason.NO_QUALIFYING_PERIOD: gettext_lazy(
        "18 or older, and no qualifying period (such as training) covers this month."
    ),
    RefusalReason.DISABILITY_BEGAN_AFTER_25: gettext_lazy(
        "The disability began after the 25th birthday."
    ),
    RefusalReason.OVER_25: gettext_lazy("The 25th year of life is completed."),
    RefusalReason.TRANSITION_TOO_LONG: gettext_lazy(
        "The transition period is longer than four months."
    ),
    RefusalReason.OVER_21_JOB_SEEKING: gettext_lazy(
        "Seeking work counts only until the 21st year of life is completed."
    ),
}


def month_label(month: Month | str) -> str:
    """``2026-05`` as the active language writes it: "Mai 2026" or "May 2026"."""
    if isinstance(month, str):
        month = Month.parse(month)
    return formats.date_format(month.first_day, "YEAR_MONTH_FORMAT")


def kind_choices() -> list[tuple[str, str]]:
    return [(kind.value, label) for kind, label in KIND_LABELS.items()]


def input_issue_message(issue: Issue) -> str:
    """The message for one problem of a quote request."""
    params = issue.params
    if issue.code is IssueCode.REQUIRED:
        return _("This field is required.")
    if issue.code is IssueCode.INVALID_TYPE:
        return _("This value has the wrong type.")
    if issue.code is IssueCode.INVALID_DATE:
        return _("Enter a valid date in the form YYYY-MM-DD.")
    if issue.code is IssueCode.INVALID_MONTH:
        return _("Enter a valid month in the form YYYY-MM.")
    if issue.code is IssueCode.UNKNOWN_KIND:
        return _("Unknown kind of period. Choose one of: %(kinds)s.") % {
            "kinds": ", ".join(kind.value for kind in QualifyingKind)
        }
    if issue.code is IssueCode.DUPLICATE_REF:
        return _("Another child already has this reference.")
    if issue.code is IssueCode.BORN_AFTER_RECEIPT:
        return _("The date of birth lies after the day the application was received.")
    if issue.code is IssueCode.PERIOD_ENDS_BEFORE_START:
        return _("The period ends before it starts.")
    if issue.code is IssueCode.TRANSITION_WITHOUT_END:
        return _("A transition period needs its last month: it may last at most four months.")
    if issue.code is IssueCode.UNTIL_BEFORE_FIRST_MONTH:
        return _(
            "The last month must not lie before %(month)s, the first month the application "
            "can still reach."
        ) % {"month": month_label(params["month"])}
    if issue.code is IssueCode.NO_AMOUNT:
        return _("No child benefit amount is known yet for %(from)s to %(to)s.") % {
            "from": month_label(params["from"]),
            "to": month_label(params["to"]),
        }
    if issue.code is IssueCode.OUT_OF_RANGE:
        return _("Enter a date from %(from)s to %(to)s.") % {
            "from": formats.date_format(date.fromisoformat(params["from"]), "SHORT_DATE_FORMAT"),
            "to": formats.date_format(date.fromisoformat(params["to"]), "SHORT_DATE_FORMAT"),
        }
    if issue.code is IssueCode.QUOTE_TOO_LONG:
        return _("A quote covers at most %(months)s months; choose an earlier last month.") % {
            "months": params["months"]
        }
    return _("This value is not valid.")


def row_issue_message(issue: RowIssue) -> str:
    """The message for one problem of an amount row in the back office."""
    params = issue.params
    if issue.code is RowIssueCode.ENDS_BEFORE_START:
        return _("The last month lies before the first month.")
    if issue.code is RowIssueCode.NEGATIVE_AMOUNT:
        return _("The amount must not be negative.")
    if issue.code is RowIssueCode.INVALID_ORDINAL:
        return _("Child numbers start at 1.")
    if issue.code is RowIssueCode.OVERLAP:
        values = {"from": month_label(params["from"]), "until": month_label(params["until"])}
        if params.get("ordinal"):
            return _(
                "These months overlap the amount for child number %(ordinal)s from %(from)s to "
                "%(until)s."
            ) % {**values, "ordinal": params["ordinal"]}
        return _("These months overlap the amount for every child from %(from)s to %(until)s.") % (
            values
        )
    if issue.code is RowIssueCode.NO_FIRST_CHILD:
        return _(
            "From %(from)s to %(to)s there would be amounts for further children but none for "
            "the first child."
        ) % {"from": month_label(params["from"]), "to": month_label(params["to"])}
    return _("This value is not valid.")


def euro(amount: Decimal) -> str:
    """An amount of money as the active language writes it: "2.072,00 €" or "€2,072.00"."""
    return _("€%(amount)s") % {"amount": formats.number_format(amount, 2, force_grouping=True)}


PAID_TO_OTHER_TEXT = gettext_lazy(
    "Child benefit for this child and month is already paid to another person."
)
ALREADY_GRANTED_TEXT = gettext_lazy(
    "You already receive child benefit for this child and month. Please report a change "
    "instead of applying again."
)
MOVED_OUT_TEXT = gettext_lazy("The child no longer lives in your household.")
REJECTED_BY_CLERK_TEXT = gettext_lazy("The conditions are not met.")

CHECK_TEXTS = {
    "tax_ids_valid": gettext_lazy("All tax identification numbers are valid."),
    "tax_ids_distinct": gettext_lazy("The tax identification numbers are all different."),
    "age": gettext_lazy("Age on the day of receipt: %(age)s years."),
    "adult_without_period": gettext_lazy("18 or older, but no qualifying period given."),
    "not_in_household": gettext_lazy("The child does not live in the applicant's household."),
    "paid_to_other": gettext_lazy(
        "Already paid to another person from %(from)s to %(to)s: these months are proposed "
        "as rejected."
    ),
    "already_granted": gettext_lazy(
        "The applicant already receives child benefit for this child from %(from)s to %(to)s: "
        "these months are proposed as rejected (a change notice is the way to change them)."
    ),
    "rules_input": gettext_lazy("The months could not be computed: %(issues)s"),
}


def check_text(check: dict) -> str:
    """One automatic check as a sentence for the clerk."""
    text = CHECK_TEXTS.get(check["code"], check["code"])
    params = dict(check.get("params") or {})
    if check["code"] in ("paid_to_other", "already_granted"):
        params = {"from": month_label(params["from"]), "to": month_label(params["to"])}
    if check["code"] == "rules_input":
        params = {"issues": ", ".join(params.get("issues", []))}
    if check["code"] in ("tax_ids_valid", "tax_ids_distinct") and not check["ok"]:
        return str(
            gettext_lazy("Some tax identification numbers are not valid.")
            if check["code"] == "tax_ids_valid"
            else gettext_lazy("Two persons have the same tax identification number.")
        )
    return str(text) % params if params else str(text)


def already_receiving_message(checks: list[dict]) -> str:
    """To the applicant: months of this application they already receive; a change is the way."""
    periods = "; ".join(
        _("%(from)s to %(to)s (notice of %(references)s)")
        % {
            "from": month_label(check["params"]["from"]),
            "to": month_label(check["params"]["to"]),
            "references": ", ".join(check["params"].get("references", [])),
        }
        for check in checks
    )
    return _(
        "You are already receiving child benefit for a child of this application for these "
        "months: %(periods)s. These months are not paid a second time. If something has "
        "changed, please report a change instead (online change notice for child benefit)."
    ) % {"periods": periods}
