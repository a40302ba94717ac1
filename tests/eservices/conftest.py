"""Fixtures for the online-services engine: a department, a service with a published form,
people, and a way to make submitted cases through the real services."""

from __future__ import annotations

import pytest

from rathaus.eservices.demo_forms import DEMO_REQUEST
from rathaus.eservices.models import FormVersion, Service
from rathaus.eservices.services.drafts import draft_save_step, draft_start
from rathaus.eservices.services.submission import draft_submit
from rathaus.organization.models import Role
from tests.factories import OrgUnitFactory, StaffFactory, UserFactory

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG = bytes.fromhex("89504e470d0a1a0a0000000d494844520000000100000001080600000000") + b"\x00" * 40

ANSWERS = {
    "given_name": "Clara",
    "family_name": "Citizen",
    "address": {"street": "Marktstraße 1", "postal_code": "67655", "city": "Kaiserslautern"},
    "topic": "proof",
    "details": "Here is my proof.",
}


# The modules that render the engine's PDFs (receipts, notices), for stand-ins in tests that are
# about who may open a document or how long it is kept, not what it contains.
PDF_RENDERERS = ("rathaus.eservices.services.receipts", "rathaus.eservices.services.notices")


@pytest.fixture
def quick_pdfs(monkeypatch):
    for module in PDF_RENDERERS:
        monkeypatch.setattr(f"{module}.render_pdf", lambda **kwargs: PDF)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.ESERVICES_OUTBOX_DIR = str(tmp_path / "outbox")


@pytest.fixture
def tax_office(db):
    return OrgUnitFactory(slug="steueramt", name_de="Steueramt", name_en="Tax Office")


@pytest.fixture
def family_office(db):
    return OrgUnitFactory(
        slug="familienkasse", name_de="Familienkasse", name_en="Family Benefits Office"
    )


def make_service(unit, *, slug="demo-nachweis", schema=None, **values) -> Service:
    schema = schema or DEMO_REQUEST
    service = Service.objects.create(
        slug=slug,
        leika=values.pop("leika", "99000000000001"),
        name_de=values.pop("name_de", "Nachweis einreichen"),
        name_en=values.pop("name_en", "Submit a proof"),
        unit=unit,
        is_open=values.pop("is_open", True),
        form_working_copy=schema,
        **values,
    )
    FormVersion.objects.create(
        service=service, number=1, schema=schema, published_at=service.created_at
    )
    return service


@pytest.fixture
def service(tax_office):
    return make_service(tax_office)


@pytest.fixture
def tax_clerk(tax_office):
    return StaffFactory(email="clerk.tax@example.org", with_totp=True, unit=tax_office)


@pytest.fixture
def family_clerk(family_office):
    return StaffFactory(email="clerk.family@example.org", with_totp=True, unit=family_office)


@pytest.fixture
def tax_lead(tax_office):
    return StaffFactory(
        email="lead.tax@example.org", with_totp=True, unit=tax_office, unit__role=Role.LEAD
    )


def attach(draft, *, name="proof.pdf", content=PDF):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from rathaus.eservices.services.drafts import draft_attach_file

    return draft_attach_file(
        draft=draft,
        field_key="proof",
        uploaded=SimpleUploadedFile(name, content, content_type="application/pdf"),
        accept=("pdf", "jpg", "png"),
        max_size_mb=5,
    )


def submitted_case(service, applicant, **answers):
    """A case made the way a citizen makes one: draft, answers, upload, submit."""
    draft = draft_start(user=applicant, service=service)
    values = {**ANSWERS, **answers}
    if any(item.type == "file" for step in draft.form_version.form.steps for item in step.fields):
        values["proof"] = attach(draft)
    draft_save_step(draft=draft, step_key="request", values=values, next_step="review")
    return draft_submit(draft=draft, user=applicant)


@pytest.fixture
def make_case(service):
    def make(applicant=None, **answers):
        return submitted_case(service, applicant or UserFactory(), **answers)

    return make
