"""The keeper's dogs at the edges (issue 14): a dog without a liable month keeps its tag on the
notice and in the account, forms let the keeper choose their own dogs, a typed tag is checked on
the form, and an English notice is English outside the binding legal remedy."""

from __future__ import annotations

import io
import re
from datetime import date

from django.urls import reverse
from freezegun import freeze_time
from pypdf import PdfReader

from rathaus.dogtax.models import Dog, Tag, TaxAccount
from rathaus.dogtax.selectors import assess_account
from rathaus.dogtax.templatetags.dogtax import money
from rathaus.eservices.handlers import Outcome
from rathaus.eservices.models import Case, Draft
from rathaus.eservices.services.drafts import draft_save_step
from tests.dogtax.factories import APPLICANT, YEAR, DogCaseFactory, RegistrationFactory
from tests.eservices.factories import ServiceFactory
from tests.factories import StaffFactory, UserFactory, sign_in

GERMAN_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b")
# Words that give a German sentence away (none is an English word or part of a name here).
GERMAN_WORDS = re.compile(
    r"\b(der|die|das|Der|Die|Das|und|ist|für|wird|bei|liegt|Hund|Steuermarke|angemeldet|"
    r"Bescheid|Steuerkonto|Fällig|Januar|Dezember)\b"
)


def pdf_text(notice) -> str:
    notice.file.open("rb")
    content = notice.file.read()
    notice.file.close()
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def outside_legal_remedy(text: str) -> str:
    """The notice without its German legal remedy (and the English courtesy translation of it,
    which names the German terms on purpose)."""
    start = text.index("Rechtsbehelfsbelehrung")
    end = text.index("Kind regards")
    return text[:start] + text[end:]


def test_a_dog_registered_on_10_december_is_named_with_its_tag(services, keeper, client):
    reverse("dogtax:my_dogs")  # the URLs (and the API's schemas) are loaded before time stands
    with freeze_time("2026-12-10 09:00:00"):
        case = RegistrationFactory(
            applicant=keeper, answers={"kept_since": date(2026, 12, 10).isoformat()}
        )
    tag = Tag.objects.get()
    account = TaxAccount.objects.get(keeper=keeper)
    following = assess_account(account, 2027).total

    text = pdf_text(case.notices.get())

    assert case.outcome == Outcome.GRANTED
    assert tag.number in text and "Bello" in text
    flat = " ".join(text.split())
    assert "kein Hund Ihres Haushalts" not in flat
    assert "Im Jahr 2026 nicht steuerpflichtig." in flat
    assert "Steuerpflichtig ab Januar 2027." in flat
    # The yearly amount from the next year on is announced.
    assert "Ab 2027" in text and money(following).replace("\xa0", " ") in text.replace("\xa0", " ")

    sign_in(client, keeper)
    page = client.get("/dogtax/my-dogs/")
    assert page.status_code == 200
    body = page.content.decode()
    assert tag.number in body and "Bello" in body and account.number in body
    assert f"/services/cases/{case.reference}/notices/" in body


def test_the_account_page_is_the_keepers_own(services, keeper, client):
    RegistrationFactory(applicant=keeper)
    bello_tag = Tag.objects.get().number
    neighbour = UserFactory()
    RegistrationFactory(applicant=neighbour, answers={"dog_name": "Rex"})

    assert client.get("/dogtax/my-dogs/").status_code == 302  # sign in first
    sign_in(client, UserFactory())
    assert client.get("/dogtax/my-dogs/").status_code == 404  # no household
    sign_in(client, StaffFactory(with_totp=True))
    assert client.get("/dogtax/my-dogs/").status_code == 404  # staff without a role
    sign_in(client, neighbour)
    body = client.get("/dogtax/my-dogs/").content.decode()
    assert "Rex" in body and "Bello" not in body and bello_tag not in body
    sign_in(client, keeper)
    assert b"/dogtax/my-dogs/" in client.get("/my-account/profile/").content


def test_the_deregistration_form_lists_the_keepers_own_dogs(services, keeper, client):
    RegistrationFactory(applicant=keeper)
    RegistrationFactory(
        applicant=keeper, answers={"dog_name": "Luna", "kept_since": date(YEAR, 1, 2).isoformat()}
    )
    RegistrationFactory(applicant=UserFactory(), answers={"dog_name": "Rex"})
    tags = {dog.name: dog.current_tag.number for dog in Dog.objects.all()}
    sign_in(client, keeper)
    started = client.post(f"/services/apply/{services['abmeldung'].slug}/")
    draft = Draft.objects.get(user=keeper, service=services["abmeldung"])
    draft_save_step(draft=draft, step_key="applicant", values=APPLICANT, next_step="dog")

    page = client.get(f"{started['Location']}step/dog/")

    body = page.content.decode()
    assert page.status_code == 200
    assert f'value="{tags["Bello"]}"' in body and f'value="{tags["Luna"]}"' in body
    assert f"Bello, Steuermarke {tags['Bello']}" in body
    assert tags["Rex"] not in body and 'type="text" name="tag_number"' not in body


def test_a_typed_tag_number_is_checked_on_the_form(services, keeper, tax_office, client):
    """A clerk-facing form that asks for a tag number: a typo is a message at the field, the
    step is not saved and no case (and no rejection notice) is made."""
    RegistrationFactory(applicant=keeper)
    number = Tag.objects.get().number
    schema = {
        "steps": [
            {
                "key": "tag",
                "title": {"de": "Marke", "en": "Tag"},
                "fields": [
                    {
                        "key": "tag_number",
                        "type": "text",
                        "label": {"de": "Steuermarke", "en": "Tax tag"},
                        "required": True,
                        "check": "dogtax.tag_number",
                    }
                ],
            }
        ]
    }
    service = ServiceFactory(unit=tax_office, slug="marke-pruefen", schema=schema)
    clerk = UserFactory()
    sign_in(client, clerk)
    started = client.post(f"/services/apply/{service.slug}/")
    step = f"{started['Location']}step/tag/"
    cases = Case.objects.count()

    typo = client.post(step, {"tag_number": "99999", "_action": "next"})

    assert typo.status_code == 200
    assert "Es gibt keine Steuermarke mit der Nummer 99999" in typo.content.decode()
    assert 'aria-invalid="true"' in typo.content.decode()
    assert Case.objects.count() == cases

    right = client.post(step, {"tag_number": number.lstrip("0"), "_action": "next"})
    assert right.status_code == 302 and right["Location"].endswith("/review/")


def test_an_english_notice_is_english_outside_the_legal_remedy(services, keeper):
    keeper.language = "en"
    keeper.save()
    RegistrationFactory(applicant=keeper)
    tag = Tag.objects.get()
    case = DogCaseFactory(
        service=services["abmeldung"],
        applicant=keeper,
        answers={
            "tag_number": tag.number,
            "reason": "died",
            "ended_on": date(YEAR, 1, 5).isoformat(),
        },
    )

    for notice in Case.objects.get(pk=case.pk).notices.all():
        text = pdf_text(notice)
        english = outside_legal_remedy(text)
        assert "The dog Bello is deregistered from Jan. 5, " in " ".join(english.split())
        assert not GERMAN_DATE.search(text), GERMAN_DATE.search(text)
        assert not GERMAN_WORDS.search(english), GERMAN_WORDS.findall(english)
    registration = Case.objects.filter(service__slug="anmeldung").get()
    english = outside_legal_remedy(pdf_text(registration.notices.get()))
    assert "The dog is registered for the dog tax; its tax tag is enclosed." in " ".join(
        english.split()
    )
    assert "Der Hund ist zur Hundesteuer angemeldet" not in english
    assert not GERMAN_WORDS.search(english), GERMAN_WORDS.findall(english)


def test_child_benefit_notices_write_dates_in_the_recipients_language(db):
    from rathaus.eservices.documents.pdf import render_html

    html = render_html(
        template="childbenefit/notice_handover.html",
        context={"forwarded_on": date(2026, 12, 4), "authority": "Familienkasse"},
        language="en",
    )

    assert "Dec. 4, 2026" in html and "04.12.2026" not in html


def test_the_address_change_form_asks_for_no_tag_or_account_number(services, keeper, client):
    """The address change concerns the applicant's own tax account, found from the signed-in
    keeper: the form asks for names, the old and new address and the date of the move, and
    nothing that identifies an account or a dog is typed (nor chosen: it concerns all dogs)."""
    from rathaus.eservices.demo_forms import DOG_ADDRESS_CHANGE

    RegistrationFactory(applicant=keeper)
    account = TaxAccount.objects.get(keeper=keeper)
    tag = Tag.objects.get().number
    fields = {
        field["key"]: field for step in DOG_ADDRESS_CHANGE["steps"] for field in step["fields"]
    }
    assert set(fields) == {
        "given_name",
        "family_name",
        "address",
        "phone",
        "new_address",
        "moved_on",
    }
    assert not [key for key in fields if re.search(r"tag|account|number|konto|marke", key)]
    assert not [field for field in fields.values() if "check" in field or "choices_from" in field]

    sign_in(client, keeper)
    started = client.post(f"/services/apply/{services['adresse'].slug}/")
    draft = Draft.objects.get(user=keeper, service=services["adresse"])
    draft_save_step(draft=draft, step_key="applicant", values=APPLICANT, next_step="move")
    bodies = [
        client.get(f"{started['Location']}step/{step}/").content.decode()
        for step in ("applicant", "move")
    ]
    names = set(re.findall(r'<(?:input|select|textarea)[^>]*\bname="([^"]+)"', "".join(bodies)))
    assert "given_name" in names and any(name.startswith("new_address") for name in names)
    assert not [name for name in names if re.search(r"tag|account|number", name)]
    assert account.number not in bodies[1] and tag not in bodies[1]
