"""xdomea 3.1.0 for the archive: the Aussonderung message 0503 out, the import acknowledgement
0506 in (no Django import: plain values in, XML and ZIP bytes out).

A message is one Vorgang (a closed case) with its documents, metadata and history. The ZIP holds
`<ProzessID>_Aussonderung.Aussonderung.0503.xml` and each primary document under the file name
the XML gives it (`<document UUID>_<name>`). Everything is derived from the values given, so the
same values always give the same bytes: a retry hands over the identical message.

Elements and their order follow the published specification; `validate` checks a message
against the subset schema beside this module (what it covers: ADR 0281).
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from uuid import UUID

from lxml import etree

NS = "urn:xoev-de:xdomea:schema:3.1.0"
NS_PREFIX = "urn:xoev-de:xdomea:schema:"
TRANSFER = "Aussonderung.Aussonderung.0503"
ACKNOWLEDGEMENT = "Aussonderung.AussonderungImportBestaetigen.0506"
MESSAGE_TYPES = {TRANSFER: "0503", ACKNOWLEDGEMENT: "0506"}
LIST_MESSAGE_TYPE = ("urn:xoev-de:xdomea:codeliste:nachrichtentyp", "2.0")
LIST_DISPOSAL = ("urn:xoev-de:xdomea:codeliste:aussonderungsart", "1.0")
LIST_FILE_FORMAT = "urn:xoev-de:xdomea:codeliste:dateiformat"
FORMAT_OTHER = "100"  # "Sonstiges": the format's name then goes into SonstigerName
SCHEMA_FILE = Path(__file__).with_name("xdomea-3.1.0-subset.xsd")
# Inside the ZIP, every file gets this time: the same message gives the same bytes.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
MAX_ACKNOWLEDGEMENT_BYTES = 5 * 1024 * 1024


class XdomeaInvalid(ValueError):
    """A message that does not have the structure xdomea prescribes (the errors are listed)."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors[:5]))
        self.errors = errors


@dataclass(frozen=True)
class Authority:
    """A Behoerdenkennung ("ags:07312000": prefix and key) and the authority's name."""

    prefix: str
    key: str
    name: str

    @classmethod
    def parse(cls, text: str, name: str) -> Authority:
        prefix, colon, key = text.strip().rpartition(":")
        if not colon or not key:
            raise ValueError(f"A Behoerdenkennung is written PREFIX:KEY, not {text!r}.")
        return cls(prefix=f"{prefix}:", key=key, name=name)


@dataclass(frozen=True)
class PrimaryFile:
    original_name: str
    content: bytes
    created_at: datetime
    format_name: str  # "PDF", "PNG", ...
    format_version: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass(frozen=True)
class Document:
    id: UUID
    subject: str
    kind: str  # Typ: Antrag, Bescheid, Nachweis
    dated: date
    file: PrimaryFile

    @property
    def file_name(self) -> str:
        """UUID_name.ext, as the standard's file-name pattern wants it."""
        stem = Path(self.file.original_name).name.replace(" ", "_") or "dokument"
        return f"{self.id}_{stem}"


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    actor: str
    action: str
    field: str = ""
    old: str = ""
    new: str = ""


@dataclass(frozen=True)
class Record:
    """The Vorgang: a closed case."""

    id: UUID
    subject: str
    reference: str
    department: str
    kind: str
    begun: date
    closed: date
    retention_years: int
    retention_end: date
    disposal: str = "A"  # archivwürdig
    documents: tuple[Document, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    applicant_given_name: str = ""
    applicant_family_name: str = ""


@dataclass(frozen=True)
class Transfer:
    process_id: UUID
    created_at: datetime
    sender: Authority
    recipient: Authority
    system: str
    system_version: str
    record: Record
    file_format_list_version: str = "2.0"

    @property
    def name(self) -> str:
        return f"{self.process_id}_{TRANSFER}"

    @property
    def zip_name(self) -> str:
        return f"{self.name}.zip"


@dataclass(frozen=True)
class ObjectResult:
    id: UUID
    success: bool
    errors: tuple[str, ...] = ()
    archive_id: str = ""


@dataclass(frozen=True)
class Acknowledgement:
    process_id: UUID
    created_at: str
    objects: tuple[ObjectResult, ...] = field(default_factory=tuple)


def _el(parent, name: str, text: str | None = None, **attributes):
    element = etree.SubElement(parent, f"{{{NS}}}{name}", **attributes)
    if text is not None:
        element.text = text
    return element


def _code(parent, name: str, code: str, *, listing: tuple[str, str] | None = None, **attributes):
    if listing is not None:
        attributes = {"listURI": listing[0], "listVersionID": listing[1], **attributes}
    element = _el(parent, name, **attributes)
    etree.SubElement(element, "code").text = code  # unqualified, as the code types declare
    return element


def _flag(value: bool) -> str:
    return "1" if value else "0"


def _contact(parent, name: str, authority: Authority) -> None:
    contact = _el(parent, name)
    identity = _el(contact, "Behoerdenkennung")
    _code(identity, "Behoerdenschluessel", authority.key)
    _code(identity, "Praefix", authority.prefix)
    _el(_el(contact, "Institution"), "Name", authority.name)


def transfer_xml(transfer: Transfer) -> etree._Element:
    """The 0503 message as an element tree."""
    root = etree.Element(f"{{{NS}}}{TRANSFER}", nsmap={"xdomea": NS})
    head = _el(root, "Kopf")
    _el(head, "ProzessID", str(transfer.process_id))
    _code(head, "Nachrichtentyp", MESSAGE_TYPES[TRANSFER], listing=LIST_MESSAGE_TYPE)
    _el(head, "Erstellungszeitpunkt", transfer.created_at.isoformat(timespec="seconds"))
    _contact(head, "Absender", transfer.sender)
    _contact(head, "Empfaenger", transfer.recipient)
    system = _el(head, "SendendesSystem")
    _el(system, "Produktname", transfer.system)
    _el(system, "Version", transfer.system_version)
    _el(head, "Importbestaetigung", "1")
    _el(head, "RueckmeldungArchivkennung", "1")
    _el(head, "Empfangsbestaetigung", "0")
    _record(_el(_el(root, "Schriftgutobjekt"), "Vorgang"), transfer)
    return root


def _record(vorgang, transfer: Transfer) -> None:
    record = transfer.record
    _el(_el(vorgang, "Identifikation"), "ID", str(record.id))
    general = _el(vorgang, "AllgemeineMetadaten")
    _el(general, "Betreff", record.subject)
    _el(general, "Kennzeichen", record.reference)
    _el(general, "Federfuehrung", record.department)
    archival = _el(vorgang, "ArchivspezifischeMetadaten")
    _el(_el(archival, "Aufbewahrungsdauer"), "AnzahlJahre", str(record.retention_years))
    _code(
        _el(archival, "Aussonderungsart"),
        "Aussonderungsart",
        record.disposal,
        listing=LIST_DISPOSAL,
    )
    _el(archival, "Aufbewahrungsende", record.retention_end.isoformat())
    _el(vorgang, "Typ", record.kind)
    _el(vorgang, "ZdA", _flag(True))
    _el(vorgang, "ZdADatum", record.closed.isoformat())
    period = _el(vorgang, "Laufzeit")
    _el(period, "Beginn", record.begun.isoformat())
    _el(period, "Ende", record.closed.isoformat())
    for entry in record.history:
        history = _el(vorgang, "HistorienProtokollInformation")
        if entry.field:
            _el(history, "MetadatumName", entry.field)
            _el(history, "MetadatumAlterWert", entry.old)
            _el(history, "MetadatumNeuerWert", entry.new)
        _el(history, "Akteur", entry.actor)
        _el(history, "DatumUhrzeit", entry.at.isoformat(timespec="seconds"))
        _el(history, "Aktion", entry.action)
    for number, document in enumerate(record.documents, start=1):
        _document(vorgang, document, number, transfer.file_format_list_version)
    if record.applicant_family_name or record.applicant_given_name:
        name = _el(_el(vorgang, "Kontakt"), "Name")
        if record.applicant_family_name:
            _el(_el(name, "Familienname"), "Name", record.applicant_family_name)
        if record.applicant_given_name:
            _el(_el(name, "Vorname"), "Name", record.applicant_given_name)


def _document(parent, document: Document, number: int, list_version: str) -> None:
    element = _el(parent, "Dokument")
    identity = _el(element, "Identifikation")
    _el(identity, "ID", str(document.id))
    _el(identity, "NummerImUebergeordnetenContainer", str(number))
    _el(_el(element, "AllgemeineMetadaten"), "Betreff", document.subject)
    _el(element, "DatumDesSchreibens", document.dated.isoformat())
    _el(element, "Typ", document.kind)
    version = _el(element, "Version")
    _el(version, "Nummer", "1")
    file_format = _el(version, "Format")
    _code(file_format, "Name", FORMAT_OTHER, listing=(LIST_FILE_FORMAT, list_version))
    _el(file_format, "SonstigerName", document.file.format_name)
    _el(file_format, "Version", document.file.format_version)
    primary = _el(file_format, "Primaerdokument")
    _el(primary, "Dateiname", document.file_name)
    _el(primary, "DateinameOriginal", document.file.original_name)
    _el(primary, "DatumUhrzeit", document.file.created_at.isoformat(timespec="seconds"))


def serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


_SCHEMA: etree.XMLSchema | None = None


def schema() -> etree.XMLSchema:
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = etree.XMLSchema(etree.parse(str(SCHEMA_FILE)))
    return _SCHEMA


def validate(root: etree._Element) -> None:
    """Raise XdomeaInvalid unless the tree fits the subset schema."""
    checker = schema()
    if not checker.validate(root):
        raise XdomeaInvalid([f"line {e.line}: {e.message}" for e in checker.error_log])


def transfer_zip(transfer: Transfer) -> bytes:
    """The message as xdomea hands it over: the XML and the primary documents in one ZIP."""
    root = transfer_xml(transfer)
    validate(root)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        entries = [(f"{transfer.name}.xml", serialise(root))]
        entries += [(d.file_name, d.file.content) for d in transfer.record.documents]
        for name, content in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return buffer.getvalue()


def _parse(content: bytes) -> etree._Element:
    if len(content) > MAX_ACKNOWLEDGEMENT_BYTES:
        raise XdomeaInvalid(["The message is larger than an acknowledgement can be."])
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError as error:
        raise XdomeaInvalid([f"not well-formed XML: {error}"]) from None


def acknowledgement_parse(content: bytes) -> Acknowledgement:
    """Read an Aussonderung.AussonderungImportBestaetigen.0506 of xdomea 3.x.

    Other 3.x minor versions are read with the elements 3.1.0 defines (they are the same for
    this message); anything else is refused.
    """
    root = _parse(content)
    qname = etree.QName(root)
    if (
        not (qname.namespace or "").startswith(f"{NS_PREFIX}3.")
        or qname.localname != ACKNOWLEDGEMENT
    ):
        raise XdomeaInvalid([f"not an xdomea 3 {ACKNOWLEDGEMENT}: {root.tag}"])
    if qname.namespace != NS:
        for element in root.iter():
            if isinstance(element.tag, str) and etree.QName(element).namespace == qname.namespace:
                element.tag = f"{{{NS}}}{etree.QName(element).localname}"
    validate(root)
    ns = {"x": NS}
    objects = []
    for entry in root.iterfind("x:AusgesondertesSGO", ns):
        objects.append(
            ObjectResult(
                id=UUID(entry.findtext("x:IDSGO", namespaces=ns).strip()),
                success=entry.findtext("x:Erfolgreich", namespaces=ns).strip() in ("1", "true"),
                errors=tuple(
                    (text.text or "").strip() for text in entry.iterfind("x:Fehlermeldung", ns)
                ),
                archive_id=(entry.findtext("x:Archivkennung", namespaces=ns) or "").strip(),
            )
        )
    return Acknowledgement(
        process_id=UUID(root.findtext("x:Kopf/x:ProzessID", namespaces=ns).strip()),
        created_at=root.findtext("x:Kopf/x:Erstellungszeitpunkt", namespaces=ns).strip(),
        objects=tuple(objects),
    )


def acknowledgement_from_zip(content: bytes) -> bytes:
    """The 0506 XML out of a ZIP the archive sent (a ZIP with exactly one such XML)."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = [n for n in archive.namelist() if n.endswith(f"{ACKNOWLEDGEMENT}.xml")]
        if len(names) != 1:
            raise XdomeaInvalid([f"the ZIP holds {len(names)} {ACKNOWLEDGEMENT} messages"])
        if archive.getinfo(names[0]).file_size > MAX_ACKNOWLEDGEMENT_BYTES:
            raise XdomeaInvalid(["The message is larger than an acknowledgement can be."])
        return archive.read(names[0])
