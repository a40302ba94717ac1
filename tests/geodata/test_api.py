"""GET /api/v1/geodata/locate as an API client sees it."""

import pytest

from tests.geodata.conftest import MANNHEIM, TOWN_HALL

pytestmark = pytest.mark.django_db


def locate(client, lon, lat, **headers):
    return client.get("/api/v1/geodata/locate", {"lon": lon, "lat": lat}, headers=headers)


@pytest.mark.usefixtures("imported_districts")
def test_a_point_in_the_city_gets_its_district(client):
    response = locate(client, *TOWN_HALL)

    assert response.status_code == 200
    assert response.json() == {"district": {"id": 0, "name": "Innenstadt"}}


@pytest.mark.usefixtures("imported_districts")
@pytest.mark.parametrize(
    ("language", "detail"),
    [
        ("de", "Dieser Punkt liegt in keinem Ortsbezirk der Stadt."),
        ("en", "This point does not lie in any district of the city."),
    ],
)
def test_a_point_outside_answers_404_in_the_clients_language(client, language, detail):
    response = locate(client, *MANNHEIM, **{"accept-language": language})

    assert response.status_code == 404
    assert response.json() == {"detail": detail}


@pytest.mark.usefixtures("imported_districts")
@pytest.mark.parametrize(
    ("lon", "lat", "field"),
    [("abc", 49.4, "lon"), (7.7, 91, "lat"), (181, 49.4, "lon"), ("nan", 49.4, "lon")],
)
def test_bad_numbers_answer_422_with_the_field(client, lon, lat, field):
    response = locate(client, lon, lat)

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field


def test_before_the_boundaries_are_imported_the_api_says_so(client):
    response = locate(client, *TOWN_HALL, **{"accept-language": "en"})

    assert response.status_code == 503
    assert response.json() == {"detail": "The district boundaries have not been imported yet."}
