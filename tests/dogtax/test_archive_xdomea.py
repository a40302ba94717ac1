"""A closed dog-tax case goes to the archive as an xdomea Aussonderung (0503) before it is
anonymised; the archive's import acknowledgement (0506) lets anonymisation go ahead.

The archive is played by `Archive` below: it reads the ZIPs from the transfer directory with
its own parser, checks the message against the documented structure, and answers with an
acknowledgement in the inbox directory, as a real archive's transfer directory works.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import zipfile
from datetime import timedelta
from pathlib import Path
from uuid import uuid4

import pytest
from django.core.management import call_command
from django.utils import timezone
from lxml import etree

from rathaus.core.models import AuditEntry
from rathaus.eservices import workflow
from rathaus.eservices.archive import xdomea
from rathaus.eservices.models import ArchiveTransfer, Case, CaseEvent, Notice
from rathaus.eservices.models.cases import EventKind
from rathaus.eservices.outboxes import Parcel, outbox_for
from rathaus.eservices.outboxes.xdomea import XdomeaFolderOutbox
from rathaus.eservices.privacy import services_erase
from rathaus.eservices.services import archiving
from rathaus.eservices.services.archive import AnonymisationHeld, transfer_schedule
from rathaus.eservices.services.archiving import archive_run
from rathaus.eservices.services.cases import case_transition
from rathaus.eservices.services.mailbox import message_inform
from rathaus.eservices.services.retention import case_anonymise, retention_apply
from tests.core.test_html_validity import VNU
from tests.dogtax.factories import RegistrationFactory
from tests.factories import sign_in

NS = {"x": "urn:xoev-de:xdomea:schema:3.1.0"}
CITY = ("ags:", "07312000")
ARCHIVE = ("dvdv:", "stadtarchiv-kl")


class Crash(BaseException):
    """The process dies here (not an error the code could handle)."""


@pytest.fixture(autouse=True)
def _archiving(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.ESERVICES_OUTBOX_DIR = str(tmp_path / "outbox")
    settings.XDOMEA_ARCHIVE_ENABLED = True
    settings.XDOMEA_SENDER_AUTHORITY = "".join(CITY)
    settings.XDOMEA_SENDER_NAME = "Stadtverwaltung Kaiserslautern"
    settings.XDOMEA_ARCHIVE_AUTHORITY = "".join(ARCHIVE)
    settings.XDOMEA_ARCHIVE_NAME = "Stadtarchiv Kaiserslautern"
    settings.XDOMEA_OUTBOX = "xdomea.folder"
    settings.XDOMEA_DROP_DIR = str(tmp_path / "transfer")
    settings.XDOMEA_INBOX_DIR = str(tmp_path / "inbox")


class Archive:
    """The archive at the other end of the transfer directory."""

    def __init__(self, drop: Path, inbox: Path):
        self.drop, self.inbox = drop, inbox

    def messages(self) -> list[Path]:
        return sorted(self.drop.glob("*.zip")) if self.drop.is_dir() else []

    def take(self) -> tuple[Path, etree._Element, dict[str, bytes]]:
        [path] = self.messages()
        with zipfile.ZipFile(path) as archive:
            files = {name: archive.read(name) for name in archive.namelist()}
        xml_name = path.name.removesuffix(".zip") + ".xml"
        root = etree.fromstring(files.pop(xml_name))
        return path, root, files

    def answer(self, root, *, failing: dict[str, str] | None = None, as_zip=False) -> None:
        """An 0506: every object of the message imported, except those in `failing`."""
        failing = failing or {}
        x = f"{{{NS['x']}}}"
        process_id = root.findtext("x:Kopf/x:ProzessID", namespaces=NS)
        answer = etree.Element(
            f"{x}Aussonderung.AussonderungImportBestaetigen.0506", nsmap={"xdomea": NS["x"]}
        )
        head = etree.SubElement(answer, f"{x}Kopf")
        etree.SubElement(head, f"{x}ProzessID").text = process_id
        kind = etree.SubElement(
            head,
            f"{x}Nachrichtentyp",
            listURI="urn:xoev-de:xdomea:codeliste:nachrichtentyp",
            listVersionID="2.0",
        )
        etree.SubElement(kind, "code").text = "0506"
        etree.SubElement(head, f"{x}Erstellungszeitpunkt").text = timezone.now().isoformat()
        for role in ("Absender", "Empfaenger"):
            contact = etree.SubElement(head, f"{x}{role}")
            etree.SubElement(etree.SubElement(contact, f"{x}Institution"), f"{x}Name").text = role
        ids = [e.text for e in root.iterfind(".//x:Identifikation/x:ID", NS)]
        for number, object_id in enumerate(ids, start=1):
            result = etree.SubElement(answer, f"{x}AusgesondertesSGO")
            etree.SubElement(result, f"{x}IDSGO").text = object_id
            etree.SubElement(result, f"{x}Erfolgreich").text = "0" if object_id in failing else "1"
            if object_id in failing:
                etree.SubElement(result, f"{x}Fehlermeldung").text = failing[object_id]
            else:
                etree.SubElement(result, f"{x}Archivkennung").text = f"StAKL-{number}"
        content = etree.tostring(answer, xml_declaration=True, encoding="UTF-8")
        name = f"{process_id}_Aussonderung.AussonderungImportBestaetigen.0506"
        self.inbox.mkdir(parents=True, exist_ok=True)
        if as_zip:
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as archive:
                archive.writestr(f"{name}.xml", content)
            (self.inbox / f"{name}.zip").write_bytes(buffer.getvalue())
        else:
            (self.inbox / f"{name}.xml").write_bytes(content)


@pytest.fixture
def archive(tmp_path):
    return Archive(tmp_path / "transfer", tmp_path / "inbox")


@pytest.fixture
def closed_case(services, keeper, tax_clerk):
    case = RegistrationFactory(applicant=keeper)
    message_inform(case=case, body="Bitte die Marke sichtbar tragen.", actor=tax_clerk)
    case = case_transition(
        case=case, to=workflow.CLOSED, actor=tax_clerk, actor_kind=workflow.STAFF
    )
    case.refresh_from_db()
    return case


def expired(case: Case):
    return timezone.now() + timedelta(days=case.service.case_retention_days + 1)


def test_a_closed_dog_tax_case_past_its_retention_goes_to_the_archive_as_an_xdomea_zip(
    closed_case, archive
):
    done = retention_apply(now=expired(closed_case))

    assert (done["cases_handed_to_archive"], done["cases_anonymised"]) == (1, 0)
    closed_case.refresh_from_db()
    assert closed_case.anonymised_at is None
    transfer = ArchiveTransfer.objects.get(case=closed_case)
    assert transfer.status == "sent"
    path, root, files = archive.take()
    assert path.name == f"{transfer.process_id}_Aussonderung.Aussonderung.0503.zip"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == transfer.message_sha256

    xdomea.validate(root)
    assert root.tag == "{urn:xoev-de:xdomea:schema:3.1.0}Aussonderung.Aussonderung.0503"
    head = root.find("x:Kopf", NS)
    assert head.findtext("x:ProzessID", namespaces=NS) == str(transfer.process_id)
    assert head.findtext("x:Nachrichtentyp/code", namespaces=NS) == "0503"
    for role, (prefix, key) in (("Absender", CITY), ("Empfaenger", ARCHIVE)):
        identity = head.find(f"x:{role}/x:Behoerdenkennung", NS)
        assert identity.findtext("x:Praefix/code", namespaces=NS) == prefix
        assert identity.findtext("x:Behoerdenschluessel/code", namespaces=NS) == key
    assert head.findtext("x:Importbestaetigung", namespaces=NS) == "1"

    [vorgang] = root.findall("x:Schriftgutobjekt/x:Vorgang", NS)
    assert vorgang.findtext("x:Identifikation/x:ID", namespaces=NS) == str(transfer.record_id)
    general = vorgang.find("x:AllgemeineMetadaten", NS)
    assert general.findtext("x:Kennzeichen", namespaces=NS) == closed_case.reference
    assert closed_case.reference in general.findtext("x:Betreff", namespaces=NS)
    assert general.findtext("x:Federfuehrung", namespaces=NS) == "Steueramt"
    archival = vorgang.find("x:ArchivspezifischeMetadaten", NS)
    years = -(-closed_case.service.case_retention_days // 365)
    assert archival.findtext("x:Aufbewahrungsdauer/x:AnzahlJahre", namespaces=NS) == str(years)
    assert archival.findtext("x:Aussonderungsart/x:Aussonderungsart/code", namespaces=NS) == "A"
    closed_on = timezone.localtime(closed_case.finished_at).date().isoformat()
    assert vorgang.findtext("x:Laufzeit/x:Ende", namespaces=NS) == closed_on
    assert vorgang.findtext("x:ZdA", namespaces=NS) == "1"
    history = vorgang.findall("x:HistorienProtokollInformation", NS)
    assert len(history) == closed_case.events.count()
    assert {"abgeschlossen", "entschieden"} <= {
        h.findtext("x:MetadatumNeuerWert", namespaces=NS) for h in history
    }
    contact = vorgang.find("x:Kontakt/x:Name", NS)
    assert contact.findtext("x:Familienname/x:Name", namespaces=NS) == "Citizen"

    documents = vorgang.findall("x:Dokument", NS)
    assert [d.findtext("x:Typ", namespaces=NS) for d in documents] == [
        "Antrag",
        "Bescheid",
        "Nachricht",
    ]
    named = {
        d.findtext("x:Version/x:Format/x:Primaerdokument/x:Dateiname", namespaces=NS): d
        for d in documents
    }
    assert set(named) == set(files)
    notice = Notice.objects.get(case=closed_case)
    hashes = {hashlib.sha256(content).hexdigest() for content in files.values()}
    assert {notice.sha256, closed_case.receipt_sha256} <= hashes
    for name, document in named.items():
        assert name.startswith(document.findtext("x:Identifikation/x:ID", namespaces=NS) + "_")
    [message] = [content for name, content in files.items() if name.endswith(".txt")]
    assert message == b"Bitte die Marke sichtbar tragen."


def test_the_archives_acknowledgement_lets_anonymisation_go_ahead(closed_case, archive):
    retention_apply(now=expired(closed_case))
    _, root, _ = archive.take()
    archive.answer(root)

    done = archive_run()

    assert done["acknowledgements_read"] == 1
    closed_case.refresh_from_db()
    assert closed_case.anonymised_at is not None
    assert (closed_case.applicant, closed_case.answers) == (None, {})
    transfer = ArchiveTransfer.objects.get(case=closed_case)
    assert transfer.status == "accepted"
    assert transfer.archive_ids[str(transfer.record_id)] == "StAKL-1"
    assert CaseEvent.objects.filter(case=closed_case, kind=EventKind.ARCHIVED).exists()
    assert list((archive.inbox / "processed").iterdir())
    assert AuditEntry.objects.filter(action="eservices.archive.accepted").exists()


def test_a_zipped_acknowledgement_read_by_the_command_works_too(closed_case, archive, capsys):
    retention_apply(now=expired(closed_case))
    _, root, _ = archive.take()
    archive.answer(root, as_zip=True)
    [path] = archive.inbox.iterdir()

    call_command("eservices_archive", "--acknowledgement", str(path))

    assert "accepted" in capsys.readouterr().out
    closed_case.refresh_from_db()
    assert closed_case.anonymised_at is not None


def test_a_rejection_keeps_the_case_and_shows_it_to_staff_who_can_hand_it_over_again(
    closed_case, archive, client, tax_clerk
):
    retention_apply(now=expired(closed_case))
    path, root, _ = archive.take()
    notice_id = root.findall(".//x:Dokument/x:Identifikation/x:ID", NS)[1].text
    archive.answer(root, failing={notice_id: "PDF/A-Prüfung fehlgeschlagen"})

    archive_run()
    retention_apply(now=expired(closed_case) + timedelta(days=30))

    closed_case.refresh_from_db()
    assert closed_case.anonymised_at is None
    transfer = ArchiveTransfer.objects.get(case=closed_case)
    assert transfer.status == "rejected"
    assert transfer.rejections[0]["errors"] == ["PDF/A-Prüfung fehlgeschlagen"]
    sign_in(client, tax_clerk)
    page = client.get("/backoffice/services/archive/").content.decode()
    assert closed_case.reference in page
    assert "PDF/A-Prüfung fehlgeschlagen" in page
    detail = client.get(closed_case.get_backoffice_url()).content.decode()
    assert "vom Archiv abgelehnt" in detail

    client.post(f"/backoffice/services/archive/{transfer.process_id}/again/")
    archive_run()

    transfer.refresh_from_db()
    assert transfer.status == "sent"
    path.unlink()
    _, root, _ = archive.take()
    assert root.findtext("x:Kopf/x:ProzessID", namespaces=NS) == str(transfer.process_id)
    archive.answer(root)
    archive_run()
    closed_case.refresh_from_db()
    assert closed_case.anonymised_at is not None


def test_a_retry_never_makes_a_second_message_for_the_same_case(closed_case, archive):
    later = expired(closed_case)

    retention_apply(now=later)
    retention_apply(now=later)
    transfer_schedule(case=closed_case)
    archive_run(now=later)

    assert ArchiveTransfer.objects.filter(case=closed_case).count() == 1
    assert len(archive.messages()) == 1


def test_a_crash_between_export_and_acknowledgement_loses_nothing(
    closed_case, archive, monkeypatch
):
    deliver = XdomeaFolderOutbox.deliver

    def deliver_then_die(self, parcel):
        deliver(self, parcel)
        raise Crash

    monkeypatch.setattr(XdomeaFolderOutbox, "deliver", deliver_then_die)
    with pytest.raises(Crash):
        retention_apply(now=expired(closed_case))
    [written] = archive.messages()
    first = written.read_bytes()
    transfer = ArchiveTransfer.objects.get(case=closed_case)
    assert (transfer.status, transfer.attempts) == ("pending", 0)
    closed_case.refresh_from_db()
    assert closed_case.anonymised_at is None

    monkeypatch.setattr(XdomeaFolderOutbox, "deliver", deliver)
    archive_run()

    transfer.refresh_from_db()
    assert transfer.status == "sent"
    assert archive.messages() == [written]
    assert written.read_bytes() == first
    _, root, _ = archive.take()
    archive.answer(root)

    anonymise = archiving.case_anonymise

    def die(**kwargs):
        raise Crash

    monkeypatch.setattr(archiving, "case_anonymise", die)
    with pytest.raises(Crash):
        archive_run()
    monkeypatch.setattr(archiving, "case_anonymise", anonymise)
    closed_case.refresh_from_db()
    assert closed_case.anonymised_at is None
    archive_run()

    closed_case.refresh_from_db()
    assert closed_case.anonymised_at is not None


def test_nothing_anonymises_a_case_the_archive_has_not_acknowledged(closed_case, archive):
    retention_apply(now=expired(closed_case))
    Case.objects.filter(pk=closed_case.pk).update(finished_at=timezone.now() - timedelta(days=4000))

    with pytest.raises(AnonymisationHeld):
        case_anonymise(case=closed_case)
    result = services_erase(closed_case.applicant)

    assert (result["cases_anonymised"], result["cases_kept"]) == (0, 1)
    closed_case.refresh_from_db()
    assert closed_case.anonymised_at is None
    assert closed_case.answers


def test_an_acknowledgement_for_an_unknown_process_is_set_aside(closed_case, archive):
    retention_apply(now=expired(closed_case))
    _, root, _ = archive.take()
    root.find("x:Kopf/x:ProzessID", NS).text = str(uuid4())
    archive.answer(root)

    done = archive_run()

    assert done["acknowledgements_failed"] == 1
    assert list((archive.inbox / "failed").glob("*.error.txt"))
    closed_case.refresh_from_db()
    assert closed_case.anonymised_at is None


def test_with_archiving_off_the_case_is_anonymised_as_before(closed_case, archive, settings):
    settings.XDOMEA_ARCHIVE_ENABLED = False

    done = retention_apply(now=expired(closed_case))

    assert (done["cases_anonymised"], done["cases_handed_to_archive"]) == (1, 0)
    assert not ArchiveTransfer.objects.exists()
    assert archive.messages() == []
    assert archive_run() == {}


def test_only_the_configured_services_go_to_the_archive(closed_case, archive, settings):
    settings.XDOMEA_SERVICES = ["kindergeld"]

    done = retention_apply(now=expired(closed_case))

    assert done["cases_anonymised"] == 1
    assert archive.messages() == []


def test_the_archive_outbox_takes_archive_messages_only(archive):
    parcel = Parcel(reference="KL-2026-000001", data={}, documents=[("x.pdf", b"%PDF")])

    with pytest.raises(ValueError):
        outbox_for("xdomea.folder").deliver(parcel)
    assert archive.messages() == []


def test_an_unreachable_archive_is_tried_again_and_then_shown_as_failed(
    closed_case, archive, settings, monkeypatch
):
    settings.ESERVICES_DELIVERY_ATTEMPTS = 2

    def unreachable(self, parcel):
        raise ConnectionError("transfer share not mounted")

    monkeypatch.setattr(XdomeaFolderOutbox, "deliver", unreachable)
    retention_apply(now=expired(closed_case))
    transfer = ArchiveTransfer.objects.get(case=closed_case)
    assert (transfer.status, transfer.attempts) == ("pending", 1)
    assert "transfer share not mounted" in transfer.last_error

    archive_run(now=timezone.now() + timedelta(hours=1))

    transfer.refresh_from_db()
    assert (transfer.status, transfer.next_attempt_at) == ("failed", None)
    closed_case.refresh_from_db()
    assert closed_case.anonymised_at is None


def test_the_storage_outbox_puts_the_message_into_the_file_storage(closed_case, settings):
    settings.XDOMEA_OUTBOX = "xdomea.storage"

    retention_apply(now=expired(closed_case))

    transfer = ArchiveTransfer.objects.get(case=closed_case)
    name = f"xdomea/outbox/{transfer.process_id}_Aussonderung.Aussonderung.0503.zip"
    stored = Path(settings.MEDIA_ROOT) / name
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == transfer.message_sha256


@pytest.mark.skipif(shutil.which("java") is None or not VNU.exists(), reason="needs Java and vnu")
def test_the_archive_pages_are_valid_html(closed_case, archive, client, tax_clerk, tmp_path):
    retention_apply(now=expired(closed_case))
    _, root, _ = archive.take()
    notice_id = root.findall(".//x:Dokument/x:Identifikation/x:ID", NS)[1].text
    archive.answer(root, failing={notice_id: "PDF/A-Prüfung fehlgeschlagen"})
    archive_run()
    sign_in(client, tax_clerk)
    files = []
    case_page = closed_case.get_backoffice_url()
    german_first = ["/backoffice/services/archive/", "/backoffice/", case_page]
    for number, path in enumerate([*german_first, "/en/backoffice/services/archive/"]):
        response = client.get(path)
        assert response.status_code == 200, path
        files.append(tmp_path / f"{number}.html")
        files[-1].write_bytes(response.content)

    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        check=True,
    )

    messages = json.loads(result.stderr)["messages"]
    assert [m["message"] for m in messages if m["type"] == "error"] == []
