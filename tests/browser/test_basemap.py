"""The base map in Chromium (issue 16): the platform's own archive is fetched from the platform
alone and drawn; a WMTS service is the only other host asked; the city's WMS layers are asked
for images only once a person switches them on in the layer switcher."""

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from PIL import Image
from playwright.sync_api import expect

from rathaus.core.municipality import municipality
from rathaus.geodata.models import MapServiceLayer
from tests.browser.helpers import sign_in
from tests.browser.test_participation_maps import (  # noqa: F401 (fixtures)
    city,
    process,
    wait_for_map,
)
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# True once a canvas tile of the map shows more than two colours (areas, lines, labels).
PAINTED = """() => [...document.querySelectorAll('.rh-map canvas')].some((canvas) => {
  if (!canvas.width || !canvas.height) return false;
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const colours = new Set();
  for (let i = 0; i < data.length; i += 4 * 31) {
    colours.add(data[i] + ',' + data[i + 1] + ',' + data[i + 2]);
    if (colours.size > 2) return true;
  }
  return false;
})"""


def png_tile() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), (200, 120, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


class TileServer:
    """A map service on another loopback port: answers every GET with a PNG, notes the paths."""

    def __init__(self):
        tile = png_tile()
        requests = self.requests = []

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                requests.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(tile)))
                self.end_headers()
                self.wfile.write(tile)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def tile_server():
    server = TileServer()
    yield server
    server.close()


def origins_of(urls) -> set[str]:
    return {f"{urlsplit(url).scheme}://{urlsplit(url).netloc}" for url in urls}


def record(page) -> list[str]:
    urls = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_own_archive_is_fetched_from_the_platform_only_and_drawn(
    page,
    browser,
    live_server,
    settings,
    tmp_path,
    process,  # noqa: F811 (the imported fixture)
    assert_accessible,
):
    settings.BASEMAP_ARCHIVE = tmp_path / "basemap.pmtiles"
    call_command("build_basemap", max_zoom=13, stdout=None)
    urls = record(page)
    statuses = []
    page.on(
        "response",
        lambda response: statuses.append(response.status) if "basemap" in response.url else None,
    )

    page.goto(f"/participation/processes/{process.slug}/proposals/")
    wait_for_map(page)
    page.wait_for_function(PAINTED)

    assert origins_of(urls) == {live_server.url}
    assert statuses and set(statuses) <= {200, 206} and 206 in statuses
    assert (
        page.locator(".leaflet-control-attribution")
        .inner_text()
        .endswith("Stadt Kaiserslautern (Ortsbezirke: Open Data)")
    )
    expect(page.locator(".rh-map__source")).to_contain_text("Hintergrundkarte")
    assert_accessible(page)
    UserFactory(email="picker@example.org")
    sign_in(page, "picker@example.org")
    page.goto(f"/participation/processes/{process.slug}/proposals/new/")
    wait_for_map(page, ".rh-picker__map")
    page.wait_for_function(PAINTED)
    assert_accessible(page)
    for path in (
        "/maps/",
        "/en/maps/places/",
        process.proposals.exclude(latitude=None)[0].get_absolute_url(),
    ):
        page.goto(path)
        wait_for_map(page)
        page.wait_for_function(PAINTED)
        assert_accessible(page)
    assert origins_of(urls) == {live_server.url}

    phone = browser.new_context(
        base_url=live_server.url, locale="de-DE", viewport={"width": 320, "height": 800}
    )
    small = phone.new_page()
    small.goto(f"/participation/processes/{process.slug}/proposals/")
    wait_for_map(small)
    small.wait_for_function(PAINTED)
    assert no_sideways_scroll(small)
    phone.close()


def test_a_wmts_service_is_the_only_other_host_asked(
    page,
    live_server,
    process,  # noqa: F811 (the imported fixture)
    tile_server,
    assert_accessible,
):
    profile = municipality()
    profile.basemap = "tiles"
    profile.basemap_tile_url = (
        tile_server.origin + "/wmts/basemap/{TileMatrix}/{TileRow}/{TileCol}.png"
    )
    profile.basemap_attribution = "Testkarte"
    profile.full_clean()
    profile.save()
    urls = record(page)

    response = page.goto(f"/participation/processes/{process.slug}/proposals/")
    wait_for_map(page)
    expect(page.locator(".rh-map img.leaflet-tile-loaded").first).to_be_visible()

    assert tile_server.origin in response.headers["content-security-policy"]
    assert origins_of(urls) == {live_server.url, tile_server.origin}
    assert all(path.startswith("/wmts/basemap/") for path in tile_server.requests)
    assert "Testkarte" in page.locator(".leaflet-control-attribution").inner_text()
    assert_accessible(page)


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_city_layer_is_asked_for_images_only_after_it_is_switched_on(
    page,
    process,  # noqa: F811 (the imported fixture)
    tile_server,
    assert_accessible,
    language,
):
    MapServiceLayer.objects.create(
        title_de="Bebauungspläne",
        title_en="Development plans",
        kind="wms",
        url=tile_server.origin + "/wms",
        layer_name="bplan",
        attribution="Stadt Kaiserslautern, Stadtplanung",
    )
    prefix = "" if language == "de" else "/en"
    page.goto(f"{prefix}/participation/processes/{process.slug}/proposals/")
    wait_for_map(page)
    page.wait_for_load_state("networkidle")
    assert tile_server.requests == []

    toggle = page.locator(".rh-map .leaflet-control-layers-toggle")
    assert toggle.get_attribute("aria-label") == (
        "Kartenebenen" if language == "de" else "Map layers"
    )
    toggle.focus()
    page.keyboard.press("Enter")
    title = "Bebauungspläne" if language == "de" else "Development plans"
    switch = page.get_by_role("checkbox", name=title)
    expect(switch).to_be_visible()
    assert not switch.is_checked()
    assert_accessible(page)

    switch.focus()
    page.keyboard.press("Space")
    expect(page.locator(".rh-map img.leaflet-tile-loaded").first).to_be_visible()
    assert tile_server.requests
    asked = [path.lower() for path in tile_server.requests]
    assert all("request=getmap" in path and "layers=bplan" in path for path in asked)
    assert "Stadtplanung" in page.locator(".leaflet-control-attribution").inner_text()
