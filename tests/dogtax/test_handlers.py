"""The dog-tax services through the engine: automatic decisions, notices, the clerk's path."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from rathaus.dogtax.models import Dog, Tag, TaxNotice
from rathaus.eservices.handlers import Decision, Outcome
from rathaus.eservices.models import Case
from rathaus.eservices.services.decisions import case_decide
from rathaus.eservices.services.submission import SubmissionInvalid
from tests.dogtax.factories import ADDRESS, YEAR, DogCaseFactory, RegistrationFactory
from tests.factories import UserFactory


def pdf_text(notice) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils are not installed")
    notice.file.open("rb")
    content = notice.file.read()
    notice.file.close()
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    )
    return result.stdout.decode()


def girocode_of(notice, tmp_path) -> str:
    if not (shutil.which("pdftoppm") and shutil.which("zbarimg")):
        pytest.skip("poppler-utils and zbar-tools are not installed")
    pdf = tmp_path / "notice.pdf"
    notice.file.open("rb")
    pdf.write_bytes(notice.file.read())
    notice.file.close()
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / "page")], check=True)
    codes = []
    for image in sorted(tmp_path.glob("page*.png")):
        found = subprocess.run(
            ["zbarimg", "--quiet", "--raw", "-Sbinary", str(image)], capture_output=True
        )
        if found.returncode == 0:
            codes.append(found.stdout.decode())
    assert codes, "no QR code on any page"
    return codes[0]


def test_a_registration_is_decided_automatically_with_a_tax_notice(services, keeper, tmp_path):
    case = RegistrationFactory(applicant=keeper)

    assert case.status == "decided" and case.outcome == Outcome.GRANTED
    dog = Dog.objects.get()
    tag = dog.tags.get()
    assert dog.account.keeper == keeper and dog.account.number == "HSt-000001"
    recorded = TaxNotice.objects.get()
    assert recorded.total == Decimal("120.00") and recorded.notice == case.notices.get()
    text = pdf_text(case.notices.get())
    assert tag.number in text
    assert "HSt-000001" in text
    assert "Januar – Dezember" in text
    assert "120,00" in text and "erster Hund" in text
    flat = " ".join(text.split())
    with translation.override("de"):
        for item in recorded.installments:  # due dates depend on the day the notice is issued
            assert date_format(date.fromisoformat(item["due_on"]), "DATE_FORMAT") in flat
    assert "Widerspruch" in text
    payment = case.payments.get()
    code = girocode_of(case.notices.get(), tmp_path)
    assert "BCD" in code and f"EUR{payment.amount}" in code
    assert "HSt-000001" in code


def test_a_mandate_for_the_notice_also_collects_the_households_later_dog_tax(services, keeper):
    from rathaus.core.models import AuditEntry
    from rathaus.dogtax.selectors import household_mandate
    from rathaus.eservices.services.payments import mandate_grant

    case = RegistrationFactory(applicant=keeper)
    mandate = mandate_grant(
        payment=case.payments.get(),
        user=keeper,
        debtor_name="Clara Citizen",
        iban="DE89 3704 0044 0532 0130 00",
        signed_on=timezone.localdate(),
    )

    account = Dog.objects.get().account
    assert account.sepa_mandate_reference == mandate.reference
    assert household_mandate(account) == mandate
    assert account.events.filter(kind="mandate_granted").exists()
    assert AuditEntry.objects.filter(action="dogtax.account.mandate").count() == 1


def test_a_second_dog_has_rank_two_on_the_new_notice(services, keeper):
    RegistrationFactory(applicant=keeper, answers={"kept_since": date(YEAR - 3, 1, 1).isoformat()})
    second = RegistrationFactory(
        applicant=keeper, answers={"dog_name": "Luna", "kept_since": date(YEAR, 3, 3).isoformat()}
    )

    notice = TaxNotice.objects.get(case_reference=second.reference)
    luna = next(line for line in notice.dogs if line["name"] == "Luna")
    assert {month["rank"] for month in luna["months"]} == {2}
    assert notice.total == Decimal("246.00") and notice.previous_total == Decimal("120.00")
    assert TaxNotice.objects.filter(superseded_by=notice).count() == 1
    text = pdf_text(second.notices.get())
    assert "zweiter Hund" in text and "126,00" in text and "246,00" in text
    assert len({tag.number for tag in Tag.objects.all()}) == 2


def test_deregistration_gives_a_corrected_notice(services, keeper):
    RegistrationFactory(applicant=keeper, answers={"kept_since": date(YEAR - 3, 1, 1).isoformat()})
    RegistrationFactory(
        applicant=keeper,
        answers={"dog_name": "Luna", "kept_since": date(YEAR - 2, 1, 1).isoformat()},
    )
    bello = Dog.objects.get(name="Bello")
    case = DogCaseFactory(
        service=services["abmeldung"],
        applicant=keeper,
        answers={
            "tag_number": bello.current_tag.number,
            "reason": "given_away",
            "ended_on": date(YEAR, 6, 20).isoformat(),
            "new_keeper_name": "Nora Neu",
            "new_keeper": ADDRESS,
        },
    )

    assert case.status == "decided" and case.outcome == Outcome.GRANTED
    bello.refresh_from_db()
    assert bello.given_up_reason == "given_away" and bello.new_keeper_name == "Nora Neu"
    assert not bello.tags.get().is_valid
    notice = TaxNotice.objects.get(case_reference=case.reference)
    assert notice.total == Decimal("204.00") and notice.previous_total == Decimal("288.00")
    assert "204,00" in pdf_text(case.notices.get())


def test_a_tag_of_another_household_cannot_be_chosen(services, keeper):
    RegistrationFactory(applicant=keeper)
    other = UserFactory()
    RegistrationFactory(applicant=other, answers={"dog_name": "Rex"})
    cases = Case.objects.count()

    # The form offers only the applicant's own dogs: another household's tag is no choice,
    # so nothing is submitted and no rejection notice is written.
    with pytest.raises(SubmissionInvalid) as refused:
        DogCaseFactory(
            service=services["abmeldung"],
            applicant=other,
            answers={
                "tag_number": Dog.objects.get(name="Bello").current_tag.number,
                "reason": "died",
                "ended_on": date(YEAR, 1, 5).isoformat(),
            },
        )

    assert [issue.code for issue in refused.value.issues] == ["invalid_choice"]
    assert Case.objects.count() == cases
    assert Dog.objects.get(name="Bello").given_up_on is None


def test_a_lost_tag_is_replaced(services, keeper):
    RegistrationFactory(applicant=keeper)
    old = Tag.objects.get()
    case = DogCaseFactory(
        service=services["marke"], applicant=keeper, answers={"tag_number": old.number}
    )

    old.refresh_from_db()
    new = Tag.objects.exclude(pk=old.pk).get()
    assert old.invalidation_reason == "lost" and new.dog == old.dog
    text = pdf_text(case.notices.get())
    assert new.number in text and old.number in text


def test_an_address_change_updates_the_account(services, keeper):
    RegistrationFactory(applicant=keeper)
    new = {"street": "Neue Straße 5", "postal_code": "67657", "city": "Kaiserslautern"}
    case = DogCaseFactory(
        service=services["adresse"],
        applicant=keeper,
        answers={"new_address": new, "moved_on": date(YEAR, 2, 1).isoformat()},
    )

    assert case.outcome == Outcome.GRANTED
    assert Dog.objects.get().account.street == "Neue Straße 5"


def test_a_shelter_dog_goes_to_the_clerk_and_the_grant_gives_a_corrected_notice(
    services, keeper, tax_clerk
):
    case = RegistrationFactory(
        applicant=keeper,
        answers={"kept_since": date(YEAR, 1, 2).isoformat(), "exemption": "shelter"},
    )

    assert case.status == "submitted"
    assert not Dog.objects.exists()
    case_decide(
        case=case,
        decision=Decision(outcome=Outcome.GRANTED, text="Bescheinigung liegt vor."),
        actor=tax_clerk,
    )

    dog = Dog.objects.get()
    assert dog.exemption_code == "shelter"
    assert case.notices.count() == 2
    tax_notice = TaxNotice.objects.get(case_reference=case.reference)
    assert tax_notice.notice == case.notices.order_by("id").last()
    assert "steuerfrei" in pdf_text(tax_notice.notice)


def test_an_exemption_for_a_registered_dog(services, keeper, tax_clerk):
    RegistrationFactory(applicant=keeper)
    tag = Tag.objects.get()
    case = DogCaseFactory(
        service=services["befreiung"],
        applicant=keeper,
        answers={"tag_number": tag.number, "exemption": "assistance"},
    )
    assert case.status == "submitted"

    case_decide(case=case, decision=Decision(outcome=Outcome.GRANTED, text="OK"), actor=tax_clerk)

    assert Dog.objects.get().exemption_code == "assistance"
    assert TaxNotice.objects.get(case_reference=case.reference).total == Decimal("0.00")


def test_a_second_shelter_exemption_within_ten_years_is_refused(services, keeper, tax_clerk):
    first = RegistrationFactory(applicant=keeper, answers={"exemption": "shelter"})
    case_decide(case=first, decision=Decision(outcome=Outcome.GRANTED, text="OK"), actor=tax_clerk)
    second = RegistrationFactory(
        applicant=keeper,
        answers={
            "dog_name": "Luna",
            "kept_since": date(YEAR, 1, 2).isoformat(),
            "exemption": "shelter",
        },
    )

    assert second.outcome == Outcome.REJECTED


def test_another_citizen_gets_404_for_the_notice_and_the_case(services, keeper, client):
    from tests.factories import sign_in

    case = RegistrationFactory(applicant=keeper)
    notice = case.notices.get()
    sign_in(client, UserFactory())

    assert client.get(f"/services/cases/{case.reference}/").status_code == 404
    assert (
        client.get(f"/services/cases/{case.reference}/notices/{notice.pk}.pdf").status_code == 404
    )
    sign_in(client, keeper)
    assert (
        client.get(f"/services/cases/{case.reference}/notices/{notice.pk}.pdf").status_code == 200
    )


def test_the_english_notice_keeps_the_german_legal_remedy(services, keeper):
    keeper.language = "en"
    keeper.save()
    case = RegistrationFactory(applicant=keeper)

    text = pdf_text(case.notices.get())

    assert "Dog tax notice" in text and "January – December" in text and "first dog" in text
    assert "Widerspruch" in text and "courtesy translation" in text
