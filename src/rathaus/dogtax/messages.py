"""What people read of the rules: problem codes as messages, statute texts in their language."""

from __future__ import annotations

import re
from collections.abc import Sequence

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from rathaus.dogtax import taxrules
from rathaus.dogtax.quote import DogInput

DOG_FIELD = re.compile(r"dogs\[(?P<index>\d+)\]")

Code = taxrules.Code

PROBLEM_MESSAGES = {
    Code.GIVEN_UP_BEFORE_KEPT: _("The dog cannot have been given up before it was taken in."),
    Code.BORN_AFTER_KEPT: _("The dog cannot have been born after it was taken in."),
    Code.DEREGISTERED_WITHOUT_GIVING_UP: _("A deregistration needs the day the dog was given up."),
    Code.DUPLICATE_REF: _("Give each dog its own name."),
    Code.UNKNOWN_EXEMPTION: _("This exemption is not known. Choose one of: %(choices)s."),
    Code.EXEMPTION_LIMIT_EXCEEDED: _(
        "A household gets this exemption only once in %(years)s years."
    ),
    Code.YEAR_NOT_COVERED: _("The dog tax statute has no rates for this year."),
    Code.WHOLE_YEAR_NOT_OFFERED: _("The statute does not offer paying the whole year at once."),
    Code.ENDS_BEFORE_START: _("The end must not be before the start."),
    Code.PERIODS_OVERLAP: _("This period overlaps another rate period."),
    Code.NEGATIVE_AMOUNT: _("This value is too small."),
    Code.INVALID_DATE: _("Enter a date that exists every year."),
    Code.MONTHS_NOT_COVERED_ONCE: _(
        "The instalments must cover every month of the year exactly once."
    ),
    Code.DUPLICATE_CODE: _("This code is used already."),
    Code.MISSING: _("This field is required."),
    Code.WRONG_TYPE: _("This value has the wrong type."),
}


def problem_message(
    problem: taxrules.Problem, *, statute: taxrules.Statute, exemption: str | None = None
) -> str:
    """The problem as a sentence in the active language; ``exemption`` is the code of the
    exemption the problem is about, where there is one."""
    message = str(PROBLEM_MESSAGES[problem.code])
    if problem.code == Code.UNKNOWN_EXEMPTION:
        level = (
            taxrules.ExemptionLevel.KEEPER
            if problem.field.startswith("keeper")
            else taxrules.ExemptionLevel.DOG
        )
        codes = [k.code for k in statute.exemption_kinds if k.level == level]
        return message % {"choices": ", ".join(codes)}
    if problem.code == Code.EXEMPTION_LIMIT_EXCEEDED:
        kind = statute.exemption_kind(exemption or "", taxrules.ExemptionLevel.DOG)
        return message % {"years": kind.once_in_years if kind else "?"}
    return message


def quote_problem_messages(
    error: taxrules.InvalidInput, *, statute: taxrules.Statute, dogs: Sequence[DogInput]
) -> list[tuple[str, str]]:
    """(request field, message) for every problem of a quote."""
    return [
        (
            problem.field,
            problem_message(problem, statute=statute, exemption=_exemption_at(problem.field, dogs)),
        )
        for problem in error.problems
    ]


def _exemption_at(field: str, dogs: Sequence[DogInput]) -> str | None:
    match = DOG_FIELD.match(field)
    if match is None or int(match["index"]) >= len(dogs):
        return None
    return dogs[int(match["index"])].exemption


def localized(text: taxrules.LocalizedText) -> str:
    return text.en if get_language() == "en" else text.de
