"""Back office: the amounts the Familienkasse keeps, and the city's role for child benefit."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from rathaus.childbenefit import services
from rathaus.childbenefit.forms import ROW_ISSUE_FIELDS, AmountForm, RoleForm
from rathaus.childbenefit.messages import row_issue_message
from rathaus.childbenefit.models import BenefitAmount
from rathaus.childbenefit.selectors import amount_rows, benefit_role, payments_in_force
from rathaus.core.audit import audit_record
from rathaus.core.backoffice import staff_view


@staff_view("childbenefit.manage_amounts")
def amounts(request):
    return render(request, "childbenefit/backoffice/amounts.html", {"rows": amount_rows()})


def _save_amount(request, form: AmountForm, stored: BenefitAmount | None):
    if not form.is_valid():
        return None
    values = {
        "valid_from": form.cleaned_data["valid_from"],
        "valid_until": form.cleaned_data["valid_until"],
        "amount": form.cleaned_data["amount"],
        "child_ordinal": form.cleaned_data["child_ordinal"],
    }
    try:
        if stored is None:
            return services.amount_create(actor=request.user, **values)
        return services.amount_update(actor=request.user, stored=stored, **values)
    except services.AmountRowInvalid as invalid:
        for issue in invalid.issues:
            form.add_error(ROW_ISSUE_FIELDS[issue.field], row_issue_message(issue))
        return None


def _amount_form_page(request, stored: BenefitAmount | None):
    if request.method == "POST":
        form = (
            AmountForm(request.POST)
            if stored is None
            else AmountForm.for_stored(stored, request.POST)
        )
        if _save_amount(request, form, stored) is not None:
            messages.success(request, _("The amount has been saved."))
            return redirect("backoffice:childbenefit:amounts")
    else:
        form = AmountForm() if stored is None else AmountForm.for_stored(stored)
    return render(
        request, "childbenefit/backoffice/amount_form.html", {"form": form, "stored": stored}
    )


@staff_view("childbenefit.manage_amounts")
def amount_create(request):
    return _amount_form_page(request, None)


@staff_view("childbenefit.manage_amounts")
def amount_edit(request, pk: int):
    return _amount_form_page(request, get_object_or_404(BenefitAmount, pk=pk))


@staff_view("childbenefit.manage_amounts")
def amount_delete(request, pk: int):
    stored = get_object_or_404(BenefitAmount, pk=pk)
    problems: list[str] = []
    if request.method == "POST":
        try:
            services.amount_delete(actor=request.user, stored=stored)
        except services.AmountRowInvalid as invalid:
            problems = [row_issue_message(issue) for issue in invalid.issues]
        else:
            messages.success(request, _("The amount has been removed."))
            return redirect("backoffice:childbenefit:amounts")
    return render(
        request,
        "childbenefit/backoffice/amount_delete.html",
        {"stored": stored, "problems": problems},
    )


@staff_view("childbenefit.set_role")
def role(request):
    form = RoleForm(request.POST or None, initial={"role": benefit_role()})
    if request.method == "POST" and form.is_valid():
        services.role_set(actor=request.user, role=form.cleaned_data["role"])
        messages.success(request, _("The role of the city has been saved."))
        return redirect("backoffice:childbenefit:role")
    return render(request, "childbenefit/backoffice/role.html", {"form": form})


PAYMENT_FILE_COLUMNS = (
    "payable_on",
    "reference",
    "account_holder",
    "iban",
    "child_tax_id",
    "month",
    "amount",
)


def _cell(text: str) -> str:
    """A typed name as text, never as a spreadsheet formula."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") else text


@staff_view("childbenefit.process_claims")
def payment_file(request):
    """Every child-month a decision in force pays, as CSV for the cash office (audited)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kindergeld-zahlungen.csv"'
    writer = csv.writer(response)
    writer.writerow(PAYMENT_FILE_COLUMNS)
    count = 0
    for line in payments_in_force():
        claim = line.claim
        writer.writerow(
            [
                line.payable_on.isoformat(),
                claim.case.reference,
                _cell(claim.account_holder),
                claim.iban,
                line.child_tax_id,
                line.month,
                f"{line.amount:.2f}",
            ]
        )
        count += 1
    audit_record(actor=request.user, action="childbenefit.payments.export", after={"rows": count})
    return response
