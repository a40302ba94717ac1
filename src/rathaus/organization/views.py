from django.shortcuts import render

from rathaus.core.backoffice import staff_view
from rathaus.organization.models import OrgUnit
from rathaus.organization.selectors import units_with_members


def directory(request):
    """Public: the departments and how to reach them (no staff names)."""
    return render(
        request,
        "organization/directory.html",
        {"units": OrgUnit.objects.select_related("parent").order_by("parent_id", "name_de")},
    )


@staff_view("organization.view_units")
def units(request):
    return render(request, "organization/units.html", {"units": units_with_members()})
