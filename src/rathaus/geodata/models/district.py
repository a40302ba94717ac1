"""The city's districts (Ortsbezirke): number, name, boundary and area."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class District(models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    # The boundary as a 2-D GeoJSON geometry (WGS84 lon/lat, six decimals); empty until the
    # boundaries are imported (`manage.py import_districts`).
    boundary = models.TextField(_("boundary (GeoJSON)"), blank=True)
    area_m2 = models.FloatField(_("area in m²"), null=True, blank=True)
    # A point inside the district: the whole map works with points before the import.
    point_lon = models.FloatField(_("longitude of a point inside"))
    point_lat = models.FloatField(_("latitude of a point inside"))

    class Meta:
        verbose_name = _("district")
        verbose_name_plural = _("districts")
        ordering = ["number"]

    def __str__(self) -> str:
        return self.name

    @property
    def area_km2(self) -> float | None:
        return None if self.area_m2 is None else self.area_m2 / 1_000_000
