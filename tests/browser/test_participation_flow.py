"""A participation process end to end in Chromium: a citizen proposes with a place, another
comments and supports, a moderator hides a comment with a reason, the city answers, and the
followers get e-mails."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from rathaus.organization.models import Role
from rathaus.participation.models import Comment, Proposal
from tests.browser.helpers import sign_in
from tests.factories import OrgUnitFactory, StaffFactory, UserFactory
from tests.participation.factories import CategoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_out(page):
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_load_state()


def test_propose_discuss_moderate_answer_and_notify(page, assert_accessible, imported_districts):
    category = CategoryFactory(name_de="Grün und Klima", process__title_de="Grüne Innenstadt")
    process = category.process
    UserFactory(email="anna@example.org")
    UserFactory(email="bernd@example.org")
    StaffFactory(
        email="moderation@example.org",
        with_totp=True,
        unit=OrgUnitFactory(slug="daten-services"),
        unit__role=Role.MODERATOR,
    )

    # A citizen makes a proposal with a place on the map (the accessible fallback fields).
    sign_in(page, "anna@example.org")
    page.goto(process.get_absolute_url())
    page.get_by_role("link", name="Vorschlag machen").first.click()
    page.get_by_label("Ihr Pseudonym").fill("Anna-aus-KL")
    page.get_by_label("Titel").fill("Bäume auf dem Stiftsplatz")
    page.get_by_label("Ihr Vorschlag").fill("Großkronige Bäume spenden im Sommer Schatten.")
    page.get_by_label("Kategorie").select_option(label="Grün und Klima")
    page.get_by_label(re.compile(r"^Ort –")).fill("Stiftsplatz")
    page.get_by_label("Ortsbezirk").select_option("Innenstadt")
    page.get_by_label("Breitengrad").fill("49.4437")
    page.get_by_label("Längengrad").fill("7.77")
    assert_accessible(page)
    page.get_by_role("button", name="Vorschlag veröffentlichen").click()
    page.wait_for_load_state()

    expect(page.get_by_role("heading", name="Bäume auf dem Stiftsplatz")).to_be_visible()
    expect(page.get_by_text("49.443700, 7.770000")).to_be_visible()
    proposal = Proposal.objects.get(title="Bäume auf dem Stiftsplatz")
    assert (str(proposal.latitude), proposal.district) == ("49.443700", "Innenstadt")
    sign_out(page)

    # Another citizen comments, supports and follows.
    sign_in(page, "bernd@example.org")
    page.goto(proposal.get_absolute_url())
    page.get_by_label("Ihr Pseudonym").fill("Bernd-B")
    page.get_by_label("Ihr Kommentar").fill("Gute Idee, aber bitte heimische Arten.")
    page.get_by_role("button", name="Kommentar veröffentlichen").click()
    page.wait_for_load_state()
    page.get_by_label("Ihr Kommentar").fill("Wer das nicht will, ist ein Idiot.")
    page.get_by_role("button", name="Kommentar veröffentlichen").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Diesen Vorschlag unterstützen").click()
    page.wait_for_load_state()
    expect(page.get_by_text("1 Person unterstützt diesen Vorschlag.")).to_be_visible()
    page.get_by_role("button", name="Folgen (Neuigkeiten per E-Mail)").click()
    page.wait_for_load_state()
    assert_accessible(page)
    sign_out(page)

    # A moderator hides the insulting comment with a reason, then the city answers.
    rude = Comment.objects.get(text__startswith="Wer das nicht will")
    sign_in(page, "moderation@example.org")
    page.goto(proposal.get_absolute_url())
    page.locator(f"#comment-{rude.pk}").get_by_role("link", name="Ausblenden").click()
    assert_accessible(page)
    page.get_by_label("Begründung").fill("Beleidigend; bitte bleiben Sie sachlich.")
    page.get_by_role("button", name="Ausblenden").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Antwort der Stadt schreiben").click()
    page.get_by_label("Angenommen").check()
    page.get_by_label("Antwort", exact=True).fill(
        "Das Grünflächenamt pflanzt im Herbst vier Linden."
    )
    assert_accessible(page)
    page.get_by_role("button", name="Antwort veröffentlichen").click()
    page.wait_for_load_state()
    sign_out(page)

    # Everyone sees the reason in place of the comment, and the answer.
    page.goto(proposal.get_absolute_url())
    comment = page.locator(f"#comment-{rude.pk}")
    assert "Beleidigend; bitte bleiben Sie sachlich." in comment.inner_text()
    assert "Idiot" not in page.content()
    expect(page.get_by_text("Das Grünflächenamt pflanzt im Herbst vier Linden.")).to_be_visible()
    expect(page.get_by_text("Stadt: Angenommen")).to_be_visible()

    # The author (who follows her proposal) and the follower got the answer by e-mail.
    answers = [m for m in mail.outbox if "geantwortet" in m.subject]
    assert sorted(recipient for m in answers for recipient in m.to) == [
        "anna@example.org",
        "bernd@example.org",
    ]
    assert all("List-Unsubscribe" in m.extra_headers for m in answers)
    assert "vier Linden" in answers[0].body
