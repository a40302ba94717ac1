"""The administrators' pages on the city's own map services (WMS/WMTS layers on the maps)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rathaus.core.backoffice import staff_view
from rathaus.geodata.forms import MapServiceLayerForm
from rathaus.geodata.models import MapServiceLayer
from rathaus.geodata.selectors import service_layers
from rathaus.geodata.services import service_layer_delete, service_layer_save

PERMISSION = "geodata.manage_map_layers"


@staff_view(PERMISSION)
def map_layers(request):
    return render(request, "geodata/backoffice/map_layers.html", {"layers": service_layers()})


@staff_view(PERMISSION)
def map_layer_edit(request, pk: int | None = None):
    layer = get_object_or_404(MapServiceLayer, pk=pk) if pk is not None else None
    form = MapServiceLayerForm(request.POST or None, instance=layer)
    if request.method == "POST" and form.is_valid():
        service_layer_save(actor=request.user, layer=layer, **form.cleaned_data)
        messages.success(request, _("The map layer has been saved."))
        return redirect("backoffice:geodata:map_layers")
    return render(request, "geodata/backoffice/map_layer_form.html", {"form": form, "layer": layer})


@require_POST
@staff_view(PERMISSION)
def map_layer_delete(request, pk: int):
    layer = get_object_or_404(MapServiceLayer, pk=pk)
    service_layer_delete(actor=request.user, layer=layer)
    messages.success(request, _("The map layer has been removed."))
    return redirect("backoffice:geodata:map_layers")
