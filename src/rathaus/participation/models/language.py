"""Texts that citizens read in both languages are stored twice (`<name>_de`, `<name>_en`)."""

from django.utils.translation import get_language


def in_language(german: str, english: str) -> str:
    """The English text on English pages when there is one, else the German (official) text."""
    return english if english and get_language() == "en" else german
