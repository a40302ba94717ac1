"""The annual assessment: one notice per liable household, restartable, payment files."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from rathaus.core.models import AuditEntry
from rathaus.dogtax import taxrules
from rathaus.dogtax.models import AssessmentItem, AssessmentRun, TaxAccount, TaxNotice
from rathaus.dogtax.services import (
    assessment_process,
    assessment_start,
)
from rathaus.dogtax.services.assessment import AssessmentError
from rathaus.dogtax.taxrules import default_statute
from rathaus.eservices.models import Letter, Mandate
from tests.dogtax.factories import DogFactory, TaxAccountFactory

YEAR = 2027


@pytest.fixture
def households(stored_statute, tax_office):
    """Three liable households (one with two dogs, one with a mandate) and one whose only dog
    was given up before the year."""
    one = TaxAccountFactory(name="Anna Schmidt")
    DogFactory(account=one, name="Bello", kept_since=date(2020, 3, 1))
    DogFactory(account=one, name="Luna", kept_since=date(2027, 3, 3))
    two = TaxAccountFactory(name="Ben Becker")
    DogFactory(account=two, name="Rex", kept_since=date(2024, 5, 10))
    Mandate.objects.create(
        reference="HUND-000001",
        debtor_name="Ben Becker",
        iban="DE75512108001245126199",
        signed_on=date(2026, 12, 1),
    )
    TaxAccount.objects.filter(pk=two.pk).update(sepa_mandate_reference="HUND-000001")
    three = TaxAccountFactory(name="Clara Klein")
    DogFactory(account=three, name="Nala", kept_since=date(2025, 1, 1), exemption_code="shelter")
    gone = TaxAccountFactory(name="Gone Away")
    DogFactory(account=gone, name="Old", kept_since=date(2015, 1, 1), given_up_on=date(2026, 6, 1))
    return [one, two, three]


def run_all(year=YEAR, **options):
    run = assessment_start(year=year, actor=None, issued_on=date(2027, 1, 10), background=False)
    return assessment_process(run=run, **options)


def test_one_notice_per_liable_household_with_the_rules_totals(households):
    run = run_all()

    assert run.state == AssessmentRun.State.FINISHED
    assert (run.total, run.done, run.failed) == (3, 3, 0)
    notices = TaxNotice.objects.filter(year=YEAR, kind=TaxNotice.Kind.ANNUAL)
    assert notices.count() == 3
    statute = default_statute("kaiserslautern")
    one = notices.get(account=households[0])
    expected = taxrules.assess(
        statute=statute,
        year=YEAR,
        keeper=taxrules.Keeper(),
        dogs=[
            taxrules.Dog(ref="a", kept_since=date(2020, 3, 1)),
            taxrules.Dog(ref="b", kept_since=date(2027, 3, 3)),
        ],
    )
    assert one.total == expected.total == Decimal("246.00")
    assert notices.get(account=households[1]).total == Decimal("120.00")
    # shelter: the first 24 months of liability (Feb 2025 – Jan 2027) are exempt
    assert notices.get(account=households[2]).total == Decimal("110.00")
    item = AssessmentItem.objects.get(run=run, account=households[0])
    assert item.file.read().startswith(b"%PDF")
    assert [row["amount"] for row in item.payable] == ["30.00", "72.00", "72.00", "72.00"]
    assert AuditEntry.objects.filter(action="dogtax.assessment.finish").count() == 1


def test_a_second_start_returns_the_same_run(households):
    first = assessment_start(year=YEAR, actor=None, background=False)
    again = assessment_start(year=YEAR, actor=None, background=False)
    assert first == again
    assert AssessmentRun.objects.count() == 1
    assert AuditEntry.objects.filter(action="dogtax.assessment.start").count() == 1


def test_a_year_without_rates_cannot_be_started(households):
    with pytest.raises(AssessmentError):
        assessment_start(year=2010, actor=None)


def test_an_interrupted_run_continues_without_writing_a_notice_twice(households):
    run = assessment_start(year=YEAR, actor=None, background=False)
    part = assessment_process(run=run, batch_size=1, max_batches=2)
    assert part.state == AssessmentRun.State.RUNNING
    assert (part.done, part.total) == (2, 3)
    assert TaxNotice.objects.filter(kind=TaxNotice.Kind.ANNUAL).count() == 2

    call_command("dogtax_assessment", "--year", str(YEAR))
    call_command("dogtax_assessment", "--year", str(YEAR))

    run.refresh_from_db()
    assert run.state == AssessmentRun.State.FINISHED
    assert TaxNotice.objects.filter(kind=TaxNotice.Kind.ANNUAL).count() == 3
    assert AssessmentItem.objects.filter(run=run).count() == 3
    assert run.exports.filter(kind="csv").count() == 1


def test_a_failing_household_is_listed_and_retried(households, monkeypatch):
    from rathaus.dogtax.services import assessment as module

    real = module.render_notice

    def broken(**kwargs):
        if kwargs["account"].pk == households[1].pk:
            raise RuntimeError("printer on fire")
        return real(**kwargs)

    monkeypatch.setattr(module, "render_notice", broken)
    run = run_all()
    assert run.state == AssessmentRun.State.FAILED
    item = AssessmentItem.objects.get(run=run, state="failed")
    assert "printer on fire" in item.error
    assert not TaxNotice.objects.filter(account=households[1], kind="annual").exists()
    assert not run.exports.exists()

    monkeypatch.setattr(module, "render_notice", real)
    run = assessment_process(run=run)
    assert run.state == AssessmentRun.State.FINISHED
    assert TaxNotice.objects.filter(kind="annual").count() == 3


def test_the_keeper_with_an_account_gets_the_notice_in_the_mailbox(households, client):
    from tests.factories import UserFactory, sign_in

    keeper = UserFactory(email="keeper@example.org")
    account = TaxAccountFactory(keeper=keeper, name="Kim Keeper")
    DogFactory(account=account, name="Frieda", kept_since=date(2023, 2, 2))
    other = UserFactory(email="other@example.org")

    run_all()

    letter = Letter.objects.get(recipient=keeper)
    sign_in(client, keeper)
    page = client.get("/services/mailbox/").content.decode()
    assert "Hundesteuerbescheid 2027" in page
    assert client.get(f"/services/mailbox/letters/{letter.pk}.pdf").status_code == 200
    sign_in(client, other)
    assert client.get(f"/services/mailbox/letters/{letter.pk}.pdf").status_code == 404
    from django.core import mail

    from rathaus.eservices.privacy import services_export

    export = services_export(keeper)
    assert export.data["letters"][0]["title"] == "Hundesteuerbescheid 2027"
    assert export.files[f"letters/{letter.pk}.pdf"].startswith(b"%PDF")
    assert mail.outbox == []


RUNS = "/backoffice/dogtax/assessment/"


@pytest.mark.parametrize("role", ["tax_clerk", "tax_lead"])
def test_the_tax_office_starts_after_confirming_and_sees_progress(
    client, households, request, role
):
    from tests.factories import sign_in

    sign_in(client, request.getfixturevalue(role))
    assert "Jahresveranlagung" in client.get(RUNS).content.decode()
    confirm = client.get(RUNS, {"year": YEAR}).content.decode()
    assert "3 Haushalte haben einen Hund" in confirm
    assert not AssessmentRun.objects.exists()

    response = client.post(RUNS + "start/", {"year": YEAR})

    assert response.status_code == 302
    run = AssessmentRun.objects.get(year=YEAR)
    page = client.get(response["Location"]).content.decode()
    assert "0 von 3 Haushalten" in page
    assert 'hx-trigger="every 2s"' in page
    assert "<progress" in page
    assessment_process(run=run)
    page = client.get(f"{RUNS}{YEAR}/", headers={"HX-Request": "true"}).content.decode()
    assert "3 von 3 Haushalten" in page
    assert "hx-trigger" not in page
    assert "Finanzverfahren (CSV)" in page
    assert "SEPA-Lastschriften fällig am 15. Februar 2027" in page


def test_downloads_are_audited(client, households, tax_clerk):
    from tests.factories import sign_in

    run = run_all()
    sign_in(client, tax_clerk)
    csv_export = run.exports.get(kind="csv")

    response = client.get(f"{RUNS}{YEAR}/files/{csv_export.pk}/")

    body = b"".join(response.streaming_content)
    assert response["Content-Type"].startswith("text/csv")
    assert body.startswith(
        b"\xef\xbb\xbfaccount_number;keeper;due_on;amount;payment_reference;mandate"
    )
    assert AuditEntry.objects.filter(action="dogtax.assessment.download").count() == 1


def test_notices_without_a_mailbox_come_as_one_zip_for_the_post(client, households, tax_clerk):
    import io
    import zipfile

    from tests.factories import UserFactory, sign_in

    keeper = UserFactory(email="keeper@example.org")
    account = TaxAccountFactory(keeper=keeper, name="Kim Keeper")
    DogFactory(account=account, name="Frieda", kept_since=date(2023, 2, 2))
    run_all()
    sign_in(client, tax_clerk)
    assert "3 Haushalte ohne Postfach" in client.get(f"{RUNS}{YEAR}/").content.decode()

    response = client.get(f"{RUNS}{YEAR}/files/notices-by-post.zip")

    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert archive.namelist() == [
        "00001-HSt-000001.pdf",
        "00002-HSt-000002.pdf",
        "00003-HSt-000003.pdf",
    ]
    assert archive.read("00001-HSt-000001.pdf").startswith(b"%PDF")
    assert AuditEntry.objects.filter(action="dogtax.assessment.download").count() == 1


@pytest.mark.parametrize("who", ["family_clerk", "anyone"])
def test_others_are_refused(client, households, request, who):
    from tests.factories import sign_in

    run = run_all()
    export = run.exports.first()
    sign_in(client, request.getfixturevalue(who))
    for path in (
        RUNS,
        f"{RUNS}{YEAR}/",
        f"{RUNS}{YEAR}/files/{export.pk}/",
        f"{RUNS}{YEAR}/files/notices-by-post.zip",
    ):
        assert client.get(path).status_code == 403
    assert client.post(RUNS + "start/", {"year": 2028}).status_code == 403
    assert client.post(f"{RUNS}{YEAR}/continue/").status_code == 403
    assert not AssessmentRun.objects.filter(year=2028).exists()


def test_direct_debit_files_are_schema_valid_one_per_due_date(households):
    from lxml import etree

    from rathaus.eservices.payments.sepa import validate_pain008

    run = run_all()

    files = list(run.exports.filter(kind="pain008").order_by("due_on"))
    assert [export.due_on for export in files] == [
        date(2027, 2, 15),
        date(2027, 5, 15),
        date(2027, 8, 15),
        date(2027, 11, 15),
    ]
    ns = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02"}
    sequences = []
    for export in files:
        xml = export.file.read()
        validate_pain008(xml)
        tree = etree.fromstring(xml)
        assert tree.findtext(".//p:ReqdColltnDt", namespaces=ns) == export.due_on.isoformat()
        assert tree.findtext(".//p:EndToEndId", namespaces=ns).startswith("HSt-000002-2027-")
        assert tree.findtext(".//p:DrctDbtTx/p:MndtRltdInf/p:MndtId", namespaces=ns) == (
            "HUND-000001"
        )
        assert export.count == 1 and export.total == Decimal("30.00")
        sequences.append(tree.findtext(".//p:SeqTp", namespaces=ns))
    assert sequences == ["FRST", "RCUR", "RCUR", "RCUR"]


def test_the_finance_csv_lists_every_amount_due(households):
    import csv
    import io

    run = run_all()

    export = run.exports.get(kind="csv")
    raw = export.file.read()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 12 == export.count
    assert rows[0] == {
        "account_number": "HSt-000001",
        "keeper": "Anna Schmidt",
        "due_on": "2027-02-15",
        "amount": "30.00",
        "payment_reference": "HSt-000001-2027",
        "mandate": "no",
    }
    assert {row["mandate"] for row in rows if row["account_number"] == "HSt-000002"} == {"yes"}
    assert sum(Decimal(row["amount"]) for row in rows) == Decimal("476.00") == export.total


def test_seeded_households_are_assessed(stored_statute, tax_office):
    call_command("dogtax_seed_households", "--count", "40", "--year", str(YEAR))

    assert TaxAccount.objects.count() == 40
    assert Mandate.objects.exists()
    run = run_all()
    assert run.state == AssessmentRun.State.FINISHED
    assert run.total == 40
    assert (
        TaxNotice.objects.filter(kind="annual").count()
        == AssessmentItem.objects.filter(run=run, state="done").count()
    )
    assert run.exports.filter(kind="pain008").exists()


def test_an_english_speaking_keeper_gets_the_notice_in_english(households):
    from pypdf import PdfReader

    from tests.factories import UserFactory

    keeper = UserFactory(email="keeper.en@example.org", english=True)
    account = TaxAccountFactory(keeper=keeper, name="Sam Smith")
    DogFactory(account=account, name="Rex", kept_since=date(2023, 2, 2))

    run_all()

    letter = Letter.objects.get(recipient=keeper)
    assert (letter.title, letter.language) == ("Dog tax notice 2027", "en")
    text = "".join(page.extract_text() for page in PdfReader(letter.file.open("rb")).pages)
    assert "Your dogs" in text
    assert "Rechtsbehelfsbelehrung" in text  # the binding German legal remedy stays


def test_the_annual_notice_announces_a_dog_liable_only_next_year(stored_statute, tax_office):
    """A dog taken in in December is named with its tag and the yearly amount from January on."""
    from pypdf import PdfReader

    from tests.factories import UserFactory

    keeper = UserFactory(email="keeper.december@example.org")
    account = TaxAccountFactory(keeper=keeper, name="Dora Dezember")
    DogFactory(account=account, name="Bello", kept_since=date(2020, 3, 1))
    luna = DogFactory(account=account, name="Luna", kept_since=date(YEAR, 12, 10))

    run_all()

    notice = TaxNotice.objects.get(account=account, year=YEAR, kind=TaxNotice.Kind.ANNUAL)
    lines = {line["name"]: line for line in notice.dogs}
    assert lines["Luna"]["amount"] == "0.00"
    assert Decimal(lines["Luna"]["next_year_amount"]) > 0
    following = sum(Decimal(line["next_year_amount"]) for line in notice.dogs)
    letter = Letter.objects.get(recipient=keeper)
    text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(letter.file.open("rb")).pages
    )
    tag = luna.current_tag.number
    assert f"Luna {tag} Im Jahr {YEAR} nicht steuerpflichtig." in text
    assert f"Steuerpflichtig ab Januar {YEAR + 1}." in text
    amount = f"{following:.2f}".replace(".", ",")
    assert f"Ab {YEAR + 1} beträgt die Hundesteuer für diese Hunde {amount} €" in text
