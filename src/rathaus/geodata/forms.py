"""Back-office forms of geodata: the city's WMS/WMTS layers."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rathaus.core.map_services import validate_tile_template
from rathaus.geodata.models import MapServiceLayer, ServiceKind


class MapServiceLayerForm(forms.ModelForm):
    min_zoom = forms.IntegerField(
        label=_("minimum zoom"),
        min_value=0,
        max_value=20,
        initial=0,
        help_text=_("The layer is drawn from this zoom level on (0 to 20)."),
    )

    class Meta:
        model = MapServiceLayer
        fields = [
            "title_de",
            "title_en",
            "kind",
            "url",
            "layer_name",
            "attribution",
            "min_zoom",
            "active",
        ]
        widgets = {"url": forms.URLInput()}

    def clean(self):
        data = super().clean()
        url = data.get("url")
        if url and data.get("kind") == ServiceKind.WMTS:
            try:
                validate_tile_template(url.replace("{Layer}", "layer"))
            except ValidationError as error:
                self.add_error("url", error)
        elif url and "{" in url:
            self.add_error("url", _("A WMS address has no placeholders."))
        return data
