"""The xdomea core without Django: the 0503 message fits the structure the standard prescribes,
the same values give the same bytes, and only well-formed 0506 acknowledgements are read."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, date, datetime
from uuid import UUID

import pytest
from lxml import etree

from rathaus.eservices.archive import xdomea

PROCESS = UUID("6f1c4b1e-0c55-4a4e-9f0e-3c1d2b3a4f50")
RECORD = UUID("0d5e6f7a-1b2c-4d3e-8f9a-0b1c2d3e4f5a")
DOCUMENT = UUID("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")
WHEN = datetime(2036, 3, 2, 8, 30, tzinfo=UTC)


def transfer(**record) -> xdomea.Transfer:
    notice = xdomea.Document(
        id=DOCUMENT,
        subject="Hundesteuerbescheid",
        kind="Bescheid",
        dated=date(2026, 3, 1),
        file=xdomea.PrimaryFile("Bescheid 1.pdf", b"%PDF-1.7 ...", WHEN, "PDF", "1.7"),
    )
    values = {
        "id": RECORD,
        "subject": "Hundesteuer-Anmeldung, KL-2026-000001",
        "reference": "KL-2026-000001",
        "department": "Steueramt",
        "kind": "Hundesteuer-Anmeldung",
        "begun": date(2026, 2, 20),
        "closed": date(2026, 4, 15),
        "retention_years": 10,
        "retention_end": date(2036, 4, 15),
        "documents": (notice,),
        "history": (xdomea.HistoryEntry(WHEN, "Rathaus (automatisch)", "Status geändert"),),
        **record,
    }
    return xdomea.Transfer(
        process_id=PROCESS,
        created_at=WHEN,
        sender=xdomea.Authority.parse("ags:07312000", "Stadtverwaltung Kaiserslautern"),
        recipient=xdomea.Authority.parse("dvdv:stadtarchiv", "Stadtarchiv"),
        system="Rathaus",
        system_version="0.1.0",
        record=xdomea.Record(**values),
    )


def test_the_message_fits_the_structure_and_names_its_files_by_uuid():
    message = transfer()
    root = xdomea.transfer_xml(message)

    xdomea.validate(root)
    with zipfile.ZipFile(io.BytesIO(xdomea.transfer_zip(message))) as archive:
        names = archive.namelist()
    assert names == [f"{PROCESS}_Aussonderung.Aussonderung.0503.xml", f"{DOCUMENT}_Bescheid_1.pdf"]


def test_the_same_values_give_the_same_bytes():
    assert xdomea.transfer_zip(transfer()) == xdomea.transfer_zip(transfer())


def test_a_message_without_the_required_elements_is_refused():
    root = xdomea.transfer_xml(transfer())
    head = root.find(f"{{{xdomea.NS}}}Kopf")
    head.remove(head.find(f"{{{xdomea.NS}}}ProzessID"))

    with pytest.raises(xdomea.XdomeaInvalid) as refused:
        xdomea.validate(root)
    assert f"Expected is ( {{{xdomea.NS}}}ProzessID )" in str(refused.value)


def test_a_disposal_outside_the_code_list_is_refused():
    with pytest.raises(xdomea.XdomeaInvalid):
        xdomea.transfer_zip(transfer(disposal="X"))


def test_a_behoerdenkennung_needs_a_prefix():
    with pytest.raises(ValueError):
        xdomea.Authority.parse("07312000", "Stadt")
    assert xdomea.Authority.parse("ags:07312000", "Stadt").prefix == "ags:"


def acknowledgement(namespace=xdomea.NS, root="Aussonderung.AussonderungImportBestaetigen.0506"):
    x = f"{{{namespace}}}"
    answer = etree.Element(f"{x}{root}", nsmap={"xdomea": namespace})
    head = etree.SubElement(answer, f"{x}Kopf")
    etree.SubElement(head, f"{x}ProzessID").text = str(PROCESS)
    etree.SubElement(etree.SubElement(head, f"{x}Nachrichtentyp"), "code").text = "0506"
    etree.SubElement(head, f"{x}Erstellungszeitpunkt").text = WHEN.isoformat()
    etree.SubElement(head, f"{x}Absender")
    etree.SubElement(head, f"{x}Empfaenger")
    result = etree.SubElement(answer, f"{x}AusgesondertesSGO")
    etree.SubElement(result, f"{x}IDSGO").text = str(RECORD)
    etree.SubElement(result, f"{x}Erfolgreich").text = "0"
    etree.SubElement(result, f"{x}Fehlermeldung").text = "Format nicht zulässig"
    return etree.tostring(answer)


def test_an_acknowledgement_is_read_per_object():
    answer = xdomea.acknowledgement_parse(acknowledgement())

    assert answer.process_id == PROCESS
    assert answer.objects == (xdomea.ObjectResult(RECORD, False, ("Format nicht zulässig",)),)


def test_an_acknowledgement_of_another_3x_version_is_read_too():
    content = acknowledgement(namespace="urn:xoev-de:xdomea:schema:3.0.0")

    assert xdomea.acknowledgement_parse(content).objects[0].id == RECORD


@pytest.mark.parametrize(
    "content",
    [
        acknowledgement(root="Aussonderung.AnbietungEmpfangBestaetigen.0504"),
        acknowledgement(namespace="urn:xoev-de:xdomea:schema:2.3.0"),
        b"<not xml",
        b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    ],
)
def test_anything_else_is_refused(content):
    with pytest.raises(xdomea.XdomeaInvalid):
        xdomea.acknowledgement_parse(content)
