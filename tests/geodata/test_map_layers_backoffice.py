"""Administrators register the city's WMS/WMTS services as map layers (issue 16): permission
checked, audited, bounded, and only clean https addresses."""

import pytest

from rathaus.core.models import AuditEntry
from rathaus.geodata.models import MapServiceLayer
from tests.factories import StaffFactory, platform_administrator, sign_in

pytestmark = pytest.mark.django_db

LIST = "/backoffice/geodata/layers/"
NEW = "/backoffice/geodata/layers/new/"

VALID = {
    "title_de": "Bebauungspläne",
    "title_en": "Development plans",
    "kind": "wms",
    "url": "https://geo.kaiserslautern.de/wms",
    "layer_name": "bplan",
    "attribution": "Stadt Kaiserslautern",
    "min_zoom": "14",
    "active": "on",
}


@pytest.fixture
def admin_client(client):
    sign_in(client, platform_administrator())
    return client


def test_an_administrator_registers_changes_and_removes_a_layer(admin_client):
    assert admin_client.get(LIST).status_code == 200
    response = admin_client.post(NEW, VALID)
    assert response.status_code == 302
    layer = MapServiceLayer.objects.get()
    assert (layer.layer_name, layer.min_zoom, layer.active) == ("bplan", 14, True)
    created = AuditEntry.objects.get(action="map_layer.create")
    assert created.actor.email == "admin@example.org"

    edit = f"/backoffice/geodata/layers/{layer.pk}/"
    page = admin_client.get(edit).content.decode()
    assert "Bebauungspläne" in page
    admin_client.post(edit, {**VALID, "min_zoom": "12", "active": ""})
    layer.refresh_from_db()
    assert (layer.min_zoom, layer.active) == (12, False)
    assert AuditEntry.objects.filter(action="map_layer.update").count() == 1
    assert "Bebauungspläne" in admin_client.get(LIST).content.decode()

    assert admin_client.post(f"{edit}delete/").status_code == 302
    assert not MapServiceLayer.objects.exists()
    assert AuditEntry.objects.filter(action="map_layer.delete").count() == 1


def test_a_wmts_layer_needs_a_tile_template(admin_client):
    wmts = {**VALID, "kind": "wmts", "url": "https://geo.kaiserslautern.de/wmts"}
    assert admin_client.post(NEW, wmts).status_code == 200
    template = "https://geo.kaiserslautern.de/wmts/{Layer}/{TileMatrix}/{TileRow}/{TileCol}.png"
    assert admin_client.post(NEW, {**wmts, "url": template}).status_code == 302
    assert MapServiceLayer.objects.get().url == template


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("url", "http://geo.kaiserslautern.de/wms"),
        ("url", "https://gis:secret@geo.kaiserslautern.de/wms"),
        ("url", "https://geo.kaiserslautern.de/wms/{z}"),
        ("url", "https://geo.kaiserslautern.de/" + "w" * 500),
        ("url", "ftp://geo.kaiserslautern.de/wms"),
        ("min_zoom", "21"),
        ("layer_name", "x" * 201),
    ],
)
def test_unsafe_or_unbounded_input_is_refused(admin_client, settings, field, value):
    settings.PRODUCTION = True
    response = admin_client.post(NEW, {**VALID, field: value})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not MapServiceLayer.objects.exists()


def test_clerks_and_citizens_may_not_register_layers(client, citizen):
    clerk = StaffFactory(with_totp=True)
    sign_in(client, clerk)
    assert client.get(LIST).status_code == 403
    assert client.post(NEW, VALID).status_code == 403
    client.force_login(citizen)
    assert client.get(LIST).status_code == 403
    assert not MapServiceLayer.objects.exists()
