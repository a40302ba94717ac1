"""Model data citizens read in both languages: `<name>_de` / `<name>_en` fields."""

from django.utils.translation import get_language


def in_language(obj, name: str) -> str:
    """The English text when browsing in English and one is given, otherwise the German."""
    if get_language() == "en":
        english = getattr(obj, f"{name}_en", "")
        if english:
            return english
    return getattr(obj, f"{name}_de")
