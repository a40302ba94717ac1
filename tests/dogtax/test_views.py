"""The public calculator: a plain form that adds dog rows and shows the tax without JavaScript."""

import re
from urllib.parse import urlencode

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db

URL = "/dogtax/calculator/"


def dog(index: int, **fields) -> dict:
    return {f"dog-{index}-{name}": value for name, value in fields.items()}


def calculate(client, *, prefix="", year="2026", dogs=(), action=None, **extra):
    query = {"dogs": str(max(len(dogs), 1)), "year": year} | extra
    for index, fields in enumerate(dogs):
        query |= dog(index, **fields)
    if action:
        query["action"] = action
    return client.get(f"{prefix}{URL}?{urlencode(query)}").content.decode()


DOG_FIELDSET = 'class="kern-fieldset rh-dogtax-dog"'


def text(page: str) -> str:
    """The page's text with tags dropped and white space collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_the_empty_calculator_asks_for_the_year_and_one_dog(client):
    page = client.get(URL).content.decode()

    assert '<h1 class="kern-heading-x-large">Hundesteuer-Rechner</h1>' in page
    assert f'name="year" value="{timezone.localdate().year}"' in page
    assert page.count(DOG_FIELDSET) == 1
    assert 'name="dog-0-kept_since"' in page
    assert 'type="radio" name="keeper_exemption" value="nato_forces"' in page
    assert "Hund aus dem Tierheim" in page
    assert "Angehörige der NATO-Streitkräfte" in page
    assert 'id="result"' not in page


def test_the_calculator_is_english_under_en(client):
    page = client.get("/en" + URL).content.decode()

    assert "Dog tax calculator" in page
    assert "Shelter dog" in page


def test_two_dogs_show_each_month_the_total_and_the_instalments(client):
    page = calculate(
        client,
        dogs=[
            {"name": "Bello", "kept_since": "2020-03-01"},
            {"name": "Luna", "kept_since": "2026-03-03"},
        ],
    )

    shown = text(page)
    assert "Hundesteuer 2026: 246,00 €" in shown
    assert "Januar 10,00 € (erster Hund) – nicht steuerpflichtig" in shown
    assert "April 10,00 € (erster Hund) 14,00 € (zweiter Hund)" in shown
    assert "Jahr 120,00 € 126,00 €" in shown
    assert "15. Februar 2026 Januar – März 30,00 €" in shown
    assert "15. Mai 2026 April – Juni 72,00 €" in shown
    assert "15. November 2026 Oktober – Dezember 72,00 €" in shown
    assert "ab 1. Januar 2022" in shown


def test_an_exempt_dog_is_shown_as_exempt_and_nothing_is_due(client):
    page = calculate(client, dogs=[{"kept_since": "2025-06-15", "exemption": "shelter"}])

    shown = text(page)
    assert "Hundesteuer 2026: 0,00 €" in shown
    assert "Januar steuerfrei" in shown
    assert "Für dieses Jahr ist nichts zu zahlen." in shown


def test_a_nato_forces_keeper_pays_nothing(client):
    page = calculate(client, dogs=[{"kept_since": "2020-01-01"}], keeper_exemption="nato_forces")

    assert "Hundesteuer 2026: 0,00 €" in text(page)


def test_adding_a_dog_keeps_what_was_typed_and_shows_no_errors(client):
    page = calculate(client, dogs=[{"name": "Bello", "kept_since": "2020-03-01"}], action="add")

    assert page.count(DOG_FIELDSET) == 2
    assert 'name="dog-0-name" value="Bello"' in page
    assert 'name="dog-0-kept_since" value="2020-03-01"' in page
    assert 'name="dogs" value="2"' in page
    assert "kern-error" not in page
    assert 'id="result"' not in page


def test_at_most_twenty_dogs_can_be_added(client):
    page = calculate(client, dogs=[{"kept_since": "2020-01-01"}] * 20, action="add")

    assert page.count(DOG_FIELDSET) == 20
    assert 'value="add"' not in page


def test_a_dog_row_left_empty_is_ignored(client):
    page = calculate(client, dogs=[{"kept_since": "2020-01-01"}, {"name": "", "kept_since": ""}])

    header = re.search(r"Steuer je Monat und Hund</caption>.*?</thead>", page, re.S).group(0)
    assert "Hundesteuer 2026: 120,00 €" in text(page)
    assert re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', header) == ["Monat", "Hund 1"]


def test_a_dog_given_up_before_it_was_kept_is_refused_at_the_field(client):
    page = calculate(client, dogs=[{"kept_since": "2024-05-10", "given_up_on": "2024-05-01"}])

    assert 'id="id_dog-0-given_up_on-error"' in page
    assert 'aria-invalid="true"' in page
    summary = re.search(r'<section id="result" class="kern-alert.*?</section>', page, re.S)
    assert summary is not None
    assert 'href="#id_dog-0-given_up_on"' in summary.group(0)
    assert (
        "Hund 1: Abgegeben am: Der Hund kann nicht vor seiner Aufnahme abgegeben worden sein."
        in (text(summary.group(0)))
    )
    assert "Hundesteuer 2026" not in page


def test_a_year_without_rates_is_refused_at_the_year(client):
    page = calculate(client, year="2016", dogs=[{"kept_since": "2015-01-01"}])

    assert 'id="id_year-error"' in page
    assert "Die Hundesteuersatzung enthält für dieses Jahr keine Steuersätze." in page


def test_impossible_dates_and_a_missing_day_are_refused_in_english(client):
    page = calculate(
        client,
        prefix="/en",
        dogs=[{"kept_since": "2026-02-30"}, {"name": "Luna", "kept_since": ""}],
    )

    shown = text(page)
    assert "Dog 1: Taken in on: Enter a valid date." in shown
    assert "Dog 2: Taken in on: This field is required." in shown


def test_two_dogs_with_the_same_name_are_told_apart(client):
    page = calculate(
        client,
        prefix="/en",
        dogs=[
            {"name": "Rex", "kept_since": "2020-01-01"},
            {"name": "Rex", "kept_since": "2021-01-01"},
        ],
    )

    assert text(page).count("Name of the dog: Give each dog its own name.") == 2


def test_the_first_dog_needs_its_day_of_taking_in(client):
    page = calculate(client, dogs=[{"name": "Bello"}])

    assert "Hund 1: Aufgenommen am: Dieses Feld ist ein Pflichtfeld." in text(page)


def test_a_broken_number_of_rows_falls_back_to_one(client):
    response = client.get(URL + "?dogs=many&year=2026&dog-0-kept_since=2020-01-01")

    assert response.status_code == 200
    assert "Hundesteuer 2026: 120,00 €" in text(response.content.decode())
