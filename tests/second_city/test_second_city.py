"""A second city: Musterstadt installs Rathaus with its own profile, departments, statute and
district boundaries, and not a line of Kaiserslautern shows up in its pages or API answers.

The platform is installed as production installs it (`install_services`), with the city's files
named by the settings a city sets (MUNICIPALITY_PROFILE, ORGANIZATION_UNITS,
DOGTAX_STATUTE_DEFAULTS) and its boundaries imported. Then its pages are crawled from the start
page (following every link of the platform, as a visitor and as a signed-in citizen) and its
public API is asked, in German and in English.
"""

from __future__ import annotations

import io
import json
import re
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.management import call_command

from rathaus.childbenefit.predicates import is_familienkasse_staff
from rathaus.dogtax.predicates import is_tax_office_staff
from rathaus.eservices.models import Service
from rathaus.geodata.boundaries import parse_boundaries
from rathaus.geodata.services import districts_replace
from rathaus.organization.models import OrgUnit
from rathaus.participation import phases
from tests.factories import StaffFactory, UserFactory
from tests.participation.factories import ProcessFactory, ProjectFactory, ProposalFactory

pytestmark = pytest.mark.django_db

CITY = Path(__file__).resolve().parent.parent / "fixtures" / "musterstadt"
# Kaiserslautern as a name, in a reference (KL-2026-…), or as one of its districts.
FOREIGN = re.compile(
    r"Kaiserslautern|kaiserslautern|\bKL-\d|Dansenberg|Einsiedlerhof|Erfenbach|Erlenbach|"
    r"Hohenecken|Mölschbach|Morlautern|Siegelbach|Erzhütten|Wiesenthalerhof|Innenstadt"
)
PAGE_LIMIT = 250
# Paths not worth a visit: actions, files, and the same list under another query.
SKIP = re.compile(r"/(logout|signout|accounts/logout)|\.(pdf|png|jpg|svg|ico|css|js|csv|zip)$")
API_PATHS = [
    "/api/v1/services",
    "/api/v1/projects",
    "/api/v1/processes",
    "/api/v1/openapi.json",
    "/ogc/collections?f=json",
    "/ogc/collections/districts/items?f=json",
]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


@pytest.fixture
def musterstadt(settings):
    settings.MUNICIPALITY_PROFILE = str(CITY / "profile.toml")
    settings.ORGANIZATION_UNITS = str(CITY / "units.json")
    settings.DOGTAX_STATUTE_DEFAULTS = str(CITY / "statute.toml")
    settings.ESERVICES_REFERENCE_PREFIX = ""
    call_command("install_services", stdout=io.StringIO())
    text = (CITY / "districts.geojson").read_text()
    districts_replace(boundaries=parse_boundaries(text), source="test")
    process = ProcessFactory(running=phases.PROPOSALS)
    for district in ("Altstadt", "Hafenviertel", ""):
        ProposalFactory(process=process, district=district)
        ProjectFactory(district=district)


def _crawl(client, start: list[str]) -> dict[str, str]:
    """Every page of the platform reachable from `start`: path → text."""
    seen: dict[str, str] = {}
    queue = deque(start)
    while queue and len(seen) < PAGE_LIMIT:
        path = queue.popleft()
        if path in seen:
            continue
        response = client.get(path, follow=True)
        body = b"".join(response) if response.streaming else response.content
        seen[path] = body.decode("utf-8", "replace")
        if "html" not in response.get("Content-Type", ""):
            continue
        parser = _Links()
        parser.feed(seen[path])
        for href in parser.links:
            href = urldefrag(href).url
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not href.startswith("/") or SKIP.search(parts.path):
                continue
            if href not in seen:
                queue.append(href)
    return seen


def _foreign(pages: dict[str, str]) -> dict[str, list[str]]:
    found = {}
    for path, text in pages.items():
        hits = sorted({match.group(0) for match in FOREIGN.finditer(text)})
        if hits:
            found[path] = hits
    return found


@pytest.mark.parametrize("start", ["/", "/en/"])
def test_a_visitor_sees_nothing_of_kaiserslautern(client, musterstadt, start):
    pages = _crawl(client, [start])

    assert len(pages) > 40
    assert "Musterstadt" in pages[start]
    assert _foreign(pages) == {}


def test_a_signed_in_citizen_sees_nothing_of_kaiserslautern(client, musterstadt):
    client.force_login(UserFactory(email="anna@musterstadt.example"))

    pages = _crawl(client, ["/", "/en/"])

    assert len(pages) > 40
    assert _foreign(pages) == {}


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_api_answers_nothing_of_kaiserslautern(client, musterstadt, language):
    answers = {
        path: client.get(path, HTTP_ACCEPT_LANGUAGE=language).content.decode() for path in API_PATHS
    }
    quote = client.post(
        "/api/v1/dogtax/quote",
        json.dumps({"year": 2026, "dogs": [{"ref": "A", "kept_since": "2024-01-01"}]}),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    answers["/api/v1/dogtax/quote"] = quote.content.decode()

    assert quote.status_code == 200
    assert _foreign(answers) == {}


def test_its_departments_hold_the_duties_under_their_own_names(musterstadt):
    finance = OrgUnit.objects.get(slug="finanzen")
    clerk = StaffFactory(email="clerk@musterstadt.example", with_totp=True, unit=finance)
    family_clerk = StaffFactory(
        email="family@musterstadt.example",
        with_totp=True,
        unit=OrgUnit.objects.get(slug="familienbuero"),
    )

    assert not OrgUnit.objects.filter(slug__in=["steueramt", "familienkasse"]).exists()
    assert set(
        Service.objects.filter(slug__startswith="hundesteuer").values_list("unit", flat=True)
    ) == {finance.pk}
    assert is_tax_office_staff(clerk) and not is_tax_office_staff(family_clerk)
    assert is_familienkasse_staff(family_clerk) and not is_familienkasse_staff(clerk)
