"""The city's own map services (WMS or WMTS) that administrators add to the maps as layers.

Each appears in the layer switcher of every map, switched off: the browser asks the service
for images only when a person switches the layer on. The page's CSP allows each registered
service's host for images (rathaus.geodata.middleware).
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from rathaus.core.map_services import MAX_URL_LENGTH, validate_service_url


class ServiceKind(models.TextChoices):
    WMS = "wms", _("WMS (Web Map Service)")
    WMTS = "wmts", _("WMTS (tile service, REST template)")


class MapServiceLayer(models.Model):
    title_de = models.CharField(_("title (German)"), max_length=100)
    title_en = models.CharField(_("title (English)"), max_length=100)
    kind = models.CharField(_("kind of service"), max_length=10, choices=ServiceKind.choices)
    url = models.CharField(
        _("address"),
        max_length=MAX_URL_LENGTH,
        validators=[validate_service_url],
        help_text=_(
            "WMS: the service address (…/wms?). WMTS: an https URL template with {z}, {x}, {y} "
            "or {TileMatrix}, {TileCol}, {TileRow}; {Layer} is replaced by the layer name."
        ),
    )
    layer_name = models.CharField(_("layer name"), max_length=200)
    attribution = models.CharField(_("attribution"), max_length=300)
    min_zoom = models.PositiveSmallIntegerField(
        _("minimum zoom"),
        default=0,
        validators=[MaxValueValidator(20)],
        help_text=_("The layer is drawn from this zoom level on (0 to 20)."),
    )
    active = models.BooleanField(_("offered on the maps"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("map service layer")
        verbose_name_plural = _("map service layers")
        ordering = ["title_de", "pk"]

    def __str__(self) -> str:
        return self.title_de
