"""The municipality profile: read from the database on every call, seeded from its file once."""

from __future__ import annotations

import tomllib
from pathlib import Path

from django.conf import settings
from django.db import transaction

from rathaus.core.models import MunicipalityProfile


def load_profile_file(path: str | Path) -> dict:
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def municipality() -> MunicipalityProfile:
    """The profile of this installation, created from the profile file on first use."""
    profile = MunicipalityProfile.objects.filter(pk=1).first()
    if profile is None:
        with transaction.atomic():
            profile, _ = MunicipalityProfile.objects.get_or_create(
                pk=1, defaults=load_profile_file(settings.MUNICIPALITY_PROFILE)
            )
    return profile
