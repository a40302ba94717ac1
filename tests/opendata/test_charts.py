"""Chart slots, connecting them, and the text that sums a chart up."""

import pytest
from django.utils import translation

from rathaus.opendata.charts import Chart, ChartColumn, connect_chart, get_chart, register_chart


@pytest.mark.django_db
def test_a_slot_has_no_data_and_says_so():
    chart = get_chart("dogs-by-district")  # connected by the dog tax; the register is empty

    with translation.override("en"):
        assert chart.data() == []
        assert chart.describe([]) == "There are no figures for this chart yet."


def test_a_connection_made_before_the_slot_is_declared_applies_when_it_is(restore_registries):
    connect_chart("early", rows=lambda: [("Nord", 1)])

    register_chart(
        Chart(
            id="early",
            title="Early",
            columns=(ChartColumn("d", "D", numeric=False), ChartColumn("n", "N")),
        )
    )

    assert get_chart("early").data() == [("Nord", 1)]


def test_connecting_a_slot_gives_it_data(restore_registries):
    connect_chart("projects-by-status", rows=lambda: [("geplant", 4), ("in Umsetzung", 2)])

    assert get_chart("projects-by-status").data() == [("geplant", 4), ("in Umsetzung", 2)]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Hunde: höchster Wert 1.204 (Innenstadt), niedrigster Wert 12 (Mölschbach)."),
        ("en", "Dogs: highest 1,204 (Innenstadt), lowest 12 (Mölschbach)."),
    ],
)
def test_the_default_summary_names_highest_and_lowest_in_the_language(language, text):
    chart = Chart(
        id="x",
        title="x",
        columns=(ChartColumn("district", "District", numeric=False), ChartColumn("dogs", "Dogs")),
    )
    rows = [("Innenstadt", 1204), ("Mölschbach", 12), ("Erlenbach", 40)]

    with translation.override(language):
        summary = chart.describe(rows)

    assert summary == text.replace("Hunde", "Dogs")


def test_values_are_formatted_for_the_reader():
    column = ChartColumn("tax", "Tax", decimals=2, unit="€")

    with translation.override("de"):
        assert column.format(1234.5) == "1.234,50 €"
    with translation.override("en"):
        assert column.format(1234.5) == "1,234.50 €"
    assert column.format(None) == "–"


def test_the_default_summary_describes_every_drawn_series():
    chart = Chart(
        id="x",
        title="x",
        columns=(
            ChartColumn("district", "District", numeric=False),
            ChartColumn("proposals", "Proposals"),
            ChartColumn("supports", "Supports"),
        ),
    )

    with translation.override("en"):
        summary = chart.describe([("Innenstadt", 23, 158), ("Erfenbach", 1, 5)])

    assert summary == (
        "Proposals: highest 23 (Innenstadt), lowest 1 (Erfenbach). "
        "Supports: highest 158 (Innenstadt), lowest 5 (Erfenbach)."
    )
