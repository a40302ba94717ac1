import datetime as dt
import hashlib
import re
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.test import override_settings

from rathaus.core.municipality import municipality
from rathaus.eservices.documents.pdf import DocumentRenderError, render_pdf, sha256_hex
from rathaus.eservices.payments.girocode import girocode_payload
from tests.eservices.documents.conftest import Pdf, kaiserslautern, notice_context, render_with

NOTICE = "eservices/documents/notice_generic.html"
RECEIPT = "eservices/documents/receipt.html"
PDFAID = "http://www.aiim.org/pdfa/ns/id/"
DC = "http://purl.org/dc/elements/1.1/"
WIDERSPRUCH = (
    "Gegen diesen Bescheid kann innerhalb eines Monats nach Bekanntgabe Widerspruch erhoben werden."
)


@pytest.fixture(scope="module")
def german_notice(render) -> Pdf:
    return render(NOTICE, notice_context(), "de")


@pytest.fixture(scope="module")
def english_notice(render) -> Pdf:
    return render(NOTICE, notice_context(), "en")


@pytest.fixture(scope="module")
def receipt(render) -> Pdf:
    return render(
        RECEIPT,
        {
            "reference": "KL-2026-000124",
            "service_name": "Hund anmelden",
            "submitted_at": dt.datetime(2026, 3, 2, 13, 5, tzinfo=dt.UTC),
            "answers": [("Name des Hundes", "Bello"), ("Rasse", "Labrador-Mischling")],
        },
        "en",
    )


def test_the_notice_is_identified_as_pdf_a_3b(german_notice):
    assert german_notice.data.startswith(b"%PDF-1.7")
    assert german_notice.xmp_value(PDFAID, "part") == "3"
    assert german_notice.xmp_value(PDFAID, "conformance") == "B"
    assert "/OutputIntents" in german_notice.catalog


def test_the_document_language_is_declared(german_notice, english_notice):
    assert german_notice.catalog["/Lang"] == "de"
    assert english_notice.catalog["/Lang"] == "en"


def test_the_title_is_in_the_document_information_and_the_xmp(german_notice):
    title = "Bescheid über die Hundesteuer 2026 – KL-2026-000123"

    assert german_notice.reader.metadata.title == title
    assert german_notice.xmp_value(DC, "title") == title
    assert bool(german_notice.catalog["/ViewerPreferences"]["/DisplayDocTitle"])


def test_every_font_is_embedded(german_notice, receipt):
    for document in (german_notice, receipt):
        fonts = document.fonts()

        assert fonts
        assert all(fonts.values()), fonts
        assert any("Fira" in name for name in fonts)


def test_the_document_is_tagged_and_the_girocode_has_an_alternative_text(german_notice):
    elements = german_notice.structure_elements()

    assert bool(german_notice.catalog["/MarkInfo"]["/Marked"])
    assert {"/H1", "/H2", "/P", "/Table", "/TH"} <= {str(e["/S"]) for e in elements}
    [figure] = [e for e in elements if e["/S"] == "/Figure"]
    assert str(figure["/Alt"]).startswith("GiroCode")
    assert "120,00" in str(figure["/Alt"])


def test_the_notice_shows_reference_decision_payment_and_legal_remedy(german_notice):
    text = german_notice.text

    assert "KL-2026-000123" in text
    assert "Die Hundesteuer für Ihren Hund Bello wird für 2026 auf 120,00 EUR festgesetzt." in text
    assert "DE02 1203 0000 0000 2020 51" in text
    assert "15. Februar 2026" in text
    assert "Rechtsbehelfsbelehrung" in text
    assert WIDERSPRUCH in text
    assert "Stadtverwaltung Kaiserslautern, Willy-Brandt-Platz 1, 67657 Kaiserslautern" in text
    assert "keine aufschiebende Wirkung" in text
    assert "courtesy translation" not in text


def test_the_english_notice_keeps_the_binding_german_text_and_adds_a_translation(english_notice):
    text = english_notice.text

    assert WIDERSPRUCH in text
    assert "Information on legal remedies (courtesy translation)" in text
    assert "Only the German text above is legally binding." in text
    assert "You may lodge an objection (Widerspruch) against this notice within one month" in text
    assert text.index(WIDERSPRUCH) < text.index("You may lodge an objection")


def test_pages_are_numbered(english_notice):
    pages = len(english_notice.reader.pages)

    assert re.search(rf"Page 1 of {pages}\b", english_notice.text)


def test_the_letter_follows_din_5008_form_b(german_notice):
    sender_x, sender_y = german_notice.position_of("Stadtverwaltung Kaiserslautern ·")
    name_x, name_y = german_notice.position_of("Anna Schmidt")
    city_x, city_y = german_notice.position_of("67655 Kaiserslautern")
    info_block = [(x, y) for text, x, y in german_notice.positions() if text == "KL-2026-000123"]

    assert sender_x == pytest.approx(25, abs=0.5)
    assert 45 < sender_y < 62.7  # return address in the endorsement zone above the address
    assert (name_x, city_x) == (pytest.approx(25, abs=0.5), pytest.approx(25, abs=0.5))
    assert 62.7 < name_y < city_y < 90  # the address zone of the window (45 mm + 17.7 mm)
    assert any(x > 125 and 50 < y < 98 for x, y in info_block)  # information block


def test_the_girocode_in_the_notice_carries_the_payment(german_notice, tmp_path):
    if not (shutil.which("pdftoppm") and shutil.which("zbarimg")):
        pytest.skip("poppler-utils (pdftoppm) and zbar-tools (zbarimg) are not installed")
    (tmp_path / "notice.pdf").write_bytes(german_notice.data)
    subprocess.run(
        ["pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-png", "notice.pdf", "page"],
        cwd=tmp_path,
        check=True,
    )
    image = next(tmp_path.glob("page*.png"))

    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sbinary", str(image)], capture_output=True, check=True
    ).stdout

    assert decoded.decode("utf-8").rstrip("\n") == girocode_payload(
        beneficiary="Stadtkasse Kaiserslautern",
        iban="DE02120300000000202051",
        bic="BYLADEM1001",
        amount=Decimal("120.00"),
        reference="KL-2026-000123",
        text="Hundesteuer 2026",
    )


def test_the_receipt_lists_the_answers_and_says_nothing_more_is_needed(receipt):
    text = receipt.text

    assert "Confirmation of receipt: Hund anmelden" in text
    assert "KL-2026-000124" in text
    assert "on March 2, 2026 at 14:05" in text  # shown in the municipality's time zone
    assert "Name des Hundes Bello" in text
    assert "Rasse Labrador-Mischling" in text
    assert "You do not need to do anything else." in text
    assert (
        receipt.reader.metadata.title == "Confirmation of receipt: Hund anmelden – KL-2026-000124"
    )


def test_a_notice_collected_by_direct_debit_has_no_girocode(render):
    context = notice_context()
    context["payment"] = {
        **context["payment"],
        "direct_debit": {"mandate_reference": "HUND-000017", "iban": "DE89370400440532013000"},
    }

    notice = render(NOTICE, context, "en")

    assert "We will collect the amount on its due date from your account" in notice.text
    assert "DE89 3704 0044 0532 0130 00" in notice.text
    assert "HUND-000017" in notice.text
    assert "GiroCode" not in notice.text
    assert not [e for e in notice.structure_elements() if e["/S"] == "/Figure"]


def test_a_notice_under_the_fiscal_code_names_the_einspruch(render):
    context = notice_context(
        payment=None,
        legal_remedy={"kind": "einspruch", "authority": "Familienkasse der Stadt Kaiserslautern"},
    )

    text = render(NOTICE, context, "en").text

    assert "Gegen diesen Bescheid ist der Einspruch zulässig." in text
    assert "Familienkasse der Stadt Kaiserslautern, Willy-Brandt-Platz 1" in text
    assert "Die Frist für die Einlegung des Einspruchs beträgt einen Monat." in text
    assert "You may lodge an objection (Einspruch) against this notice." in text
    assert "Widerspruch" not in text
    assert "Payment" not in text


def test_the_letter_names_the_authority_of_the_profile_not_a_fixed_city(render):
    other = kaiserslautern()
    other.official_name, other.street, other.postal_code, other.city = (
        "Stadtverwaltung Musterstadt",
        "Rathausplatz 1",
        "12345",
        "Musterstadt",
    )
    other.bank_account_holder = "Stadtkasse Musterstadt"

    text = render(NOTICE, notice_context(), "de", profile=other).text

    assert "Stadtverwaltung Musterstadt, Rathausplatz 1, 12345 Musterstadt" in text
    assert "Stadtkasse Musterstadt" in text
    assert "Willy-Brandt-Platz" not in text


@pytest.mark.django_db
def test_render_pdf_reads_the_stored_municipality_profile():
    profile = municipality()
    profile.official_name = "Stadtverwaltung Kaiserslautern (Testbetrieb)"
    profile.save()

    data = render_pdf(template=NOTICE, context=notice_context(payment=None), language="de")

    assert "Stadtverwaltung Kaiserslautern (Testbetrieb)" in Pdf(data).text


def test_unsupported_languages_are_refused():
    with pytest.raises(ValueError, match="language"):
        render_with(kaiserslautern(), template=NOTICE, context=notice_context(), language="fr")


@override_settings(
    TEMPLATES=[
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {
                "loaders": [
                    (
                        "django.template.loaders.locmem.Loader",
                        {"tracking.html": '<p>Hi</p><img src="https://example.org/t.png" alt="">'},
                    )
                ]
            },
        }
    ]
)
def test_a_document_that_loads_from_the_network_is_not_rendered():
    with pytest.raises(DocumentRenderError, match=r"example\.org"):
        render_with(kaiserslautern(), template="tracking.html", context={}, language="de")


def test_the_checksum_is_sha256_in_hex():
    assert sha256_hex(b"abc") == hashlib.sha256(b"abc").hexdigest()
    assert sha256_hex(b"abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )
