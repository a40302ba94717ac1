import re

import pytest

pytestmark = pytest.mark.django_db


def html_lang(response) -> str:
    return re.search(r'<html lang="([a-z]+)"', response.content.decode()).group(1)


def test_start_page_is_german_without_prefix(client):
    response = client.get("/")

    assert response.status_code == 200
    assert html_lang(response) == "de"
    assert "Zum Inhalt springen" in response.content.decode()


def test_english_start_page_under_en_prefix(client):
    response = client.get("/en/")

    assert response.status_code == 200
    assert html_lang(response) == "en"
    assert "Skip to content" in response.content.decode()


def test_first_visit_from_an_english_browser_goes_to_the_english_page(client):
    response = client.get("/services/?q=dog", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert response.status_code == 302
    assert response["Location"] == "/en/services/?q=dog"


def test_a_german_browser_stays_on_the_german_page(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9,en;q=0.5")

    assert response.status_code == 200
    assert html_lang(response) == "de"


def test_switching_to_german_is_remembered_over_the_browser_preference(client):
    response = client.post("/i18n/setlang/", {"language": "de", "next": "/"})
    assert response.status_code == 302

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert html_lang(response) == "de"


def test_switching_to_english_translates_the_current_page(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/info/privacy/"})

    assert response["Location"] == "/en/info/privacy/"
    assert client.get("/").status_code == 302


def test_sign_in_page_follows_the_language_the_person_browses_in(client):
    client.get("/en/")

    response = client.get("/accounts/login/")

    assert html_lang(response) == "en"


def test_api_errors_follow_accept_language(client):
    german = client.get("/api/v1/me", HTTP_ACCEPT_LANGUAGE="de")
    english = client.get("/api/v1/me", HTTP_ACCEPT_LANGUAGE="en")

    assert german.status_code == english.status_code == 401
    assert german.json()["detail"] == "Eine Anmeldung ist erforderlich."
    assert english.json()["detail"] == "Authentication is required."
