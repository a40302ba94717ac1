"""Fixtures for the online-services engine: a department, a service with a published form,
people, and a way to make submitted cases through the real services."""

from __future__ import annotations

import pytest

from tests.eservices.factories import PDF, CaseFactory, ServiceFactory
from tests.factories import UserFactory

# The modules that render the engine's PDFs (receipts, notices), for stand-ins in tests that are
# about who may open a document or how long it is kept, not what it contains.
PDF_RENDERERS = ("rathaus.eservices.services.receipts", "rathaus.eservices.services.notices")


@pytest.fixture
def quick_pdfs(monkeypatch):
    for module in PDF_RENDERERS:
        monkeypatch.setattr(f"{module}.render_pdf", lambda **kwargs: PDF)


@pytest.fixture
def service(tax_office):
    return ServiceFactory(unit=tax_office, slug="demo-nachweis")


@pytest.fixture
def make_case(service):
    def make(applicant=None, **answers):
        return CaseFactory(service=service, applicant=applicant or UserFactory(), answers=answers)

    return make
