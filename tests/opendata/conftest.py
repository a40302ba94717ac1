import pytest

from rathaus.opendata import charts, datasets


@pytest.fixture
def restore_registries():
    """Tests may connect slots; both registries are as before afterwards."""
    saved = charts.CHARTS.snapshot(), datasets.DATASETS.snapshot()
    yield
    charts.CHARTS.restore(saved[0])
    datasets.DATASETS.restore(saved[1])


@pytest.fixture
def connected_slots(restore_registries):
    """The participation, voting and e-services datasets connected with a row each."""
    rows = {
        "projects": (("id", "title", "status"), [(1, "Stiftsplatz", "planned")]),
        "proposals": (("id", "title", "supporters"), [(7, "Mehr Bänke", 12)]),
        "comments": (("id", "proposal", "text"), [(3, 7, "Gute Idee")]),
        "poll-results": (("poll", "option", "votes"), [("Haushalt", "Spielplatz", 120)]),
        "service-statistics": (
            ("service", "month", "applications"),
            [("Hundesteuer", "2026-10", 40)],
        ),
    }
    for dataset_id, (columns, data) in rows.items():
        datasets.connect_dataset(
            dataset_id,
            distributions=datasets.tabular(columns, lambda data=data: data),
            available=lambda: True,
        )
    return rows
