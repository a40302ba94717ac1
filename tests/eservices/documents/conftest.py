"""Rendering documents once per module and reading them back with pypdf."""

import datetime as dt
import io
from collections.abc import Callable
from decimal import Decimal
from unittest import mock

import pytest
from django.conf import settings
from lxml import etree
from pypdf import PdfReader

from rathaus.core.models import MunicipalityProfile
from rathaus.core.municipality import load_profile_file
from rathaus.eservices.documents.pdf import render_pdf

MM_PER_POINT = 25.4 / 72


def kaiserslautern() -> MunicipalityProfile:
    """The profile of the profile file, unsaved: rendering needs no database."""
    return MunicipalityProfile(**load_profile_file(settings.MUNICIPALITY_PROFILE))


def render_with(profile: MunicipalityProfile, **arguments) -> bytes:
    with mock.patch("rathaus.eservices.documents.pdf.municipality", return_value=profile):
        return render_pdf(**arguments)


def notice_context(**changes) -> dict:
    context = {
        "subject": "Bescheid über die Hundesteuer 2026",
        "reference": "KL-2026-000123",
        "date": dt.date(2026, 2, 1),
        "department": "Steueramt",
        "contact": {"name": "Erika Beispiel", "phone": "+49 631 365-4711"},
        "recipient": {
            "name": "Anna Schmidt",
            "street": "Marktstraße 5",
            "postal_code": "67655",
            "city": "Kaiserslautern",
        },
        "decision": (
            "Die Hundesteuer für Ihren Hund Bello wird für 2026 auf 120,00 EUR festgesetzt."
        ),
        "reasons": "Sie halten seit dem 1. Januar 2025 einen Hund im Stadtgebiet.",
        "payment": {
            "amount": Decimal("120.00"),
            "reference": "KL-2026-000123",
            "text": "Hundesteuer 2026",
            "due_on": dt.date(2026, 2, 15),
        },
        "legal_remedy": {"levy": True},
    }
    return {**context, **changes}


class Pdf:
    """What a reader of the PDF sees: text, metadata, structure, fonts, positions."""

    def __init__(self, data: bytes):
        self.data = data
        self.reader = PdfReader(io.BytesIO(data))
        self.catalog = self.reader.trailer["/Root"]

    @property
    def text(self) -> str:
        return " ".join(" ".join(page.extract_text() for page in self.reader.pages).split())

    @property
    def xmp(self) -> etree._Element:
        packet = self.catalog["/Metadata"].get_object().get_data()
        return etree.fromstring(packet.split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0])

    def xmp_value(self, namespace: str, name: str) -> str | None:
        """A property written either as an attribute or as an element of rdf:Description."""
        for description in self.xmp.iter(
            "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description"
        ):
            if (value := description.get(f"{{{namespace}}}{name}")) is not None:
                return value
            if (element := description.find(f"{{{namespace}}}{name}")) is not None:
                return "".join(element.itertext()).strip()
        return None

    def fonts(self) -> dict[str, bool]:
        """Every font used on any page, and whether its program is embedded."""
        found = {}
        for page in self.reader.pages:
            for font in page["/Resources"].get("/Font", {}).values():
                font = font.get_object()
                descendants = font.get("/DescendantFonts")
                described = descendants[0].get_object() if descendants else font
                descriptor = described.get("/FontDescriptor")
                descriptor = descriptor.get_object() if descriptor else {}
                found[str(font["/BaseFont"])] = any(
                    key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
                )
        return found

    def structure_elements(self) -> list:
        elements, pending = [], [self.catalog["/StructTreeRoot"].get_object()]
        while pending:
            element = pending.pop()
            kids = element.get("/K")
            if kids is None:
                continue
            kids = kids if isinstance(kids, list) else [kids]
            for kid in kids:
                kid = kid.get_object() if hasattr(kid, "get_object") else kid
                if isinstance(kid, dict):
                    elements.append(kid)
                    pending.append(kid)
        return elements

    def positions(self, page_number: int = 0) -> list[tuple[str, float, float]]:
        """(text, millimetres from the left edge, millimetres of the baseline from the top)."""
        page = self.reader.pages[page_number]
        height = float(page.mediabox.height)
        found = []

        def visit(text, cm, tm, font, size):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                found.append((text.strip(), x * MM_PER_POINT, (height - y) * MM_PER_POINT))

        page.extract_text(visitor_text=visit)
        return found

    def position_of(self, text: str, page_number: int = 0) -> tuple[float, float]:
        return next((x, y) for found, x, y in self.positions(page_number) if found.startswith(text))


@pytest.fixture(scope="module")
def render() -> Callable[..., Pdf]:
    def render_document(template: str, context: dict, language: str = "de", profile=None):
        data = render_with(
            profile or kaiserslautern(), template=template, context=context, language=language
        )
        return Pdf(data)

    return render_document
