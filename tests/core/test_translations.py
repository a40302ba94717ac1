"""German and English ship complete: every UI text of every app has its German wording."""

import re
from pathlib import Path

import polib
import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "rathaus"
CATALOGUES = sorted(SRC.glob("**/locale/de/LC_MESSAGES/django.po"))
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{\{\s*(\w+)\s*\}\}")


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: str(path.relative_to(SRC)))
def test_every_text_has_a_german_translation(catalogue):
    entries = polib.pofile(str(catalogue))

    missing = [entry.msgid for entry in entries if not entry.translated() and not entry.obsolete]
    fuzzy = [entry.msgid for entry in entries if "fuzzy" in entry.flags]

    assert missing == [], f"untranslated in {catalogue}"
    assert fuzzy == [], f"fuzzy in {catalogue}"


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda path: str(path.relative_to(SRC)))
def test_translations_keep_every_placeholder(catalogue):
    for entry in polib.pofile(str(catalogue)):
        translations = (
            [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        )
        expected = set(PLACEHOLDER.findall(entry.msgid))
        for text in translations:
            assert set(PLACEHOLDER.findall(text)) == expected, entry.msgid


def test_every_app_with_texts_has_a_catalogue():
    apps = {path.parts[-5] for path in CATALOGUES}

    assert {"core", "accounts", "organization"} <= apps
