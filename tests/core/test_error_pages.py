"""403 and 404 are pages in the normal layout, translated, with a way back; the API keeps JSON."""

import pytest
from django.utils import translation

from tests.factories import StaffFactory, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _language_reset():
    """Pages under /en/ activate English in this thread; later tests expect the default."""
    yield
    translation.deactivate()


def test_a_clerk_on_the_audit_log_gets_a_styled_403_with_a_link_to_the_back_office(client):
    sign_in(client, StaffFactory(email="desk@example.org", with_totp=True))

    response = client.get("/backoffice/audit/")
    page = response.content.decode()

    assert response.status_code == 403
    assert 'class="rh-skip-link"' in page and "kern.min.css" in page
    assert "<h1" in page and "Zugriff verweigert" in page
    assert '<a class="kern-link" href="/backoffice/">Zurück zum Backoffice</a>' in page

    page = client.get("/en/backoffice/audit/").content.decode()
    assert "Access denied" in page
    assert '<a class="kern-link" href="/en/backoffice/">Back to the back office</a>' in page


def test_a_citizen_in_the_back_office_gets_a_403_leading_to_the_start_page(client, citizen):
    client.force_login(citizen)

    response = client.get("/en/backoffice/")

    assert response.status_code == 403
    assert "Access denied" in response.content.decode()
    assert '<a class="kern-link" href="/en/">Go to the start page</a>' in response.content.decode()


@pytest.mark.parametrize(
    ("path", "title", "back"),
    [
        ("/gibt-es-nicht/", "Seite nicht gefunden", "Zur Startseite"),
        ("/en/no-such-page/", "Page not found", "Go to the start page"),
    ],
)
def test_404_is_a_page_of_the_site_in_its_language(client, path, title, back):
    response = client.get(path)
    page = response.content.decode()

    assert response.status_code == 404
    assert 'class="rh-skip-link"' in page and title in page and back in page


def test_api_paths_keep_json_errors(client, citizen):
    response = client.get("/api/v1/no-such-endpoint")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": "Nicht gefunden."}
