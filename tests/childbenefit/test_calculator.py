import re
from datetime import date

import pytest

from rathaus.childbenefit.views import calculator as calculator_views

pytestmark = pytest.mark.django_db

URL = "/childbenefit/calculator/"
EN_URL = "/en/childbenefit/calculator/"


def form_data(children, *, received="2026-11-24", until="2026-12", action="calculate"):
    """The POST body of the calculator: ``children`` as [(born_on, [(kind, from, to), ...])]."""
    data = {
        "application_received_on": received,
        "until": until,
        "action": action,
        "child-TOTAL_FORMS": str(len(children)),
        "child-INITIAL_FORMS": str(len(children)),
    }
    for index, (born_on, periods) in enumerate(children):
        prefix = f"child-{index}"
        data[f"{prefix}-born_on"] = born_on
        data[f"{prefix}-period-TOTAL_FORMS"] = str(len(periods))
        data[f"{prefix}-period-INITIAL_FORMS"] = str(len(periods))
        for number, (kind, start, end) in enumerate(periods):
            data[f"{prefix}-period-{number}-kind"] = kind
            data[f"{prefix}-period-{number}-from_month"] = start
            data[f"{prefix}-period-{number}-to_month"] = end
    return data


def text(response) -> str:
    """The visible text of the page's main part, whitespace collapsed."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def error_at(response, input_id: str) -> str:
    match = re.search(
        rf'id="{re.escape(input_id)}-error">.*?<span class="kern-body">(.*?)</span>',
        response.content.decode(),
        re.S,
    )
    assert match, f"no error shown at {input_id}"
    return match[1]


EXAMPLE = [("2010-05-03", [("education", "2026-09", "")])]


def test_the_empty_calculator_proposes_today_and_the_last_month_with_an_amount(client, monkeypatch):
    monkeypatch.setattr(calculator_views.timezone, "localdate", lambda: date(2026, 11, 24))

    html = client.get(URL).content.decode()

    assert 'name="application_received_on" value="2026-11-24"' in html
    assert 'name="until" value="2026-12"' in html
    assert "Beträge sind bis Dezember 2026 hinterlegt." in html


def test_the_result_lists_every_month_with_amount_or_reason_in_german(client):
    response = client.post(URL, form_data([("2008-08-01", [("education", "2026-09", "")])]))

    page = text(response)
    assert "Kindergeld insgesamt: 1.813,00 €" in page
    assert "Juli 2026 259,00 €" in page
    assert (
        "August 2026 – nichts 18 Jahre oder älter, und kein Zeitraum (etwa eine Ausbildung) "
        "umfasst diesen Monat." in page
    )
    assert "Der Antrag wirkt zurück bis Mai 2026" in page


def test_the_english_calculator_speaks_english_with_english_numbers(client):
    response = client.post(EN_URL, form_data(EXAMPLE))

    page = text(response)
    assert "Child benefit in total: €2,072.00" in page
    assert "May 2026 €259.00" in page
    assert "8 months paid, €2,072.00 in total." in page


def test_each_child_gets_its_own_table_and_empty_rows_are_left_out(client):
    children = [("2015-01-01", []), ("", [("", "", "")]), ("2020-06-01", [])]

    response = client.post(URL, form_data(children))

    html = response.content.decode()
    assert html.count("<table") == 2
    assert "Kind 1, geboren am 1. Januar 2015" in html
    assert "Kind 3, geboren am 1. Juni 2020" in html
    assert "Kindergeld insgesamt: 4.144,00 €" in text(response)


def test_adding_a_child_keeps_what_was_entered_and_shows_no_errors_yet(client):
    data = form_data([("2010-05-03", [])], until="2026-1", action="add_child")

    response = client.post(URL, data)

    html = response.content.decode()
    assert 'name="child-0-born_on" value="2010-05-03"' in html
    assert 'name="until" value="2026-1"' in html
    assert 'id="child-2"' in html
    assert 'name="child-1-born_on"' in html
    assert "kern-error" not in html


def test_adding_a_period_adds_a_row_to_that_child_only(client):
    data = form_data(
        [("2010-05-03", []), ("2004-01-01", [("education", "2022-09", "2026-07")])],
        action="add_period-1",
    )

    html = client.post(URL, data).content.decode()

    assert 'name="child-1-period-0-kind"' in html
    assert 'name="child-1-period-1-kind"' in html
    assert 'name="child-0-period-0-kind"' not in html
    assert '<option value="education" selected>' in html
    assert 'name="child-1-period-0-to_month" value="2026-07"' in html


def test_a_child_born_after_the_application_is_marked_at_its_date(client):
    response = client.post(URL, form_data([("2026-12-01", [])]))

    assert error_at(response, "id_child-0-born_on") == (
        "Das Geburtsdatum liegt nach dem Tag des Antragseingangs."
    )
    assert 'href="#id_child-0-born_on"' in response.content.decode()
    assert "<table" not in response.content.decode()


@pytest.mark.parametrize(
    ("children", "until", "input_id", "message"),
    [
        (
            EXAMPLE,
            "2027-03",
            "id_until",
            "Für Januar 2027 bis März 2027 ist noch kein Kindergeldbetrag hinterlegt.",
        ),
        (
            EXAMPLE,
            "2026-13",
            "id_until",
            "Geben Sie einen gültigen Monat im Format JJJJ-MM ein.",
        ),
        (
            [("2004-01-01", [("education", "2026-09", "2026-08")])],
            "2026-12",
            "id_child-0-period-0-to_month",
            "Der Zeitraum endet, bevor er beginnt.",
        ),
        (
            [("2004-01-01", [("transition", "2026-09", "")])],
            "2026-12",
            "id_child-0-period-0-to_month",
            "Geben Sie für eine Übergangszeit den letzten Monat an: Sie darf höchstens vier "
            "Monate dauern.",
        ),
        (
            [("2004-01-01", [("", "2026-09", "")])],
            "2026-12",
            "id_child-0-period-0-kind",
            "Dieses Feld ist ein Pflichtfeld.",
        ),
        (
            [("", [("education", "2026-09", "")])],
            "2026-12",
            "id_child-0-born_on",
            "Geben Sie das Geburtsdatum an.",
        ),
        ([("", [])], "2026-12", "id_child-0-born_on", "Geben Sie mindestens ein Kind an."),
        (
            [("31.02.2010", [])],
            "2026-12",
            "id_child-0-born_on",
            "Bitte ein gültiges Datum eingeben.",
        ),
    ],
)
def test_a_problem_is_shown_at_the_field_it_concerns(client, children, until, input_id, message):
    response = client.post(URL, form_data(children, until=until))

    assert error_at(response, input_id) == message
    assert "Bitte prüfen Sie Ihre Eingaben." in text(response)


def test_a_date_typed_the_german_way_is_understood(client):
    response = client.post(URL, form_data([("03.05.2010", [])], received="24.11.2026"))

    assert "Kindergeld insgesamt: 2.072,00 €" in text(response)


def test_a_forged_number_of_rows_is_capped(client):
    data = form_data([("2015-01-01", [])])
    data["child-TOTAL_FORMS"] = "100000"
    data["child-0-period-TOTAL_FORMS"] = "100000"

    response = client.post(URL, data)

    assert response.status_code == 200
    assert response.content.decode().count('type="date" name="child-') <= 12


@pytest.mark.parametrize("action", ["add_period-x", "add_period-99", "something"])
def test_an_unknown_action_does_no_harm(client, action):
    response = client.post(URL, form_data(EXAMPLE, action=action))

    assert response.status_code == 200
