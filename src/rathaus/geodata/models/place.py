"""Places of the administration that citizens visit (town hall, citizens' office, library…)."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class PlaceKind(models.TextChoices):
    TOWN_HALL = "town_hall", _("Town hall")
    CITIZENS_OFFICE = "citizens_office", _("Citizens' service centre")
    OFFICE = "office", _("Administrative building")
    LIBRARY = "library", _("Library")
    EDUCATION = "education", _("Adult education")


class Place(models.Model):
    slug = models.SlugField(_("short name"), unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=PlaceKind.choices)
    name_de = models.CharField(_("name (German)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    street = models.CharField(_("street"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    website = models.URLField(_("website"), blank=True)
    lon = models.FloatField(_("longitude"))
    lat = models.FloatField(_("latitude"))

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["name_de"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_en if get_language() == "en" else self.name_de

    @property
    def address(self) -> str:
        return f"{self.street}, {self.postal_code} {self.city}"
