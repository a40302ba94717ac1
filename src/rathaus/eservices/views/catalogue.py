"""The public catalogue and the page of each service."""

from django import forms
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from rathaus.core.paging import paginate
from rathaus.eservices.selectors.catalogue import (
    current_version,
    life_situations,
    public_services,
    service_search,
)
from rathaus.eservices.selectors.mailbox import citizen_drafts


class CatalogueSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("For example: dog, parking, child benefit"),
    )
    situation = forms.ChoiceField(label=_("Life situation"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["situation"].choices = [("", _("All life situations"))] + [
            (situation.slug, situation.name) for situation in life_situations()
        ]


def catalogue(request):
    form = CatalogueSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    services = service_search(
        query=filters.get("q", ""), life_situation=filters.get("situation", "")
    )
    return render(
        request,
        "eservices/catalogue.html",
        {
            "form": form,
            "searched": bool(filters.get("q")),
            **paginate(request, services, per_page=20),
        },
    )


def service_detail(request, slug: str):
    service = get_object_or_404(public_services(), slug=slug)
    draft = None
    if request.user.is_authenticated:
        draft = citizen_drafts(request.user).filter(service=service).first()
    return render(
        request,
        "eservices/service.html",
        {
            "service": service,
            "can_apply": service.is_open and current_version(service) is not None,
            "draft": draft,
        },
    )
