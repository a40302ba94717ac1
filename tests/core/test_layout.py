import re
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/en/",
    "/accounts/login/",
    "/accounts/signup/",
    "/info/legal-notice/",
    "/en/info/privacy/",
    "/info/accessibility/",
    "/en/info/easy-language/",
]


class AssetCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.assets = []
        self.inline_scripts = 0
        self.style_attributes = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.style_attributes += 1
        if tag == "script":
            if attrs.get("src"):
                self.assets.append(attrs["src"])
            elif attrs.get("type") not in ("application/json", "application/ld+json"):
                self.inline_scripts += 1
        if tag == "link" and attrs.get("rel") in ("stylesheet", "icon", "preload"):
            self.assets.append(attrs.get("href", ""))
        if tag in ("img", "iframe", "source") and attrs.get("src"):
            self.assets.append(attrs["src"])


@pytest.mark.parametrize("path", PAGES)
def test_every_asset_comes_from_our_own_host_and_no_script_is_inline(client, path):
    response = client.get(path, follow=True)
    collector = AssetCollector()
    collector.feed(response.content.decode())

    assert response.status_code == 200
    assert collector.assets, "the page loads its styles"
    assert [url for url in collector.assets if re.match(r"^(https?:)?//", url)] == []
    assert collector.inline_scripts == 0
    assert collector.style_attributes == 0


def test_layout_has_skip_link_navigation_and_legal_footer(client):
    page = client.get("/").content.decode()

    assert '<a class="rh-skip-link" href="#main">Zum Inhalt springen</a>' in page
    assert 'id="main"' in page
    for label in ("Services", "Beteiligung", "Karten &amp; Daten", "Mein Konto"):
        assert f">{label}</a>" in page
    for label in ("Impressum", "Datenschutz", "Erklärung zur Barrierefreiheit", "Leichte Sprache"):
        assert label in page


def test_english_layout_names_the_same_places(client):
    page = client.get("/en/").content.decode()

    for label in (
        "Services",
        "Participation",
        "Maps &amp; data",
        "My account",
        "Legal notice",
        "Privacy",
        "Accessibility statement",
    ):
        assert label in page
    assert (
        '<button type="submit" class="kern-btn kern-btn--tertiary kern-btn--x-small" lang="de">'
        in page
    )


@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/info/legal-notice/", "Impressum"),
        ("/en/info/legal-notice/", "Legal notice"),
        ("/info/privacy/", "Datenschutzerklärung"),
        ("/en/info/privacy/", "Privacy policy"),
        ("/info/accessibility/", "Erklärung zur Barrierefreiheit"),
        ("/en/info/accessibility/", "Accessibility statement"),
        ("/info/easy-language/", "Leichte Sprache"),
    ],
)
def test_legal_pages_exist_in_both_languages(client, path, heading):
    response = client.get(path)

    assert response.status_code == 200
    assert heading in response.content.decode()
    assert "Willy-Brandt-Platz 1" in response.content.decode()


def test_unknown_page_is_a_translated_404(client):
    assert "Seite nicht gefunden" in client.get("/info/nothing-here/").content.decode()
    assert "Page not found" in client.get("/en/info/nothing-here/").content.decode()
