"""Child-benefit cases made the way a citizen makes them: draft, answers, evidence, submit."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from rathaus.eservices.demo_forms import CHILD_BENEFIT, CHILD_BENEFIT_CHANGE
from rathaus.eservices.models import FormVersion, Service
from rathaus.eservices.services.drafts import draft_attach_file, draft_save_step, draft_start
from rathaus.eservices.services.submission import draft_submit

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n"
APPLICANT_TAX_ID = "36574261809"
CHILD_TAX_IDS = ("86095742719", "47036892816", "65929970489")


# The Familienkasse's two services: the application and the change notice.
SERVICES = {
    "kindergeld": {
        "leika": "99041001000000",
        "name_de": "Kindergeld beantragen",
        "name_en": "Apply for child benefit",
        "handler": "childbenefit.application",
        "form_working_copy": CHILD_BENEFIT,
    },
    "kindergeld-aenderung": {
        "leika": "99041002000000",
        "name_de": "Veränderungsmitteilung Kindergeld",
        "name_en": "Report a change for child benefit",
        "handler": "childbenefit.change",
        "form_working_copy": CHILD_BENEFIT_CHANGE,
    },
}


def _published(unit, slug: str) -> Service:
    service = Service.objects.create(slug=slug, unit=unit, is_open=True, **SERVICES[slug])
    FormVersion.objects.create(
        service=service,
        number=1,
        schema=service.form_working_copy,
        published_at=service.created_at,
    )
    return service


def kindergeld_service(unit) -> Service:
    return _published(unit, "kindergeld")


def change_service(unit) -> Service:
    return _published(unit, "kindergeld-aenderung")


def child(first_name, born_on, tax_id, *, period=None, **extra) -> dict:
    entry = {
        "first_name": first_name,
        "family_name": "Citizen",
        "born_on": born_on,
        "tax_id": tax_id,
        "relationship": "own",
        "in_household": True,
        "adult": period is not None,
        **extra,
    }
    if period:
        entry.update(period_kind=period[0], period_from=period[1], period_to=period[2])
    return entry


APPLICANT = {
    "given_name": "Clara",
    "family_name": "Citizen",
    "tax_id": APPLICANT_TAX_ID,
    "address": {"street": "Marktstraße 1", "postal_code": "67655", "city": "Kaiserslautern"},
    "truthful": True,
}
# The usual answers of the Kindergeld application (besides the children).
APPLICATION = {
    **APPLICANT,
    "born_on": "1985-03-01",
    "has_partner": False,
    "iban": "DE89370400440532013000",
}
# The change notice asks for the applicant, the kind of change and the day it takes effect.
CHANGE = APPLICANT


def apply(service, user, children, *, defaults=APPLICATION, **answers):
    """Submit the form of ``service`` for ``children`` (``answers`` over ``defaults``; CHANGE
    for a change notice), each adult child with a certificate."""
    draft = draft_start(user=user, service=service)
    values = {**defaults, "children": children, **answers}
    for index, entry in enumerate(values["children"]):
        if entry.get("adult"):
            entry["evidence"] = draft_attach_file(
                draft=draft,
                field_key=f"children[{index}].evidence",
                uploaded=SimpleUploadedFile("bescheinigung.pdf", PDF),
                accept=("pdf",),
                max_size_mb=5,
                previous={},
            )
    draft_save_step(draft=draft, step_key="account", values=values, next_step="review")
    return draft_submit(draft=draft, user=user)
