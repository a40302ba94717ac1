"""The clerk's decision page names why an adult child counts in words, not as a stored value."""

from django.template import Context, Template
from django.utils import translation

PERIOD = Template(
    "{% load childbenefit_format %}{{ period.kind|qualifying_kind }}: {{ period.from|month_label }}"
)


def test_a_qualifying_period_reads_in_german():
    with translation.override("de"):
        text = PERIOD.render(Context({"period": {"kind": "education", "from": "2026-09"}}))

    assert "education" not in text
    assert "2026-09" not in text
    assert text.startswith("Schul")
