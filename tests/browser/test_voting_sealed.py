"""The trustees' ceremony of a sealed ballot box in the back office, in German and English:
creating the shares (shown once), ending the vote, and opening the count with two of three
shares — an incomplete attempt opens nothing. axe-core finds nothing on any page."""

import pytest
from playwright.sync_api import expect

from rathaus.organization.models import Role
from rathaus.voting.models import Ballot, Poll
from rathaus.voting.services import ballot_cast
from tests.browser.helpers import sign_in
from tests.factories import OrgUnitFactory, StaffFactory
from tests.voting.factories import PollFactory, make_codes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXTS = {
    "de": {
        "prefix": "",
        "trustees": "Treuhänderinnen und Treuhänder",
        "threshold": "Nötige Schlüsselteile zum Öffnen der Auszählung",
        "create": "Schlüsselteile erzeugen",
        "shown_once": "Diese Schlüsselteile werden nur jetzt angezeigt.",
        "confirm": "Ich bestätige, dass die Abstimmung jetzt endet",
        "end": "Abstimmung beenden",
        "share": "Schlüsselteil von Treuhänder/in {}",
        "open": "Öffnen, auszählen und veröffentlichen",
        "missing": "Jede Treuhänderin und jeder Treuhänder muss den eigenen Schlüsselteil",
        "wrong": "Die Schlüsselteile konnten nicht gelesen werden.",
        "opened": "Die versiegelten Stimmzettel wurden geöffnet, ausgezählt und veröffentlicht.",
    },
    "en": {
        "prefix": "/en",
        "trustees": "Trustees",
        "threshold": "Shares needed to open the count",
        "create": "Create the trustees' shares",
        "shown_once": "These shares are shown only now.",
        "confirm": "I confirm that the vote ends now",
        "end": "End the vote",
        "share": "Share of trustee {}",
        "open": "Open, count and publish",
        "missing": "Every trustee must enter their share.",
        "wrong": "The shares could not be read.",
        "opened": "The sealed ballots have been opened, counted and published.",
    },
}


def mistyped(share: str) -> str:
    """The share with its sixth word replaced by another word of the list: "zero" is one of the
    1,024 words itself, so a share whose sixth word is "zero" gets another one."""
    words = share.split()
    words[5] = "acid" if words[5] == "zero" else "zero"
    return " ".join(words)


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_trustees_create_their_shares_and_open_the_count(page, assert_accessible, language):
    text = TEXTS[language]
    StaffFactory(
        email="wahlleitung@example.org",
        with_totp=True,
        unit=OrgUnitFactory(slug="referat-digitalisierung"),
        unit__role=Role.MODERATOR,
    )
    poll = PollFactory(kind="yes_no", sealed=True)
    codes = make_codes(poll, 3)
    sign_in(page, "wahlleitung@example.org")
    manage = f"{text['prefix']}/backoffice/votes/{poll.pk}/"

    page.goto(manage)
    assert_accessible(page)
    page.get_by_label(text["trustees"], exact=True).fill("Erika Muster\nMax Beispiel\nPetra Probe")
    page.get_by_label(text["threshold"]).fill("2")
    page.get_by_role("button", name=text["create"]).click()

    expect(page.get_by_text(text["shown_once"])).to_be_visible()
    assert_accessible(page)
    shares = [
        " ".join(sheet.locator("li").all_inner_texts())
        for sheet in page.locator(".rh-share-words").all()
    ]
    assert len(shares) == 3 and all(len(share.split()) == 33 for share in shares)
    assert shares[0] not in str(Poll.objects.values().get())

    poll = Poll.objects.get(pk=poll.pk)
    for code, choice in zip(codes, ["yes", "yes", "no"], strict=True):
        ballot_cast(poll=poll, choices=[choice], code=code)
    page.goto(manage)
    page.get_by_label(text["confirm"]).check()
    page.get_by_role("button", name=text["end"]).click()

    page.get_by_label(text["share"].format(1)).fill(shares[2])
    page.get_by_role("button", name=text["open"]).click()
    expect(page.get_by_text(text["missing"])).to_be_visible()
    assert_accessible(page)
    assert page.get_by_label(text["share"].format(1)).input_value() == ""  # never sent back

    page.get_by_label(text["share"].format(1)).fill(shares[2])
    page.get_by_label(text["share"].format(2)).fill(mistyped(shares[2]))
    page.get_by_role("button", name=text["open"]).click()
    expect(page.get_by_text(text["wrong"])).to_be_visible()
    assert not Ballot.objects.filter(poll=poll).exists()

    page.get_by_label(text["share"].format(1)).fill(shares[2])
    page.get_by_label(text["share"].format(2)).fill(shares[0])
    page.get_by_role("button", name=text["open"]).click()

    expect(page.get_by_text(text["opened"])).to_be_visible()
    assert_accessible(page)
    assert Poll.objects.get(pk=poll.pk).result["options"][0]["votes"] == 2
