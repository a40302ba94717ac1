"""The demo data loads twice without change, and imports boundaries when told where."""

import pytest

from rathaus.geodata import demo
from rathaus.geodata.models import District, Place

pytestmark = pytest.mark.django_db


def test_loading_the_demo_twice_gives_ten_districts_and_five_places(monkeypatch):
    monkeypatch.delenv("DISTRICTS_FILE", raising=False)

    demo.load()
    demo.load()

    assert District.objects.count() == 10
    assert Place.objects.count() == 5
    assert not District.objects.exclude(boundary="").exists()


def test_districts_file_makes_the_demo_import_the_boundaries(monkeypatch, shared_districts_path):
    monkeypatch.setenv("DISTRICTS_FILE", str(shared_districts_path))

    demo.load()

    assert District.objects.exclude(boundary="").count() == 10


def test_the_demo_points_lie_in_their_districts(monkeypatch, imported_districts):
    from rathaus.geodata.selectors import district_at

    for number, name, lon, lat in demo.DISTRICTS:
        assert district_at(lon, lat).name == name, number
