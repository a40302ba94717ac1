"""The platform's own base map: tiles cut from its data, the archive served with range requests,
the base-map kinds of the municipality profile, and the CSP of the map pages (issue 16)."""

import gzip
import html
import json
import re

import mapbox_vector_tile
import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from pmtiles.reader import MemorySource, Reader

from rathaus.core.map_services import validate_service_url, validate_tile_template
from rathaus.core.municipality import municipality
from rathaus.geodata import demo
from rathaus.geodata.basemap import (
    MapFeature,
    build_tiles,
    lonlat_to_tile,
    tile_bounds,
    write_archive,
)
from rathaus.geodata.models import MapServiceLayer
from tests.geodata.conftest import TOWN_HALL, square

BASEMAP_DE = (
    "https://sgx.geodatenzentrum.de/wmts_basemapde/tile/1.0.0/de_basemapde_web_raster_farbe/"
    "default/GLOBAL_WEBMERCATOR/{TileMatrix}/{TileRow}/{TileCol}.png"
)


def decoded(tile: bytes) -> dict:
    return mapbox_vector_tile.decode(gzip.decompress(tile))


def names(layer: dict) -> set[str]:
    return {feature["properties"]["name"] for feature in layer["features"]}


# --- the pure core -----------------------------------------------------------------------------


def test_tile_bounds_cover_the_world_and_halve_with_each_zoom():
    world = tile_bounds(0, 0, 0)
    assert world[0] == pytest.approx(-20037508.34, abs=0.01)
    assert world[3] == pytest.approx(20037508.34, abs=0.01)
    quarter = tile_bounds(1, 1, 1)
    assert quarter == pytest.approx((0, world[1], world[2], 0), abs=0.01)


def test_the_tiles_carry_areas_their_labels_and_the_points_with_names():
    features = [
        MapFeature(
            {"type": "Polygon", "coordinates": square(7.76, 49.44, 0.02)}, "Innenstadt", "districts"
        ),
        MapFeature({"type": "Point", "coordinates": list(TOWN_HALL)}, "Rathaus", "places"),
        MapFeature(
            {"type": "LineString", "coordinates": [[7.761, 49.441], [7.775, 49.455]]},
            "Radweg",
            "projects",
        ),
    ]
    tiles = build_tiles(features, max_zoom=12)
    assert (0, 0, 0) in tiles
    assert {z for z, _, _ in tiles} == set(range(13))
    x, y = lonlat_to_tile(*TOWN_HALL, 12)
    layers = decoded(tiles[(12, x, y)])
    assert set(layers) == {"areas", "labels", "lines", "points"}
    assert names(layers["labels"]) == {"Innenstadt"}
    assert names(layers["points"]) == {"Rathaus"}
    assert layers["points"]["features"][0]["properties"]["layer"] == "places"
    # The point lies where the tile says: inside its 4096 units.
    px, py = layers["points"]["features"][0]["geometry"]["coordinates"]
    assert 0 <= px <= 4096 and 0 <= py <= 4096


def test_the_archive_is_pmtiles_a_reader_understands():
    feature = MapFeature({"type": "Point", "coordinates": list(TOWN_HALL)}, "Rathaus", "places")
    tiles = build_tiles([feature], max_zoom=10)
    archive = write_archive(
        tiles, bounds_lonlat=(7.7, 49.4, 7.8, 49.5), name="test", attribution="Stadt"
    )
    reader = Reader(MemorySource(archive))
    header = reader.header()
    assert (header["min_zoom"], header["max_zoom"]) == (0, 10)
    assert reader.metadata()["attribution"] == "Stadt"
    x, y = lonlat_to_tile(*TOWN_HALL, 10)
    assert names(decoded(reader.get(10, x, y))["points"]) == {"Rathaus"}


# --- addresses of map services -----------------------------------------------------------------


@pytest.mark.parametrize("template", [BASEMAP_DE, "https://tiles.example.org/{z}/{x}/{y}.png"])
def test_a_tile_template_with_its_placeholders_on_a_clean_https_address_is_accepted(
    settings, template
):
    settings.PRODUCTION = True

    validate_tile_template(template)


@pytest.mark.parametrize(
    ("template", "code"),
    [
        ("http://tiles.example.org/{z}/{x}/{y}.png", "scheme"),
        ("https://user:secret@tiles.example.org/{z}/{x}/{y}.png", "credentials"),
        ("https://tiles.example.org/tiles.png", "placeholders"),
        ("https://tiles.example.org/" + "a" * 500 + "/{z}/{x}/{y}", "too_long"),
        ("javascript:alert(1)//{z}/{x}/{y}", "scheme"),
        ("https://{s}.tiles.example.org/{z}/{x}/{y}.png", "host"),
        ("https://tiles.example.org;script-src/{z}/{x}/{y}.png", "host"),
        ("https://[::1/{z}/{x}/{y}.png", "host"),
    ],
)
def test_a_tile_template_without_its_placeholders_or_a_clean_https_address_is_refused(
    settings, template, code
):
    settings.PRODUCTION = True

    with pytest.raises(ValidationError) as raised:
        validate_tile_template(template)

    assert raised.value.code == code


def test_plain_http_is_allowed_outside_production(settings):
    settings.PRODUCTION = False

    validate_service_url("http://127.0.0.1:8080/wms")


def test_plain_http_is_refused_in_production(settings):
    settings.PRODUCTION = True

    with pytest.raises(ValidationError):
        validate_service_url("http://127.0.0.1:8080/wms")


# --- the archive over HTTP, the profile's kinds, the CSP ---------------------------------------


@pytest.fixture
def archive(imported_districts, settings, tmp_path):
    demo.load()
    settings.BASEMAP_ARCHIVE = tmp_path / "basemap.pmtiles"
    call_command("build_basemap", max_zoom=12, stdout=None)
    return settings.BASEMAP_ARCHIVE


def img_src(response) -> list[str]:
    policy = response["Content-Security-Policy"]
    return re.search(r"img-src ([^;]*)", policy).group(1).split()


def map_attributes(page: str) -> dict:
    tag = re.search(r'<div class="rh-map"[^>]*>', page, re.S).group(0)
    return {
        name: html.unescape(value) for name, value in re.findall(r'(data-[\w-]+)="([^"]*)"', tag)
    }


@pytest.mark.django_db
def test_build_basemap_writes_the_districts_and_places_of_the_city(archive):
    reader = Reader(MemorySource(archive.read_bytes()))
    assert reader.header()["max_zoom"] == 12
    labels = set()
    west, north = lonlat_to_tile(7.6, 49.5, 12)
    east, south = lonlat_to_tile(7.9, 49.3, 12)
    for x in range(west, east + 1):
        for y in range(north, south + 1):
            tile = reader.get(12, x, y)
            if tile:
                labels |= names(decoded(tile).get("labels", {"features": []}))
    assert {"Innenstadt", "Hohenecken", "Erlenbach"} <= labels
    x, y = lonlat_to_tile(*TOWN_HALL, 12)
    assert "Rathaus" in " ".join(names(decoded(reader.get(12, x, y))["points"]))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("requested", "status", "content_range", "part"),
    [
        ("bytes=0-126", 206, "bytes 0-126/{size}", slice(0, 127)),
        ("bytes=-10", 206, "bytes {tail}-{last}/{size}", slice(-10, None)),
        ("bytes={size}-", 416, "bytes */{size}", None),
    ],
    ids=["first bytes", "last bytes", "beyond the end"],
)
def test_the_archive_is_served_in_ranges(client, archive, requested, status, content_range, part):
    content = archive.read_bytes()
    size = len(content)
    places = {"size": size, "tail": size - 10, "last": size - 1}

    response = client.get("/maps/basemap.pmtiles", HTTP_RANGE=requested.format(**places))

    assert response.status_code == status
    assert response["Content-Range"] == content_range.format(**places)
    if part is not None:
        assert response.content == content[part]
        assert response["Accept-Ranges"] == "bytes"


@pytest.mark.django_db
def test_the_whole_archive_is_served_and_not_again_while_unchanged(client, archive):
    whole = client.get("/maps/basemap.pmtiles")
    again = client.get("/maps/basemap.pmtiles", HTTP_IF_NONE_MATCH=whole["ETag"])

    assert whole.status_code == 200
    assert b"".join(whole.streaming_content) == archive.read_bytes()
    assert again.status_code == 304


@pytest.mark.django_db
def test_without_an_archive_the_maps_show_outlines_only(client, imported_districts):
    assert client.get("/maps/basemap.pmtiles").status_code == 404
    attributes = map_attributes(client.get("/maps/").content.decode())
    assert "data-basemap" not in attributes
    assert img_src(client.get("/maps/")) == ["'self'", "data:"]


@pytest.mark.django_db
def test_the_archive_is_drawn_from_the_platform_and_needs_no_image_host(client, archive):
    response = client.get("/maps/")
    attributes = map_attributes(response.content.decode())
    assert attributes["data-basemap"] == "archive"
    assert attributes["data-basemap-url"] == "/maps/basemap.pmtiles"
    assert attributes["data-basemap-max-zoom"] == "12"
    assert img_src(response) == ["'self'", "data:"]
    assert "drawn from this platform's own data" not in response.content.decode()
    assert "aus den eigenen Daten dieser Plattform" in response.content.decode()


@pytest.mark.django_db
def test_a_tile_service_is_allowed_for_images_on_map_pages_and_nowhere_else(client, archive):
    profile = municipality()
    profile.basemap = "tiles"
    profile.basemap_tile_url = BASEMAP_DE
    profile.basemap_attribution = "© basemap.de / BKG"
    profile.full_clean()
    profile.save()

    response = client.get("/maps/")
    attributes = map_attributes(response.content.decode())
    assert attributes["data-basemap"] == "tiles"
    assert attributes["data-basemap-url"].endswith("/GLOBAL_WEBMERCATOR/{z}/{y}/{x}.png")
    assert attributes["data-basemap-attribution"] == "© basemap.de / BKG"
    assert img_src(response) == ["'self'", "data:", "https://sgx.geodatenzentrum.de"]
    assert img_src(client.get("/")) == ["'self'", "data:"]
    assert "connect-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_registered_layers_are_offered_switched_off_and_their_hosts_allowed(client, archive):
    MapServiceLayer.objects.create(
        title_de="Bebauungspläne",
        title_en="Development plans",
        kind="wms",
        url="https://geo.kaiserslautern.de/wms",
        layer_name="bplan",
        attribution="Stadt Kaiserslautern",
        min_zoom=14,
    )
    MapServiceLayer.objects.create(
        title_de="Luftbild",
        title_en="Aerial image",
        kind="wmts",
        url="https://wmts.kaiserslautern.de/{Layer}/{TileMatrix}/{TileRow}/{TileCol}.png",
        layer_name="dop20",
        attribution="Stadt Kaiserslautern, Vermessung",
    )
    MapServiceLayer.objects.create(
        title_de="Alt",
        title_en="Old",
        kind="wmts",
        url="https://old.example.org/{Layer}/{z}/{x}/{y}.png",
        layer_name="luftbild",
        attribution="x",
        active=False,
    )
    response = client.get("/en/maps/")
    overlays = json.loads(map_attributes(response.content.decode())["data-overlays"])
    assert overlays == [
        {
            "title": "Development plans",
            "kind": "wms",
            "url": "https://geo.kaiserslautern.de/wms",
            "layer": "bplan",
            "attribution": "Stadt Kaiserslautern",
            "minZoom": 14,
        },
        {
            "title": "Aerial image",
            "kind": "wmts",
            "url": "https://wmts.kaiserslautern.de/dop20/{z}/{y}/{x}.png",
            "layer": "dop20",
            "attribution": "Stadt Kaiserslautern, Vermessung",
            "minZoom": 0,
        },
    ]
    assert img_src(response) == [
        "'self'",
        "data:",
        "https://geo.kaiserslautern.de",
        "https://wmts.kaiserslautern.de",
    ]
    assert img_src(client.get("/en/")) == ["'self'", "data:"]
