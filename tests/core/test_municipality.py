"""The municipality profile names the authority in each language; page titles use that name."""

import importlib
import re

import pytest
from django.utils import translation

from rathaus.core.municipality import municipality
from tests.eservices.documents.conftest import Pdf, kaiserslautern, notice_context, render_with

migration = importlib.import_module(
    "rathaus.core.migrations.0003_municipality_official_name_per_language"
)


def title(response) -> str:
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


@pytest.mark.django_db
def test_page_titles_end_in_the_name_of_the_active_language(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "de"
    assert title(client.get("/services/")).endswith("– Stadtverwaltung Kaiserslautern")

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/en/services/").content.decode()

    assert "<title>Services – City of Kaiserslautern</title>" in english
    assert "Stadtverwaltung" not in english


@pytest.mark.django_db
def test_the_german_name_stays_the_binding_one():
    profile = municipality()
    with translation.override("en"):
        assert profile.official_name == "City of Kaiserslautern"
    with translation.override("de"):
        assert profile.official_name == "Stadtverwaltung Kaiserslautern"

    profile.official_name = "Stadtverwaltung Kaiserslautern (Testbetrieb)"

    assert profile.official_name_de == "Stadtverwaltung Kaiserslautern (Testbetrieb)"
    assert profile.official_name_en == "City of Kaiserslautern"


@pytest.mark.parametrize(
    ("german", "name", "english"),
    [
        ("Stadtverwaltung Kaiserslautern", "Kaiserslautern", "City of Kaiserslautern"),
        ("Gemeindeverwaltung Otterbach", "Otterbach", "Municipality of Otterbach"),
        ("Kreisverwaltung Kusel", "Kusel", "District of Kusel"),
        ("Magistrat der Stadt Musterstadt", "Musterstadt", "City of Musterstadt"),
    ],
)
def test_existing_profiles_get_an_english_name(german, name, english):
    assert migration.english_name(german, name) == english


def test_an_english_notice_names_the_city_in_english_and_the_remedy_authority_in_german():
    data = render_with(
        kaiserslautern(),
        template="eservices/documents/notice_generic.html",
        context=notice_context(),
        language="en",
    )
    text = Pdf(data).text

    assert "City of Kaiserslautern" in text
    # The binding German legal remedy names the authority by its German name.
    assert "Stadtverwaltung Kaiserslautern, Willy-Brandt-Platz 1" in text
