"""The map component with places given inline, and the location picker, as pages include them."""

import re

import pytest
from django.template import Context, Template

from rathaus.geodata import demo
from tests.geodata.map_markup import map_places

pytestmark = pytest.mark.django_db


def render(source: str, **context) -> str:
    return Template("{% load geodata %}" + source).render(Context(context))


def test_places_given_inline_are_drawn_with_their_names_over_the_district_outlines(
    imported_districts,
):
    points = [{"lon": "7.770000", "lat": "49.443700", "label": "Bank <am> Platz", "url": "/x/"}]

    html = render('{% map_component "m" "Karte" points=points %}', points=points)

    assert map_places(html, "m") == [("Bank <am> Platz", [7.77, 49.4437])]
    assert 'data-context="/maps/districts/data.geojson"' in html
    assert "Dieselben Orte sind auf dieser Seite aufgeführt." in html
    assert "<am>" not in html


def test_without_a_center_the_map_starts_over_the_city(db):
    demo.load()

    html = render('{% map_component "m" "Karte" "/maps/places/data.geojson" %}')

    center = re.search(r'data-center="([0-9.]+),([0-9.]+)"', html)
    latitude, longitude = float(center.group(1)), float(center.group(2))
    assert 49.37 < latitude < 49.49 and 7.67 < longitude < 7.82
    assert "data-context" not in html


def test_the_picker_asks_the_locate_api_and_is_hidden_until_the_script_runs(imported_districts):
    html = render('{% location_picker "p" "Ort wählen" %}')

    assert 'data-locate-url="/api/v1/geodata/locate"' in html
    assert 'id="p" role="region" aria-label="Ort wählen"' in html
    assert "hidden>" in html
    assert 'data-context="/maps/districts/data.geojson"' in html
    assert "Ort am Kreuz setzen" in html
