"""Fixtures for the online-services engine: a department, a service with a published form,
people, and a way to make submitted cases through the real services."""

from __future__ import annotations

import pytest

from tests.eservices.factories import CaseFactory, ServiceFactory
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _media(media_dirs):
    return media_dirs


@pytest.fixture
def service(tax_office):
    return ServiceFactory(unit=tax_office, slug="demo-nachweis")


@pytest.fixture
def make_case(service):
    def make(applicant=None, **answers):
        return CaseFactory(service=service, applicant=applicant or UserFactory(), answers=answers)

    return make
