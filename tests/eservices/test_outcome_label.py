"""The outcome of a decision is shown in words of the page's language, never as its value."""

from django.utils import translation

from rathaus.eservices.handlers import Outcome
from rathaus.eservices.templatetags.eservices import outcome_label


def test_the_outcome_reads_in_german_on_german_pages():
    with translation.override("de"):
        assert outcome_label(Outcome.GRANTED) == "bewilligt"
        assert outcome_label(Outcome.REJECTED) == "abgelehnt"
        assert outcome_label(Outcome.PARTLY_GRANTED) == "teilweise bewilligt"


def test_the_outcome_reads_in_english_on_english_pages():
    with translation.override("en"):
        assert outcome_label(Outcome.PARTLY_GRANTED) == "partly granted"
