"""Where something is: a point (WGS84) and the district it lies in, shared by projects and
proposals.

The district is stored by name (see `participation.districts`) so that the geodata app can map it
to its `District` rows, and later derive it from the point.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Located(models.Model):
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    district = models.CharField(
        _("district"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("Empty when it concerns the whole city."),
    )

    class Meta:
        abstract = True
        constraints = [
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (
                    Q(latitude__gte=-90, latitude__lte=90)
                    & Q(longitude__gte=-180, longitude__lte=180)
                ),
                name="%(app_label)s_%(class)s_point_complete_and_in_range",
            )
        ]

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None
