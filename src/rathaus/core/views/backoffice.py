from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from rathaus.core.audit import audit_search
from rathaus.core.backoffice import staff_view
from rathaus.core.navigation import backoffice_links
from rathaus.core.paging import paginate


@staff_view()
def home(request):
    return render(request, "core/backoffice/home.html", {"links": backoffice_links(request.user)})


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label=_("Who (e-mail)"), required=False, max_length=254)
    action = forms.CharField(
        label=_("What (action)"),
        required=False,
        max_length=100,
        help_text=_("For example case. or dog.register"),
    )
    target_type = forms.CharField(
        label=_("Object type"),
        required=False,
        max_length=100,
        help_text=_("app.model, for example eservices.case"),
    )
    target_id = forms.CharField(label=_("Object id"), required=False, max_length=100)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


@staff_view("core.view_auditlog")
def audit_log(request):
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    entries = audit_search(**{key: value for key, value in filters.items() if value})
    return render(
        request,
        "core/backoffice/audit_log.html",
        {"form": form, **paginate(request, entries, per_page=50)},
    )
