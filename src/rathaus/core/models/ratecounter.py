"""Rate-limit counters in the database (see rathaus.core.ratecounters)."""

from django.db import models


class RateCounter(models.Model):
    """One counter of django-ratelimit (a client in a scope and a time window) until it
    expires. On PostgreSQL the table is UNLOGGED: counters are not worth a WAL flush."""

    key = models.CharField(max_length=250, primary_key=True)
    value = models.BigIntegerField()
    expires = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key}: {self.value}"
