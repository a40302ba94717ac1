"""The public calculator page without JavaScript: forms in, a quote or the errors out.

The page is a GET form: the year, the keeper and one row per dog (``dogs`` rows, one to
``MAX_ROWS``). "Add another dog" submits the form with ``action=add`` and comes back with one
more row and everything typed so far; "Calculate" validates and shows the result. Rows left
empty are ignored, which is how a dog is removed again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from rathaus.dogtax import taxrules
from rathaus.dogtax.forms import DogForm, QuoteForm
from rathaus.dogtax.messages import localized, quote_problem_messages
from rathaus.dogtax.quote import DogInput, quote

MAX_ROWS = 20
DOG_FIELDS = {
    "ref": "name",
    "kept_since": "kept_since",
    "born_on": "born_on",
    "given_up_on": "given_up_on",
    "exemption": "exemption",
}
"""A dog's request field → its field in the calculator's dog row."""


@dataclass(frozen=True, kw_only=True)
class Cell:
    """One dog in one month: not liable (``charge`` None), exempt, or taxed at a rank."""

    charge: taxrules.MonthCharge | None


@dataclass(frozen=True, kw_only=True)
class MonthRow:
    month: date
    cells: list[Cell]


@dataclass(frozen=True, kw_only=True)
class InstallmentRow:
    due_on: date
    amount: Decimal
    first_month: date
    last_month: date


@dataclass(frozen=True, kw_only=True)
class Result:
    assessment: taxrules.Assessment
    months: list[MonthRow]
    installments: list[InstallmentRow]
    rate_periods: list[taxrules.RatePeriod]


@dataclass(kw_only=True)
class Calculator:
    form: QuoteForm
    dogs: list[DogForm]
    result: Result | None = None
    error_summary: list[tuple[str, str, str]] = field(default_factory=list)
    """(field label, message, id of the field) for every error on the page."""

    @property
    def can_add(self) -> bool:
        return len(self.dogs) < MAX_ROWS


def calculator(query: Mapping[str, str], *, statute: taxrules.Statute) -> Calculator:
    rows = _rows(query)
    options = _form_options(statute)
    if "year" not in query:
        return Calculator(
            form=QuoteForm(initial={"year": timezone.localdate().year}, **options["quote"]),
            dogs=[DogForm(prefix=_prefix(0), **options["dog"])],
        )
    if query.get("action") == "add":
        rows = min(rows + 1, MAX_ROWS)
        return Calculator(
            form=QuoteForm(initial=_raw(query, QuoteForm.base_fields, ""), **options["quote"]),
            dogs=[
                DogForm(
                    prefix=_prefix(i),
                    initial=_raw(query, DogForm.base_fields, _prefix(i)),
                    **options["dog"],
                )
                for i in range(rows)
            ],
        )
    page = Calculator(
        form=QuoteForm(query, **options["quote"]),
        dogs=[
            DogForm(query, prefix=_prefix(i), empty_permitted=i > 0, **options["dog"])
            for i in range(rows)
        ],
    )
    _calculate(page, statute)
    page.error_summary = _error_summary(page)
    return page


def _calculate(page: Calculator, statute: taxrules.Statute) -> None:
    dogs_valid = [dog.is_valid() for dog in page.dogs]  # every row, for all its errors
    if not (page.form.is_valid() and all(dogs_valid)):
        return
    filled = [dog for dog in page.dogs if dog.has_changed()]
    inputs = [
        DogInput(
            ref=dog.cleaned_data["name"].strip() or _("Dog %(number)s") % {"number": number},
            kept_since=dog.cleaned_data["kept_since"],
            born_on=dog.cleaned_data["born_on"],
            given_up_on=dog.cleaned_data["given_up_on"],
            exemption=dog.cleaned_data["exemption"] or None,
        )
        for number, dog in enumerate(filled, start=1)
    ]
    try:
        assessment = quote(
            statute=statute,
            year=page.form.cleaned_data["year"],
            dogs=inputs,
            keeper_exemption=page.form.cleaned_data.get("keeper_exemption") or None,
        )
    except taxrules.InvalidInput as error:
        for path, message in quote_problem_messages(error, statute=statute, dogs=inputs):
            _add_error(page.form, filled, path, message)
        return
    page.result = _result(assessment, statute)


def _add_error(form: QuoteForm, dogs: list[DogForm], path: str, message: str) -> None:
    """Put a problem of the request field ``path`` on the form field it came from."""
    head, _dot, name = path.partition(".")
    if head == "year":
        form.add_error("year", message)
    elif head == "keeper" and "keeper_exemption" in form.fields:
        form.add_error("keeper_exemption", message)
    elif head.startswith("dogs[") and head.endswith("]"):
        dog = dogs[int(head[5:-1])]
        dog.add_error(DOG_FIELDS.get(name), message)
    else:
        form.add_error(None, message)


def _result(assessment: taxrules.Assessment, statute: taxrules.Statute) -> Result:
    year = assessment.year
    by_dog = [{charge.month: charge for charge in dog.months} for dog in assessment.dogs]
    return Result(
        assessment=assessment,
        months=[
            MonthRow(
                month=date(year, month, 1),
                cells=[Cell(charge=charges.get(month)) for charges in by_dog],
            )
            for month in range(1, 13)
        ],
        installments=[
            InstallmentRow(
                due_on=item.due_on,
                amount=item.amount,
                first_month=date(year, min(item.covers), 1),
                last_month=date(year, max(item.covers), 1),
            )
            for item in assessment.installments
        ],
        rate_periods=[
            period
            for period in statute.rate_periods
            if period.valid_from <= date(year, 12, 31)
            and (period.valid_until is None or period.valid_until >= date(year, 1, 1))
        ],
    )


def _error_summary(page: Calculator) -> list[tuple[str, str, str]]:
    summary = [(page.form, "")] + [
        (dog, _("Dog %(number)s") % {"number": number})
        for number, dog in enumerate(page.dogs, start=1)
    ]
    entries = []
    for form, label in summary:
        entries.extend(("", str(error), "") for error in form.non_field_errors())
        for bound in form:
            for error in bound.errors:
                title = f"{label}: {bound.label}" if label else str(bound.label)
                entries.append((title, str(error), bound.id_for_label))
    return entries


def _form_options(statute: taxrules.Statute) -> dict[str, dict]:
    kinds = statute.exemption_kinds
    return {
        "quote": {
            "keeper_kinds": [kind for kind in kinds if kind.level == taxrules.ExemptionLevel.KEEPER]
        },
        "dog": {
            "exemption_choices": [
                (kind.code, localized(kind.name))
                for kind in kinds
                if kind.level == taxrules.ExemptionLevel.DOG
            ]
        },
    }


def _rows(query: Mapping[str, str]) -> int:
    try:
        return max(1, min(int(query.get("dogs", "1")), MAX_ROWS))
    except ValueError:
        return 1


def _prefix(index: int) -> str:
    return f"dog-{index}"


def _raw(query: Mapping[str, str], fields, prefix: str) -> dict[str, str]:
    names = {name: f"{prefix}-{name}" if prefix else name for name in fields}
    return {name: query[key] for name, key in names.items() if query.get(key)}
