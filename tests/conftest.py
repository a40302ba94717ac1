"""Shared fixtures: people, the departments several apps use and their staff, and the browser
(Playwright driving the system's Chromium)."""

import inspect
import json
import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from rathaus.geodata.boundaries import parse_boundaries
from rathaus.geodata.services import districts_replace
from rathaus.organization.models import Role
from tests.factories import PASSWORD, OrgUnitFactory, StaffFactory, UserFactory, staff_member
from tests.geodata.shared_data import districts_file

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from that
# thread are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Tests that read a PDF back (its text, its PDF/A metadata, its pixels) are about documents and
# render real PDFs with WeasyPrint; every other test gets a recorded PDF instead, after the
# document's template has still been rendered to HTML (so template errors still fail the test).
# A test is about documents when its own source, a function or class of its module or a fixture
# it uses reads a PDF back, when it lies in a ``documents`` folder, or when it is marked
# ``documents``.
RECORDED_PDF = (Path(__file__).parent / "fixtures" / "recorded.pdf").read_bytes()
DOCUMENT_READERS = (
    "pypdf",
    "PdfReader",
    "pdf_facts",
    "pdftotext",
    "pdftoppm",
    "pdfinfo",
    "zbarimg",
)


def _reads_pdfs(function) -> bool:
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return False
    return any(reader in source for reader in DOCUMENT_READERS)


def _about_documents(item) -> bool:
    if item.get_closest_marker("documents") or "documents" in item.path.parts:
        return True
    module = item.module
    helpers = {
        name
        for name, value in vars(module).items()
        if (inspect.isfunction(value) or inspect.isclass(value))
        and getattr(value, "__module__", "").startswith("tests")
        and _reads_pdfs(value)
    }
    source = inspect.getsource(item.function)
    if _reads_pdfs(item.function) or any(f"{helper}(" in source for helper in helpers):
        return True
    definitions = item._fixtureinfo.name2fixturedefs
    return any(
        _reads_pdfs(fixture.func)
        for name in item.fixturenames
        for fixture in definitions.get(name, ())
    )


def pytest_collection_modifyitems(items):
    for item in items:
        if isinstance(item, pytest.Function) and _about_documents(item):
            item.add_marker(pytest.mark.documents)


class _RecordedDocument:
    """Stands in for WeasyPrint's ``HTML``: lays nothing out, writes the recorded PDF."""

    def __init__(self, *args, **kwargs):
        pass

    def write_pdf(self, *args, **kwargs) -> bytes:
        return RECORDED_PDF


@pytest.fixture(autouse=True)
def _recorded_pdfs(request, monkeypatch):
    if request.node.get_closest_marker("documents") is None:
        monkeypatch.setattr("rathaus.eservices.documents.pdf.HTML", _RecordedDocument)


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language (German): a test that activated another one in
    this thread must not change the answer of the next."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Throttling counters and used TOTP codes must not leak from one test into another."""
    from django.core.cache import cache

    from rathaus.core.ratebatch import forget

    cache.clear()
    forget()
    yield
    cache.clear()
    forget()


@pytest.fixture(autouse=True)
def _fresh_layer_snapshots():
    """Map layers are cached per process by version; each test starts without them."""
    from rathaus.geodata.snapshots import forget

    forget()
    yield
    forget()


@pytest.fixture(scope="session")
def shared_districts_path():
    return districts_file()


@pytest.fixture(scope="session")
def shared_districts_text(shared_districts_path):
    return shared_districts_path.read_text()


@pytest.fixture
def imported_districts(db, shared_districts_text):
    """Kaiserslautern's ten districts (Ortsbezirke) from the shared boundary file, imported:
    the districts that forms offer and maps, open data and results name."""
    districts_replace(boundaries=parse_boundaries(shared_districts_text), source="test")


@pytest.fixture(autouse=True)
def media_dirs(settings, tmp_path):
    """Every test keeps uploaded files, documents and the handover outbox in its own
    directory."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.ESERVICES_OUTBOX_DIR = str(tmp_path / "outbox")
    return tmp_path


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def citizen(db):
    return UserFactory(email="citizen@example.org", display_name="Clara Citizen")


@pytest.fixture
def other_citizen(db):
    return UserFactory(email="other@example.org", display_name="Otto Other")


@pytest.fixture
def clerk(db):
    return StaffFactory(email="clerk@example.org", with_totp=True)


@pytest.fixture
def moderator(db):
    return staff_member("moderator@example.org", "daten-services", Role.MODERATOR)


@pytest.fixture
def administrator(db):
    """An administrator of the IT department (ikt), not a superuser."""
    return staff_member("admin.ikt@example.org", "ikt", Role.ADMINISTRATOR)


@pytest.fixture
def tax_office(db):
    return OrgUnitFactory(slug="steueramt", name_de="Steueramt", name_en="Tax Office")


@pytest.fixture
def family_office(db):
    return OrgUnitFactory(slug="familienkasse", name_de="Familienkasse", name_en="Family Benefits")


@pytest.fixture
def tax_clerk(tax_office):
    return StaffFactory(email="clerk.tax@example.org", with_totp=True, unit=tax_office)


@pytest.fixture
def tax_lead(tax_office):
    return StaffFactory(
        email="lead.tax@example.org", with_totp=True, unit=tax_office, unit__role=Role.LEAD
    )


@pytest.fixture
def family_clerk(family_office):
    return StaffFactory(email="clerk.family@example.org", with_totp=True, unit=family_office)


@pytest.fixture(scope="session")
def _playwright():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(_playwright):
    browser = _playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab (German, phone-sized viewport off by default) on the live server."""
    context = browser.new_context(
        base_url=live_server.url, locale="de-DE", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)
    page = context.new_page()
    yield page
    context.close()


AXE_SOURCE = (ROOT / "node_modules" / "axe-core" / "axe.min.js").read_text()


def axe_violations(page) -> list[dict]:
    """Run axe-core (all WCAG 2.1 A/AA and best-practice rules) on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE)
    result = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "nodes": [node["target"] for node in violation["nodes"]][:5],
        }
        for violation in result
    ]


@pytest.fixture
def assert_accessible():
    def check(page):
        violations = axe_violations(page)
        assert violations == [], (
            f"axe-core found problems on {page.url}:\n{json.dumps(violations, indent=2)}"
        )

    return check
