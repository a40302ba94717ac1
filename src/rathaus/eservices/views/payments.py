"""Paying a case's fee by SEPA direct debit: the citizen gives a mandate."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rathaus.core.municipality import municipality
from rathaus.eservices.models.payments import PaymentStatus
from rathaus.eservices.selectors.mailbox import case_for_citizen
from rathaus.eservices.services.payments import mandate_grant


class MandateForm(forms.Form):
    debtor_name = forms.CharField(label=gettext_lazy("Account holder"), max_length=70)
    iban = forms.CharField(
        label=gettext_lazy("IBAN"),
        max_length=42,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    authorise = forms.BooleanField(label=gettext_lazy("I grant this SEPA direct-debit mandate."))


@login_required
def mandate(request, reference: str, payment_id: int):
    case = case_for_citizen(request.user, reference)
    payment = get_object_or_404(case.payments.all(), pk=payment_id)
    if payment.status != PaymentStatus.OPEN or payment.mandate_id:
        messages.info(request, _("This payment needs no direct-debit mandate."))
        return redirect(case)
    form = MandateForm(request.POST or None, initial={"debtor_name": case.applicant_name})
    if request.method == "POST" and form.is_valid():
        try:
            mandate_grant(
                payment=payment,
                user=request.user,
                debtor_name=form.cleaned_data["debtor_name"],
                iban=form.cleaned_data["iban"],
                signed_on=timezone.localdate(),
            )
        except ValueError as error:
            form.add_error("iban", str(error))
        else:
            messages.success(
                request, _("Thank you. The amount will be collected from your account when due.")
            )
            return redirect(case)
    return render(
        request,
        "eservices/mailbox/mandate.html",
        {"case": case, "payment": payment, "form": form, "creditor": municipality()},
    )
