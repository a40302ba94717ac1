"""Payments of the clerk's departments: due amounts, direct-debit export, bank statement import."""

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from rathaus.core.backoffice import staff_view
from rathaus.eservices.downloads import file_response
from rathaus.eservices.models import PaymentRequest, SepaExport
from rathaus.eservices.payments.camt import CamtError
from rathaus.eservices.rules import case_unit_ids
from rathaus.eservices.selectors.payments import collectable_payments
from rathaus.eservices.services.payments import (
    AlreadyImported,
    sepa_export_create,
    statement_import,
)

STATEMENT_MAX_BYTES = 10 * 1024 * 1024


class ExportForm(forms.Form):
    collection_date = forms.DateField(
        label=gettext_lazy("Collection date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=gettext_lazy("Payments due on or before this day are collected."),
    )

    def clean_collection_date(self):
        value = self.cleaned_data["collection_date"]
        if value < timezone.localdate() + timedelta(days=1):
            raise forms.ValidationError(_("The collection date must be in the future."))
        return value


class ImportForm(forms.Form):
    statement = forms.FileField(
        label=gettext_lazy("Bank statement (camt.053 XML)"),
        widget=forms.FileInput(attrs={"accept": ".xml,application/xml"}),
    )


def _context(request, *, export_form=None, import_form=None) -> dict:
    units = case_unit_ids(request.user)
    tomorrow = timezone.localdate() + timedelta(days=1)
    return {
        "payments": PaymentRequest.objects.filter(case__unit__in=units)
        .exclude(status="cancelled")
        .select_related("case", "mandate")
        .order_by("-due_on", "-pk")[:100],
        "collectable": collectable_payments(
            unit_ids=units, collection_date=tomorrow + timedelta(days=30)
        ).count(),
        "exports": SepaExport.objects.filter(payments__case__unit__in=units).distinct()[:20],
        "export_form": export_form or ExportForm(initial={"collection_date": tomorrow}),
        "import_form": import_form or ImportForm(),
    }


@staff_view("eservices.manage_payments")
def payments(request):
    return render(request, "eservices/backoffice/payments.html", _context(request))


@staff_view("eservices.manage_payments")
@require_POST
def export(request):
    form = ExportForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "eservices/backoffice/payments.html",
            _context(request, export_form=form),
            status=400,
        )
    created = sepa_export_create(
        actor=request.user,
        unit_ids=case_unit_ids(request.user),
        collection_date=form.cleaned_data["collection_date"],
    )
    if created is None:
        messages.info(request, _("No payments are due for collection by that date."))
    else:
        messages.success(
            request,
            _("A direct-debit file with %(count)s payments has been created.")
            % {"count": created.count},
        )
    return redirect("backoffice:eservices:payments")


@staff_view("eservices.manage_payments")
def export_file(request, export_id: int):
    item = get_object_or_404(
        SepaExport.objects.filter(payments__case__unit__in=case_unit_ids(request.user)).distinct(),
        pk=export_id,
    )
    return file_response(
        item.file, filename=f"{item.message_id}.xml", content_type="application/xml"
    )


@staff_view("eservices.manage_payments")
@require_POST
def import_statement(request):
    form = ImportForm(request.POST, request.FILES)
    if form.is_valid() and form.cleaned_data["statement"].size > STATEMENT_MAX_BYTES:
        form.add_error("statement", _("The file is too large."))
    if not form.is_valid():
        return render(
            request,
            "eservices/backoffice/payments.html",
            _context(request, import_form=form),
            status=400,
        )
    try:
        record = statement_import(content=form.cleaned_data["statement"].read(), actor=request.user)
    except AlreadyImported:
        messages.error(request, _("This bank statement has been imported before."))
    except CamtError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Statement read: %(entries)s entries, %(matched)s payments marked as paid.")
            % {"entries": record.entries, "matched": record.matched},
        )
    return redirect("backoffice:eservices:payments")
