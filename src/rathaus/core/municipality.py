"""The municipality profile: what the city is called, its contact, its reference abbreviation.

`municipality()` only reads (one query per call): the stored profile, or — while none is stored —
the profile as the configured file states it, unsaved. `municipality_profile_seed()` stores it
from the file; the installer (`manage.py install_services`, the demo) calls it.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from django.conf import settings
from django.db import transaction

from rathaus.core.audit import audit_record
from rathaus.core.models import MunicipalityProfile

PROFILE_PK = 1


def load_profile_file(path: str | Path) -> dict:
    with open(path, "rb") as handle:
        return tomllib.load(handle)


def municipality() -> MunicipalityProfile:
    """The profile of this installation; the configured file's, unsaved, until one is stored."""
    profile = MunicipalityProfile.objects.filter(pk=PROFILE_PK).first()
    if profile is None:
        return MunicipalityProfile(
            pk=PROFILE_PK, **load_profile_file(settings.MUNICIPALITY_PROFILE)
        )
    return profile


@transaction.atomic
def municipality_profile_seed(*, actor=None) -> MunicipalityProfile:
    """Store the profile from the configured file, unless one is stored (then unchanged)."""
    profile, created = MunicipalityProfile.objects.get_or_create(
        pk=PROFILE_PK, defaults=load_profile_file(settings.MUNICIPALITY_PROFILE)
    )
    if created:
        audit_record(
            actor=actor,
            action="core.municipality.seed",
            target=profile,
            after={"source": str(settings.MUNICIPALITY_PROFILE)},
        )
    return profile
