"""Rows that are written once and never changed: published forms and issued notices."""

from django.db import models


class ImmutableError(RuntimeError):
    """Raised on an attempt to change a row that must stay as it was written."""


class ImmutableQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ImmutableError(f"{self.model.__name__} rows cannot be changed.")


class Immutable(models.Model):
    """Saving is allowed once; deleting stays possible for the retention services."""

    objects = ImmutableQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableError(f"{type(self).__name__} rows cannot be changed.")
        super().save(*args, **kwargs)
