import pytest

from rathaus.eservices.documents.fetcher import (
    PDF_BASE_URL,
    RefusedResourceError,
    StaticFileFetcher,
)

FONT = PDF_BASE_URL + "static/vendor/kern/fonts/fira-sans/FiraSans-Regular.woff2"


def test_static_files_are_served_from_the_local_static_files():
    response = StaticFileFetcher().fetch(FONT)

    assert response.content_type == "font/ttf"
    # WOFF2 fonts come decompressed, once per process, instead of once per document
    assert response.read(4) == b"\x00\x01\x00\x00"


def test_data_uris_are_served():
    response = StaticFileFetcher().fetch("data:text/plain;base64,SGFsbG8=")

    assert response.read() == b"Hallo"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/logo.png",
        "http://documents.rathaus.invalid/static/vendor/kern/kern.css",
        "https://cdn.example.org/static/vendor/kern/kern.css",
        "file:///etc/passwd",
        PDF_BASE_URL + "media/uploads/passport.pdf",
        PDF_BASE_URL + "static/../../../../etc/passwd",
        PDF_BASE_URL + "static/%2e%2e/%2e%2e/settings.py",
        PDF_BASE_URL + "static/vendor/kern/does-not-exist.css",
    ],
)
def test_everything_else_is_refused(url):
    with pytest.raises((RefusedResourceError, ValueError)):
        StaticFileFetcher().fetch(url)
