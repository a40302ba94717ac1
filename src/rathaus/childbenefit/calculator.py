"""The public calculator: the application day, the children and their qualifying periods as
forms that work without JavaScript, and the quote they ask for.

"Add a child" and "Add a period" are submit buttons: the page comes back with what was entered
(unchecked, so no errors yet) and one more empty row. Empty rows are left out of the
computation. Problems the rules find (``InputError``) are shown at the fields they concern.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django import forms
from django.forms.formsets import BaseFormSet, formset_factory
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rathaus.childbenefit.benefitrules import (
    AmountSchedule,
    Child,
    InputError,
    Month,
    QualifyingKind,
    QualifyingPeriod,
    Quote,
    QuoteRequest,
    compute_quote,
    earliest_month,
)
from rathaus.childbenefit.fields import MONTH_HINT, DayField, MonthField
from rathaus.childbenefit.messages import (
    REASON_TEXTS,
    euro,
    input_issue_message,
    kind_choices,
    month_label,
)

MAX_CHILDREN = 12
MAX_PERIODS = 10
CHILD_PREFIX = "child"
_PATH = re.compile(r"children\[(\d+)\](?:\.qualifying_periods\[(\d+)\])?\.(\w+)")
_PERIOD_FIELDS = {"kind": "kind", "from": "from_month", "to": "to_month"}


class ApplicationForm(forms.Form):
    application_received_on = DayField(
        label=gettext_lazy("Day the application is received"),
        help_text=gettext_lazy(
            "Child benefit is paid back for at most six months before the month in which the "
            "application arrives."
        ),
    )
    until = MonthField(label=gettext_lazy("Calculate up to and including"), help_text=MONTH_HINT)


class ChildForm(forms.Form):
    born_on = DayField(label=gettext_lazy("Date of birth"))


class PeriodForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("What the child does"),
        choices=[("", gettext_lazy("Please choose")), *kind_choices()],
    )
    from_month = MonthField(label=gettext_lazy("From (month)"), help_text=MONTH_HINT)
    to_month = MonthField(
        label=gettext_lazy("Until (month)"),
        required=False,
        help_text=gettext_lazy("Leave empty while the end is not known."),
    )


ChildFormSet = formset_factory(ChildForm, extra=0, max_num=MAX_CHILDREN, absolute_max=MAX_CHILDREN)
PeriodFormSet = formset_factory(PeriodForm, extra=0, max_num=MAX_PERIODS, absolute_max=MAX_PERIODS)


def period_prefix(child_index: int) -> str:
    return f"{CHILD_PREFIX}-{child_index}-period"


@dataclass
class ChildEntry:
    number: int
    form: ChildForm
    periods: BaseFormSet

    @property
    def can_add_period(self) -> bool:
        return self.periods.total_form_count() < MAX_PERIODS


@dataclass
class CalculatorForms:
    application: ApplicationForm
    children: BaseFormSet
    periods: list[BaseFormSet]

    @property
    def entries(self) -> list[ChildEntry]:
        return [
            ChildEntry(number, form, periods)
            for number, (form, periods) in enumerate(
                zip(self.children.forms, self.periods, strict=True), start=1
            )
        ]

    @property
    def can_add_child(self) -> bool:
        return self.children.total_form_count() < MAX_CHILDREN

    def error_summary(self) -> list[tuple[str, str, str]]:
        """(input id, what the input is, message) for every error, in the page's order."""
        summary = []
        named = [(self.application, "")]
        for entry in self.entries:
            child = _("Child %(number)s") % {"number": entry.number}
            named.append((entry.form, child))
            named += [
                (form, _("%(child)s, period %(number)s") % {"child": child, "number": number})
                for number, form in enumerate(entry.periods.forms, start=1)
            ]
        for form, context in named:
            for field in form:
                label = f"{context}: {field.label}" if context else str(field.label)
                summary += [(field.id_for_label, label, str(error)) for error in field.errors]
        return summary


def blank_forms(*, today: date, until: Month) -> CalculatorForms:
    return CalculatorForms(
        application=ApplicationForm(initial={"application_received_on": today, "until": until}),
        children=ChildFormSet(prefix=CHILD_PREFIX, initial=[{}]),
        periods=[PeriodFormSet(prefix=period_prefix(0))],
    )


def bound_forms(data) -> CalculatorForms:
    children = ChildFormSet(data, prefix=CHILD_PREFIX, form_kwargs={"empty_permitted": True})
    return CalculatorForms(
        application=ApplicationForm(data),
        children=children,
        periods=[
            PeriodFormSet(data, prefix=period_prefix(index), form_kwargs={"empty_permitted": True})
            for index in range(children.total_form_count())
        ],
    )


def grown_forms(data, *, add_child: bool, add_period_to: int | None) -> CalculatorForms:
    """What was entered, not yet checked, with one more child or one more period row."""
    bound = bound_forms(data)
    children = [_entered(form) for form in bound.children.forms]
    periods = [[_entered(form) for form in formset.forms] for formset in bound.periods]
    if add_child and len(children) < MAX_CHILDREN:
        children.append({})
        periods.append([])
    if add_period_to in range(len(periods)) and len(periods[add_period_to]) < MAX_PERIODS:
        periods[add_period_to].append({})
    return CalculatorForms(
        application=ApplicationForm(initial=_entered(bound.application)),
        children=ChildFormSet(prefix=CHILD_PREFIX, initial=children or [{}]),
        periods=[
            PeriodFormSet(prefix=period_prefix(index), initial=rows)
            for index, rows in enumerate(periods or [[]])
        ],
    )


def _entered(form: forms.Form) -> dict[str, str]:
    """The raw text entered in a bound form, to show it again in an unbound one."""
    return {name: form.data.get(form.add_prefix(name), "") for name in form.fields}


@dataclass(frozen=True)
class ResultRow:
    month: str
    amount: str | None
    reason: str | None


@dataclass(frozen=True)
class ChildResult:
    number: int
    born_on: date
    rows: list[ResultRow]
    total: str
    paid_months: int


@dataclass(frozen=True)
class Outcome:
    children: list[ChildResult]
    total: str
    first_month: str


def calculate(forms: CalculatorForms, amounts: AmountSchedule) -> Outcome | None:
    """The quote for what was entered, or ``None`` with the errors added to the forms."""
    valid = [
        forms.application.is_valid(),
        forms.children.is_valid(),
        *(formset.is_valid() for formset in forms.periods),
    ]
    used = _children_in_use(forms)
    if not all(valid) or any(form.errors for _number, form, _periods in used):
        return None
    if not used:
        if forms.children.forms:
            forms.children.forms[0].add_error("born_on", _("Enter at least one child."))
        return None
    request = QuoteRequest(
        application_received_on=forms.application.cleaned_data["application_received_on"],
        until=forms.application.cleaned_data["until"],
        children=tuple(
            Child(
                ref=str(number),
                born_on=form.cleaned_data["born_on"],
                qualifying_periods=tuple(
                    QualifyingPeriod(
                        QualifyingKind(period.cleaned_data["kind"]),
                        period.cleaned_data["from_month"],
                        period.cleaned_data["to_month"],
                    )
                    for period in periods
                ),
            )
            for number, form, periods in used
        ),
    )
    try:
        quote = compute_quote(request=request, amounts=amounts)
    except InputError as error:
        _show_issues(forms, used, error)
        return None
    return _outcome(quote, request)


def _children_in_use(forms: CalculatorForms) -> list[tuple[int, ChildForm, list[PeriodForm]]]:
    """The children with anything entered (numbered as on the page) and their filled periods."""
    used = []
    for entry in forms.entries:
        periods = [form for form in entry.periods.forms if form.has_changed()]
        if not entry.form.has_changed() and not periods:
            continue
        if entry.form.is_valid() and entry.form.cleaned_data.get("born_on") is None:
            entry.form.add_error("born_on", _("Enter the date of birth."))
        used.append((entry.number, entry.form, periods))
    return used


def _show_issues(
    forms: CalculatorForms, used: list[tuple[int, ChildForm, list[PeriodForm]]], error: InputError
) -> None:
    for issue in error.issues:
        message = input_issue_message(issue)
        match = _PATH.fullmatch(issue.path)
        if match is None:
            field = issue.path if issue.path in forms.application.fields else None
            forms.application.add_error(field, message)
            continue
        _number, child_form, periods = used[int(match[1])]
        if match[2] is None:
            child_form.add_error("born_on", message)
        else:
            periods[int(match[2])].add_error(_PERIOD_FIELDS.get(match[3]), message)


def _outcome(quote: Quote, request: QuoteRequest) -> Outcome:
    children = []
    for child, child_quote in zip(request.children, quote.children, strict=True):
        rows = [
            ResultRow(
                month=month_label(result.month),
                amount=euro(result.amount) if result.amount is not None else None,
                reason=str(REASON_TEXTS[result.reason]) if result.reason is not None else None,
            )
            for result in child_quote.months
        ]
        children.append(
            ChildResult(
                number=int(child.ref),
                born_on=child.born_on,
                rows=rows,
                total=euro(child_quote.total),
                paid_months=len(child_quote.paid_months),
            )
        )
    return Outcome(
        children=children, total=euro(quote.total), first_month=month_label(quote.first_month)
    )


def default_until(amounts: AmountSchedule, today: date) -> Month:
    """The last month with a known amount, unless that lies before what an application reaches."""
    if amounts.periods:
        last_known = max(period.valid_until for period in amounts.periods)
        if last_known >= earliest_month(today):
            return last_known
    return Month.of(today)


def last_known_month(amounts: AmountSchedule) -> str | None:
    if not amounts.periods:
        return None
    return month_label(max(period.valid_until for period in amounts.periods))
