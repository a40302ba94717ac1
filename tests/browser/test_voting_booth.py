"""The voting booth in Chromium: with a voting code on a phone (German) and as a signed-in
resident (English); every page passes axe-core."""

import re

import pytest
from playwright.sync_api import expect

from rathaus.voting.models import Ballot
from rathaus.voting.services import ballot_cast, poll_close
from tests.browser.helpers import sign_in
from tests.voting.factories import PollFactory, make_codes, make_resident, options

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


def test_a_code_holder_ranks_reviews_and_casts_on_a_phone(page, assert_accessible):
    poll = PollFactory(kind="ranked", title_de="Name für den neuen Platz", options=options(*"abcd"))
    code = make_codes(poll, 1)[0]
    page.set_viewport_size(PHONE)

    page.goto(f"/votes/{poll.pk}/")
    assert_accessible(page)
    page.get_by_role("link", name="Jetzt abstimmen").click()
    assert_accessible(page)
    page.get_by_label("Abstimmungscode").fill(code.lower())
    ranking = page.get_by_role("group", name="Name für den neuen Platz")
    ranking.get_by_label("Rang 1").select_option(label="Option c")
    ranking.get_by_label("Rang 2").select_option(label="Option c")
    page.get_by_role("button", name="Meine Stimme prüfen").click()

    expect(
        page.get_by_role("alert").get_by_text("Bitte prüfen Sie Ihren Stimmzettel.")
    ).to_be_visible()
    assert page.get_by_label("Rang 2").get_attribute("aria-invalid") == "true"
    assert_accessible(page)
    page.get_by_label("Rang 2").select_option(label="Option a")
    page.get_by_role("button", name="Meine Stimme prüfen").click()

    expect(page.get_by_text("Ihre Stimme ist noch nicht abgegeben.")).to_be_visible()
    assert page.get_by_role("listitem").filter(has_text="Option c").count() == 1
    assert not Ballot.objects.filter(poll=poll).exists()
    assert_accessible(page)
    page.get_by_role("button", name="Stimme abgeben").click()

    expect(page.get_by_role("heading", name="Ihre Stimme wurde abgegeben")).to_be_visible()
    tracker = page.locator(".rh-tracker").inner_text()
    assert Ballot.objects.get(poll=poll).tracker == tracker
    assert Ballot.objects.get(poll=poll).choices == ["c", "a"]
    assert_accessible(page)
    page.get_by_role("link", name="Öffentliche Liste der Prüfnummern").first.click()
    expect(page.get_by_text(tracker, exact=True)).to_be_visible()
    page.get_by_label("Prüfnummer überprüfen").fill(tracker.lower())
    page.get_by_role("button", name="Überprüfen").click()
    expect(page.get_by_role("status").get_by_text("liegt in der Urne")).to_be_visible()
    assert tracker.lower() not in page.url
    assert_accessible(page)


def test_a_signed_in_resident_votes_in_english(page, assert_accessible):
    poll = PollFactory(
        kind="yes_no",
        eligibility="residents",
        title_de="Autofreie Sonntage?",
        title_en="Car-free Sundays?",
    )
    make_resident(email="resident.browser@example.org", english=True)
    sign_in(page, "resident.browser@example.org")

    page.goto(f"/en/votes/{poll.pk}/ballot/")
    question = page.get_by_role("group", name="Car-free Sundays?")
    assert question.get_by_role("radio").count() == 3
    assert_accessible(page)
    page.get_by_role("button", name="Review my vote").click()
    expect(page.get_by_role("alert").get_by_text("Please choose an answer.").first).to_be_visible()
    question.get_by_role("radio", name="No").check()
    page.get_by_role("button", name="Review my vote").click()

    expect(page.get_by_text("Your vote is not cast yet.")).to_be_visible()
    page.get_by_role("button", name="Change my vote").click()
    assert page.get_by_role("radio", name="No").is_checked()
    page.get_by_role("radio", name="Yes").check()
    page.get_by_role("button", name="Review my vote").click()
    page.get_by_role("button", name="Cast my vote").click()

    expect(page.get_by_role("heading", name="Your vote has been cast")).to_be_visible()
    assert re.fullmatch(r"([0-9A-Z]{5}-){4}[0-9A-Z]{5}", page.locator(".rh-tracker").inner_text())
    assert Ballot.objects.get(poll=poll).choices == ["yes"]
    assert_accessible(page)
    page.goto(f"/en/votes/{poll.pk}/ballot/")
    expect(page.get_by_text("You have already voted in this poll.")).to_be_visible()
    assert_accessible(page)


def test_results_and_the_poll_list_pass_axe(page, assert_accessible):
    poll = PollFactory(
        kind="budget",
        options=options("a", "b", a="60", b="50", a_district="Erfenbach"),
        budget=100,
        rule="equal-shares",
    )
    for code, choices in zip(make_codes(poll, 3), (["a"], ["a", "b"], ["b"]), strict=True):
        ballot_cast(poll=poll, choices=choices, code=code)
    poll_close(actor=None, poll=poll)
    ranked = PollFactory(kind="ranked", options=options(*"abc"))
    ballot_cast(poll=ranked, choices=["b", "a"], code=make_codes(ranked, 1)[0])
    poll_close(actor=None, poll=ranked)

    for path in ("/votes/", f"/votes/{poll.pk}/results/", f"/en/votes/{ranked.pk}/results/"):
        page.goto(path)
        assert_accessible(page)
    page.goto(f"/en/votes/{poll.pk}/results/")
    expect(page.get_by_role("img", name="Money per district")).to_be_visible()
