"""The voting booth without JavaScript: choose, review, cast, receipt."""

import re

import pytest

from rathaus.voting.models import Ballot, RollEntry
from tests.factories import sign_in
from tests.voting.factories import PollFactory, make_codes, options

pytestmark = pytest.mark.django_db


def tracker_in(html: str) -> str:
    return re.search(r'class="rh-tracker"[^>]*>([0-9A-Z-]+)<', html).group(1)


def test_a_resident_chooses_reviews_and_casts(client, resident):
    poll = PollFactory(kind="yes_no", eligibility="residents")
    sign_in(client, resident)

    booth = client.get(f"/votes/{poll.pk}/ballot/")
    review = client.post(f"/votes/{poll.pk}/ballot/", {"choice": "no", "action": "review"})
    assert not Ballot.objects.filter(poll=poll).exists()
    receipt = client.post(f"/votes/{poll.pk}/cast/", {"choice": "no"})

    assert 'type="radio"' in booth.content.decode() and "<fieldset" in booth.content.decode()
    assert "Ihre Stimme ist noch nicht abgegeben." in review.content.decode()
    assert receipt.status_code == 201
    html = receipt.content.decode()
    assert "Ihre Stimme wurde abgegeben" in html
    assert Ballot.objects.get(poll=poll).tracker == tracker_in(html)


def test_the_receipt_leaves_nothing_in_the_session(client, resident):
    poll = PollFactory(kind="yes_no", eligibility="residents")
    sign_in(client, resident)
    before = dict(client.session.items())

    receipt = client.post(f"/votes/{poll.pk}/cast/", {"choice": "yes"})

    assert dict(client.session.items()) == before
    assert tracker_in(receipt.content.decode()) not in str(receipt.cookies)
    assert "no-store" in receipt["Cache-Control"]


def test_changing_the_vote_on_review_brings_back_the_choices(client):
    poll = PollFactory(kind="ranked", options=options(*"abc"))
    code = make_codes(poll, 1)[0]

    booth = client.post(
        f"/votes/{poll.pk}/ballot/", {"action": "change", "choice": ["c", "a"], "code": code}
    )

    html = booth.content.decode()
    assert re.search(r'name="rank_1"[^>]*>.*?<option value="c" selected>', html, re.S)
    assert re.search(r'name="rank_2"[^>]*>.*?<option value="a" selected>', html, re.S)
    assert f'value="{code}"' in html


def test_a_ranking_with_a_gap_is_refused_with_a_clear_message(client):
    poll = PollFactory(kind="ranked", options=options(*"abc"))
    code = make_codes(poll, 1)[0]

    response = client.post(
        f"/votes/{poll.pk}/ballot/",
        {"action": "review", "code": code, "rank_1": "b", "rank_2": "", "rank_3": "a"},
        HTTP_ACCEPT_LANGUAGE="de",
    )

    assert response.status_code == 422
    assert "ohne einen Rang frei zu lassen" in response.content.decode()


def test_a_ranking_naming_an_option_twice_is_refused(client):
    poll = PollFactory(kind="ranked", options=options(*"abc"))
    code = make_codes(poll, 1)[0]

    response = client.post(
        f"/votes/{poll.pk}/ballot/",
        {"action": "review", "code": code, "rank_1": "b", "rank_2": "b"},
    )

    assert response.status_code == 422
    assert "„Option b“ bereits auf einen höheren Rang gesetzt" in response.content.decode()


def test_an_unknown_code_is_refused_on_review(client):
    poll = PollFactory(kind="single")
    make_codes(poll, 1)

    response = client.post(
        f"/votes/{poll.pk}/ballot/",
        {"action": "review", "code": "AAAA-BBBB-CCCC-DDDD", "choice": "a"},
    )

    assert response.status_code == 422
    assert "gilt nicht für diese Abstimmung" in response.content.decode()


def test_a_code_holder_casts_with_the_code(client):
    poll = PollFactory(kind="multiple", options=options(*"abcd"), max_choices=2)
    code = make_codes(poll, 1)[0]

    review = client.post(
        f"/votes/{poll.pk}/ballot/", {"action": "review", "code": code, "choices": ["d", "a"]}
    )
    receipt = client.post(f"/votes/{poll.pk}/cast/", {"code": code, "choice": ["a", "d"]})
    again = client.post(f"/votes/{poll.pk}/cast/", {"code": code, "choice": ["a"]})

    assert review.status_code == 200
    assert receipt.status_code == 201
    assert again.status_code == 409
    assert "bereits verwendet" in again.content.decode()
    assert RollEntry.objects.filter(poll=poll).count() == 1


def test_a_visitor_is_asked_to_sign_in_for_a_resident_poll(client):
    poll = PollFactory(kind="yes_no", eligibility="residents")

    response = client.get(f"/votes/{poll.pk}/ballot/")

    assert response.status_code == 403
    assert f"/accounts/login/?next=/votes/{poll.pk}/ballot/" in response.content.decode()


def test_a_resident_who_voted_is_told_so(client, resident):
    poll = PollFactory(kind="yes_no", eligibility="residents")
    sign_in(client, resident)
    client.post(f"/votes/{poll.pk}/cast/", {"choice": "yes"})

    response = client.get(f"/votes/{poll.pk}/ballot/")

    assert response.status_code == 409
    assert "bereits abgestimmt" in response.content.decode()


def test_the_booth_is_closed_outside_the_time_window(client):
    poll = PollFactory(kind="single", opens=2)

    response = client.get(f"/votes/{poll.pk}/ballot/")

    assert response.status_code == 403
    assert "noch nicht begonnen" in response.content.decode()


def test_a_budget_booth_lists_each_projects_cost_and_district(client):
    poll = PollFactory(
        kind="budget",
        options=options("a", "b", a="45000", b="12500.50", a_district="Erfenbach"),
        budget=50000,
        rule="greedy",
    )

    html = client.get(f"/votes/{poll.pk}/ballot/").content.decode()

    assert "Option a – 45.000,00 € – Erfenbach" in html
    assert "Option b – 12.500,50 €" in html
    assert 'type="checkbox"' in html


def test_a_cumulative_budget_booth_takes_points(client):
    poll = PollFactory(
        kind="budget",
        options=options("a", "b", a="10", b="10"),
        budget=15,
        rule="greedy",
        max_points=3,
    )
    code = make_codes(poll, 1)[0]

    review = client.post(
        f"/votes/{poll.pk}/ballot/",
        {"action": "review", "code": code, "points_a": "2", "points_b": "1"},
    )
    too_many = client.post(
        f"/votes/{poll.pk}/ballot/",
        {"action": "review", "code": code, "points_a": "2", "points_b": "2"},
    )

    assert review.status_code == 200
    assert review.content.decode().count('name="choice" value="a"') == 2
    assert too_many.status_code == 422
