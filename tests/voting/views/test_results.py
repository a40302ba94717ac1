"""Results pages and downloads: the chart shows the table's numbers; open data is downloadable."""

import csv
import io
import json
import re

import pytest
from lxml import html as lxml_html

from rathaus.voting.services import ballot_cast, poll_close
from tests.voting.factories import PollFactory, make_codes, options

pytestmark = pytest.mark.django_db


def closed_poll(kind, votes, **fields):
    poll = PollFactory(kind=kind, **fields)
    for code, choices in zip(make_codes(poll, len(votes)), votes, strict=True):
        ballot_cast(poll=poll, choices=choices, code=code)
    return poll_close(actor=None, poll=poll)


def chart_and_table(page, chart_id, table_id, columns):
    document = lxml_html.fromstring(page)
    chart = [
        text.text_content()
        for text in document.xpath(
            f'//*[@aria-labelledby="{chart_id}-title {chart_id}-desc"]//*[@class="rh-chart__value"]'
        )
    ]
    rows = document.xpath(f'//table[@id="{table_id}"]/tbody/tr')
    table = [
        [row.xpath(f'.//td[contains(@class, "{c}")]')[0].text_content() for c in columns]
        for row in rows
    ]
    return chart, table


def test_the_chart_shows_exactly_the_numbers_of_the_table(client):
    poll = closed_poll("single", [["a"], ["a"], ["b"], ["a"], ["c"], ["a"], ["b"]])

    page = client.get(f"/votes/{poll.pk}/results/").content.decode()

    chart, table = chart_and_table(page, "votes-chart", "votes-table", ["rh-votes", "rh-share"])
    assert table == [["4", "57,1 %"], ["2", "28,6 %"], ["1", "14,3 %"]]
    assert chart == [f"{votes} ({share})" for votes, share in table]


def test_english_results_use_english_numbers(client):
    poll = closed_poll("single", [["a"], ["a"], ["b"]])

    page = client.get(f"/en/votes/{poll.pk}/results/").content.decode()

    _chart, table = chart_and_table(page, "votes-chart", "votes-table", ["rh-votes", "rh-share"])
    assert table[0] == ["2", "66.7 %"]


def test_a_ranked_result_shows_the_schulze_ranking(client):
    poll = closed_poll("ranked", [["b", "a"], ["b", "c"], ["a", "b"]], options=options(*"abc"))

    page = client.get(f"/votes/{poll.pk}/results/").content.decode()

    ranking = lxml_html.fromstring(page).xpath(
        "//h2[text()='Rangfolge (Schulze-Methode)']/following-sibling::ol[1]/li/text()"
    )
    assert ranking == ["Option b", "Option a", "Option c"]


def test_a_budget_result_shows_funded_projects_and_money_per_district(client):
    poll = closed_poll(
        "budget",
        [["a", "c"], ["a"], ["b", "c"]],
        options=options(
            "a",
            "b",
            "c",
            a="60",
            b="50",
            c="40",
            a_district="Nord",
            b_district="Süd",
            c_district="Nord",
        ),
        budget=100,
        rule="greedy",
    )

    page = client.get(f"/votes/{poll.pk}/results/").content.decode()

    document = lxml_html.fromstring(page)
    amounts = document.xpath(
        '//table[@id="district-table"]/tbody/tr/td[@class="kern-table__cell rh-amount"]/text()'
    )
    assert amounts == ["100,00 €", "0,00 €"]
    chart = document.xpath(
        '//*[@aria-labelledby="district-chart-title district-chart-desc"]'
        '//*[@class="rh-chart__value"]/text()'
    )
    assert chart == amounts
    assert "Verwendete Mittel" in page and "100,00 €" in page


def test_results_are_not_shown_while_the_poll_is_open(client):
    poll = PollFactory(kind="single")

    assert client.get(f"/votes/{poll.pk}/results/").status_code == 403
    assert client.get(f"/votes/{poll.pk}/results.csv").status_code == 404


def test_the_result_downloads_as_csv_and_json(client):
    poll = closed_poll("single", [["a"], ["b"], ["b"]])

    table = list(
        csv.DictReader(io.StringIO(client.get(f"/votes/{poll.pk}/results.csv").content.decode()))
    )
    data = json.loads(client.get(f"/votes/{poll.pk}/results.json").content)

    assert [(row["key"], row["votes"], row["share"]) for row in table] == [
        ("a", "1", "0.333333"),
        ("b", "2", "0.666667"),
        ("c", "0", "0.000000"),
    ]
    assert data["result"]["ballots"] == 3 and data["poll"]["kind"] == "single"


def test_the_ballots_download_is_the_export_recount_reads(client):
    poll = closed_poll("single", [["a"], ["b"]])

    export = json.loads(client.get(f"/votes/{poll.pk}/ballots.json").content)

    assert export["format"] == "rathaus-poll-export"
    assert len(export["ballots"]) == 2


def test_a_closed_budget_downloads_as_pabulib(client):
    poll = closed_poll(
        "budget", [["a"]], options=options("a", "b", a="5", b="7"), budget=10, rule="greedy"
    )

    text = client.get(f"/votes/{poll.pk}/pabulib.pb").content.decode()

    assert text.startswith("META\n") and "\nVOTES\nvoter_id;vote\n1;a\n" in text


def test_the_tracker_list_confirms_a_tracker_without_putting_it_in_the_url(client):
    poll = PollFactory(kind="single")
    tracker = ballot_cast(poll=poll, choices=["a"], code=make_codes(poll, 1)[0])

    listed = client.get(f"/votes/{poll.pk}/trackers/").content.decode()
    found = client.post(
        f"/votes/{poll.pk}/trackers/", {"tracker": tracker.lower().replace("-", " ")}
    )
    missing = client.post(
        f"/votes/{poll.pk}/trackers/", {"tracker": "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE"}
    )

    assert tracker in listed
    assert "liegt in der Urne" in found.content.decode()
    assert "liegt nicht in der Urne" in missing.content.decode()


def test_the_poll_list_groups_polls_by_state(client):
    open_poll = PollFactory(kind="single", title_de="Offene Umfrage")
    PollFactory(kind="single", title_de="Künftige Umfrage", opens=5, closes=10)

    page = client.get("/votes/").content.decode()

    assert page.index("Jetzt offen") < page.index("Offene Umfrage") < page.index("Demnächst")
    assert page.index("Demnächst") < page.index("Künftige Umfrage")
    assert client.get(f"/votes/{open_poll.pk}/").status_code == 200


def test_a_poll_page_says_who_may_vote(client):
    poll = PollFactory(kind="single", eligibility="residents", min_age=16, districts=("Erfenbach",))

    page = client.get(f"/votes/{poll.pk}/").content.decode()

    assert "Nur in diesen Ortsbezirken: Erfenbach." in page
    assert re.search(r"mindestens 16 Jahre alt", page)
