import pytest

from rathaus.accounts.tokens import api_token_create
from rathaus.eservices import workflow
from rathaus.eservices.services.cases import case_transition
from tests.eservices.factories import ServiceFactory


def bearer(user) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user)}"}


def test_the_catalogue_is_public_with_leika_name_and_page_url(client, service):
    response = client.get("/api/v1/services")

    assert response.status_code == 200
    item = response.json()[0]
    assert item["id"] == service.pk
    assert item["leika"] == "99000000000001"
    assert item["name"] == "Nachweis einreichen"
    assert item["url"] == f"http://testserver/services/{service.slug}/"
    assert item["open"] is True


def test_the_catalogue_answers_in_the_requested_language_and_searches(client, service, tax_office):
    ServiceFactory(
        unit=tax_office,
        slug="sperrmuell",
        name_de="Sperrmüllabholung",
        name_en="Bulky waste pick-up",
    )

    english = client.get("/api/v1/services", {"q": "Sperrmüll"}, HTTP_ACCEPT_LANGUAGE="en").json()

    assert [item["name"] for item in english] == ["Bulky waste pick-up"]


def test_one_service_in_detail_and_an_unknown_one(client, service):
    detail = client.get(f"/api/v1/services/{service.slug}").json()

    assert detail["processing_days"] == 30
    assert client.get("/api/v1/services/nothing").status_code == 404


def test_staff_tokens_list_only_their_departments_cases(
    client, make_case, tax_clerk, family_office
):
    mine = make_case()
    ServiceFactory(unit=family_office, slug="other")

    response = client.get("/api/v1/cases", **bearer(tax_clerk))

    assert response.status_code == 200
    assert [item["reference"] for item in response.json()] == [mine.reference]
    assert response.json()[0]["department"] == "steueramt"


def test_status_filter_and_detail_with_answers(client, make_case, tax_clerk):
    case = make_case()
    case_transition(case=case, to=workflow.IN_REVIEW, actor=tax_clerk, actor_kind=workflow.STAFF)
    headers = bearer(tax_clerk)

    assert client.get("/api/v1/cases", {"status": "submitted"}, **headers).json() == []
    detail = client.get(f"/api/v1/cases/{case.reference}", **headers).json()
    assert detail["status"] == "in_review"
    assert detail["answers"]["details"] == "Here is my proof."


def test_a_clerk_of_another_department_does_not_find_the_case(client, make_case, family_clerk):
    case = make_case()

    response = client.get(f"/api/v1/cases/{case.reference}", **bearer(family_clerk))

    assert response.status_code == 404


@pytest.mark.parametrize("path", ["/api/v1/cases", "/api/v1/cases/KL-2026-000001"])
def test_citizen_tokens_are_refused(client, citizen, make_case, path):
    make_case(citizen)

    assert client.get(path, **bearer(citizen)).status_code == 403


@pytest.mark.parametrize("path", ["/api/v1/cases", "/api/v1/cases/KL-2026-000001"])
def test_anonymous_requests_must_authenticate(client, path, db):
    assert client.get(path).status_code == 401


def test_the_case_list_needs_few_queries(
    client, make_case, tax_clerk, django_assert_max_num_queries
):
    for _ in range(10):
        make_case()
    headers = bearer(tax_clerk)

    with django_assert_max_num_queries(6):
        response = client.get("/api/v1/cases", **headers)

    assert len(response.json()) == 10


def test_the_openapi_document_describes_the_endpoints(client, db):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert {
        "/api/v1/services",
        "/api/v1/services/{slug}",
        "/api/v1/cases",
        "/api/v1/cases/{reference}",
    } <= set(paths)
