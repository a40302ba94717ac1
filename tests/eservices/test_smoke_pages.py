from tests.factories import sign_in


def test_catalogue_and_service_page_render(client, service):
    assert client.get("/services/").status_code == 200
    assert client.get(f"/services/{service.slug}/").status_code == 200


def test_citizen_pages_render(client, citizen, make_case):
    case = make_case(citizen)
    sign_in(client, citizen)
    for path in ["/services/mailbox/", f"/services/cases/{case.reference}/", "/services/my-data/"]:
        response = client.get(path)
        assert response.status_code == 200, (path, response.content[:3000])


def test_staff_pages_render(client, tax_clerk, make_case, citizen):
    case = make_case(citizen)
    sign_in(client, tax_clerk)
    for path in [
        "/backoffice/services/",
        f"/backoffice/services/cases/{case.reference}/",
        "/backoffice/services/payments/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, (path, response.content[:3000])
