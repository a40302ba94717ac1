"""A change counter per kind of data, so that every process knows when its caches are stale."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# The keys of the data whose version the caches watch.
DISTRICTS = "districts"
PLACES = "places"


class DataVersion(models.Model):
    key = models.SlugField(_("data"), primary_key=True)
    number = models.PositiveBigIntegerField(_("version"), default=0)
    changed_at = models.DateTimeField(_("changed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self) -> str:
        return f"{self.key} v{self.number}"
