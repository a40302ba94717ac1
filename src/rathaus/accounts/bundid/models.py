"""Assertions already used: each BundID assertion signs in once (replay protection)."""

from django.db import models


class SeenAssertion(models.Model):
    assertion_id = models.CharField(max_length=256, unique=True)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.assertion_id
