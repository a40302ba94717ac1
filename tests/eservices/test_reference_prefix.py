"""The first part of a case reference: the city's setting, else its profile's abbreviation."""

import pytest

from rathaus.core.municipality import municipality
from rathaus.eservices import conf

pytestmark = pytest.mark.django_db


def test_without_a_setting_the_prefix_is_the_profiles_abbreviation(settings):
    settings.ESERVICES_REFERENCE_PREFIX = ""
    profile = municipality()
    profile.abbreviation = "MS"
    profile.save()

    assert conf.reference_prefix() == "MS"


def test_a_profile_without_an_abbreviation_gives_a_neutral_prefix(settings):
    settings.ESERVICES_REFERENCE_PREFIX = ""
    profile = municipality()
    profile.abbreviation = ""
    profile.save()

    assert conf.reference_prefix() == "REF"


def test_the_setting_wins_over_the_profile(settings):
    settings.ESERVICES_REFERENCE_PREFIX = "KLX"

    assert conf.reference_prefix() == "KLX"
