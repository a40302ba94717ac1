"""The public catalogue and the page of each service."""

from django import forms
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from rathaus.core.paging import paginate_lazily, plain_page
from rathaus.eservices.selectors.catalogue import (
    current_version,
    life_situations,
    public_service,
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
        # A callable: read when the field is rendered or a situation is checked, not before.
        self.fields["situation"].choices = _situation_choices


def _situation_choices() -> list[tuple[str, str]]:
    return [("", _("All life situations"))] + [
        (situation.slug, situation.name) for situation in life_situations()
    ]


def catalogue(request):
    """The catalogue; its plain pages are cached fragments (topic "eservices.catalogue"), so
    the list is read only when a fragment is rendered afresh."""
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
            "cached_page": plain_page(request),
            "paging": paginate_lazily(request, services, per_page=20),
        },
    )


def service_detail(request, slug: str):
    """A service's page: what everybody sees alike is a cached fragment (topic
    "eservices.catalogue"); whether and how to apply is read for each signed-in person."""
    service = public_service(slug)
    draft = None
    if request.user.is_authenticated:
        draft = citizen_drafts(request.user).filter(service=service).first()
    return render(
        request,
        "eservices/service.html",
        {
            "service": service,
            "can_apply": SimpleLazyObject(
                lambda: service.is_open and current_version(service) is not None
            ),
            "draft": draft,
        },
    )
