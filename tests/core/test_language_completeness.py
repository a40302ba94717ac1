"""Both languages complete on every page: each page of the HTML-validity check, in German and in
English, shows no text of the other language, no msgid left untranslated and no raw choice value
or slug.

Only visible text counts: text nodes outside script/style/template, and the attributes a person
perceives (alt, title, aria-label, placeholder, the value of buttons). Exceptions, each narrow:

- a part marked with a `lang` attribute of the other language (the binding German legal remedy,
  German proper names such as "Leichte Sprache", the language switch "Deutsch"/"English");
- content people entered (the demo's proposals, comments, names of people and places), taken from
  the database fields listed in USER_CONTENT;
- on English pages, a single German term in brackets after its English name ("child benefit
  (Kindergeld)");
- the few words in ALLOWED that are the same in both languages or names.
"""

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import lxml.html
import pytest
from django.apps import apps
from django.db import models
from django.urls import is_valid_path
from django.utils import translation
from django.utils.translation import trans_real

from rathaus.dogtax.models import Dog
from tests.core.test_html_validity import expected_status, prepare_site, sign_in_demo

LANGUAGES = ("de", "en")

# Words that only ever appear in German (or only in English) text on this site; case-sensitive.
TELLTALE = {
    "de": {
        "und",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "des",
        "nicht",
        "Sie",
        "Ihr",
        "Ihre",
        "Ihren",
        "ist",
        "sind",
        "wird",
        "werden",
        "wurde",
        "mit",
        "für",
        "oder",
        "zur",
        "zum",
        "bei",
        "eine",
        "einen",
        "noch",
        "auf",
        "über",
        "nach",
        "vom",
        "Antrag",
        "Anträge",
        "Bescheid",
        "Hund",
        "Hunde",
        "Stadt",
        "Stadtverwaltung",
        "Steuer",
        "Kindergeld",
        "Monat",
        "Monate",
        "Jahr",
        "bitte",
        "Bitte",
        "Abstimmung",
        "Beteiligung",
        "Seite",
        "Zurück",
        "Weiter",
        "Anmelden",
        "Abmelden",
        "gültig",
        "gültige",
        "Stimmen",
        "erteilt",
        "abgelehnt",
    },
    "en": {
        "the",
        "and",
        "of",
        "your",
        "you",
        "You",
        "Your",
        "with",
        "for",
        "is",
        "are",
        "not",
        "this",
        "This",
        "please",
        "Please",
        "from",
        "to",
        "has",
        "have",
        "been",
        "which",
        "application",
        "notice",
        "dog",
        "dogs",
        "city",
        "City",
        "granted",
        "rejected",
        "shelter",
        "valid",
        "votes",
        "ballots",
        "month",
        "months",
        "year",
        "years",
        "Sign",
        "sign",
    },
}

# Same word in both languages, or a name; kept as short as possible.
ALLOWED = {
    # German words that are also msgids or choice values; "OGC API – Features" is a standard's name.
    "de": {"digital", "Status", "Information", "Features"},
    "en": {"Start"},
}

# On English pages a German official term may follow its English name in brackets, as in
# "child benefit (Kindergeld)"; a single capitalised word in brackets is not checked.
GERMAN_TERM = re.compile(r"\([A-ZÄÖÜ][a-zäöüß]+\)")

# Fields whose values people typed in (the demo's), shown as they were entered.
USER_CONTENT = {
    "accounts.User": ["first_name", "last_name", "email"],
    "dogtax.Dog": ["name", "breed"],
    "participation.Proposal": ["title", "text", "location_text"],
    "participation.ProposalImage": ["alt_text"],
    "participation.Comment": ["text"],
    "participation.OfficialAnswer": ["text"],
    "participation.ParticipantProfile": ["pseudonym"],
}

HIDDEN_TAGS = {"script", "style", "template"}
VISIBLE_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")


def visible_parts(html: bytes, page_language: str) -> Iterator[str]:
    """The texts a person sees or hears on the page, without parts marked as another language."""
    root = lxml.html.document_fromstring(html)

    def walk(element, language: str) -> Iterator[str]:
        if not isinstance(element.tag, str) or element.tag in HIDDEN_TAGS:
            return
        language = (element.get("lang") or language).split("-")[0]
        if language == page_language:
            for name in VISIBLE_ATTRIBUTES:
                if element.get(name):
                    yield element.get(name)
            if element.tag == "input" and element.get("type") in ("submit", "button", "reset"):
                yield element.get("value") or ""
            if element.text:
                yield element.text
        for child in element:
            yield from walk(child, language)
            if child.tail and language == page_language:
                yield child.tail

    for text in walk(root, page_language):
        text = " ".join(text.split())
        if text:
            yield text


def catalogue_pairs() -> list[tuple[str, str]]:
    """(English msgid, German msgstr) of every loaded catalogue where the two differ."""
    catalogue = trans_real.translation("de")._catalog
    pairs = []
    for key, value in catalogue.items():
        msgid = (key[0] if isinstance(key, tuple) else key).split("\x04")[-1]
        if not isinstance(value, str) or not msgid.strip() or not value.strip():
            continue
        if msgid.lower() != value.lower():
            pairs.append((" ".join(msgid.split()), " ".join(value.split())))
    return pairs


def foreign_texts() -> dict[str, set[str]]:
    """Per page language: whole texts that belong to the other language's catalogue."""
    pairs = catalogue_pairs()
    english = {msgid for msgid, _ in pairs}
    german = {msgstr for _, msgstr in pairs}
    # A text that is both a msgid and a translation (e.g. "Status") proves nothing.
    return {"de": english - german, "en": german - english}


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def foreign_fragments() -> dict[str, set[str]]:
    """Per page language: runs of at least four words between the placeholders of the other
    language's texts ("valid ballots were counted."), found inside longer page texts."""
    pairs = catalogue_pairs()
    fragments = {}
    for language, texts, other in (
        ("de", {msgid for msgid, _ in pairs}, "\n".join(msgstr for _, msgstr in pairs)),
        ("en", {msgstr for _, msgstr in pairs}, "\n".join(msgid for msgid, _ in pairs)),
    ):
        fragments[language] = {
            fragment
            for text in texts
            for fragment in (piece.strip() for piece in PLACEHOLDER.split(text))
            if len(fragment.split()) >= 4 and fragment not in other
        }
    return fragments


def raw_values() -> set[str]:
    """Choice values that differ from their labels, and slugs of the stored records."""
    values = set()
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not getattr(field, "choices", None):
                continue
            for value, label in field.flatchoices:
                if not isinstance(value, str) or not re.fullmatch(r"[a-z][a-z0-9_-]{2,}", value):
                    continue
                with translation.override("de"):
                    german = str(label)
                with translation.override("en"):
                    english = str(label)
                if value not in (german, english, german.lower(), english.lower()):
                    values.add(value)
        for field in model._meta.concrete_fields:
            if isinstance(field, models.SlugField):
                values.update(
                    slug
                    for slug in model.objects.values_list(field.attname, flat=True)
                    if slug and re.search(r"[-_]", slug)
                )
    return values


def user_content() -> set[str]:
    texts = set()
    for label, fields in USER_CONTENT.items():
        model = apps.get_model(label)
        for row in model.objects.values_list(*fields):
            texts.update(" ".join(str(value).split()) for value in row if value)
    return texts


def words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text))


def problems(html: bytes, language: str, checks: dict) -> list[str]:
    found, texts = [], []
    declared = lxml.html.document_fromstring(html).get("lang")
    if declared != language:
        found.append(f"the page declares lang={declared!r}")
    for text in visible_parts(html, language):
        for entered in checks["user_content"]:
            if entered in text:
                text = text.replace(entered, " ")
        if language == "en":
            text = GERMAN_TERM.sub(" ", text)
        pieces = {text} | {piece.strip() for piece in re.split(r"[·|()–:,]", text)}
        for piece in (pieces & checks["foreign"][language]) - ALLOWED[language]:
            found.append(f"untranslated {piece!r}")
        for value in checks["raw"][language]:
            if re.search(rf"(?<![\w/-]){re.escape(value)}(?![\w/-])", text):
                found.append(f"raw value {value!r} in {text!r}")
        for word in (words(text) & checks["telltale"][language]) - ALLOWED[language]:
            found.append(f"{'German' if language == 'en' else 'English'} {word!r} in {text!r}")
        texts.append(text)
    page = "\n".join(texts)
    found += [
        f"untranslated {fragment!r}"
        for fragment in checks["fragments"][language]
        if fragment in page and fragment not in ALLOWED[language]
    ]
    return found


def in_language(path: str, language: str) -> str:
    """The page in the given language: German without a prefix, English under /en/.

    Paths outside the language prefix (sign-in, OGC) follow the language cookie instead.
    """
    path = path.removeprefix("/en")
    with translation.override("en"):
        is_page = is_valid_path(f"/en{urlsplit(path).path}")
    return f"/en{path}" if language == "en" and is_page else path


@pytest.mark.django_db
def test_every_page_is_complete_in_both_languages(client, settings):
    visits = prepare_site()
    exempt = Dog.objects.exclude(exemption_code="").select_related("account").first()
    visits["clerk.tax@example.org"] += [
        "/backoffice/dogtax/statute/",
        f"/backoffice/dogtax/register/{exempt.account.number}/",
    ]
    raw = raw_values() - ALLOWED["de"]
    checks = {
        "foreign": foreign_texts(),
        "fragments": foreign_fragments(),
        "raw": {"de": raw, "en": {value for value in raw if re.search(r"[-_]", value)}},
        "telltale": {"de": TELLTALE["en"], "en": TELLTALE["de"]},
        "user_content": sorted(user_content(), key=len, reverse=True),
    }
    found = []
    for email, paths in visits.items():
        if email is not None:
            sign_in_demo(client, email, settings)
        for path in dict.fromkeys(in_language(path, "de") for path in paths):
            for language in LANGUAGES:
                client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
                target = in_language(path, language)
                response = client.get(target, follow=True)
                assert response.status_code == expected_status(email, target), target
                found += [
                    f"{target}: {problem}"
                    for problem in dict.fromkeys(problems(response.content, language, checks))
                ]
    if found:
        pytest.fail(f"{len(found)} problems:\n" + "\n".join(found), pytrace=False)


SAMPLE_CHECKS = {
    "foreign": {"de": {"Apply for child benefit"}, "en": {"Kindergeld beantragen"}},
    "fragments": {
        "de": {"valid ballots were counted."},
        "en": {"gültige Stimmzettel wurden gezählt."},
    },
    "raw": {"de": {"granted", "shelter", "dog-tax-exemption"}, "en": {"dog-tax-exemption"}},
    "telltale": {"de": TELLTALE["en"], "en": TELLTALE["de"]},
    "user_content": ["Bello und Luna"],
}


def page(body: str, language: str) -> bytes:
    return (
        f'<html lang="{language}"><head><title>T</title></head><body>{body}</body></html>'.encode()
    )


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("de", "<p>Status: bewilligt (granted)</p>"),
        ("de", "<td>Befreiung: shelter</td>"),
        ("de", "<th>Tierheim <code>dog-tax-exemption</code></th>"),
        ("de", '<a href="/x">Apply for child benefit</a>'),
        ("de", '<img alt="Your dog" src="x.png">'),
        ("en", "<p>Kindergeld beantragen</p>"),
        ("en", "<p>The dog is registered; die Steuermarke liegt bei.</p>"),
        ("en", "<title>Services – Stadtverwaltung Kaiserslautern</title>"),
        ("en", '<input type="submit" value="Antrag senden">'),
        ("de", "<p>Die Abstimmung ist beendet. 900 valid ballots were counted.</p>"),
    ],
)
def test_the_check_finds_text_of_the_other_language_and_raw_values(language, body):
    assert problems(page(body, language), language, SAMPLE_CHECKS)


def test_a_page_in_the_wrong_language_declares_it():
    assert problems(page("<p>Alles gut.</p>", "en"), "de", SAMPLE_CHECKS) == [
        "the page declares lang='en'"
    ]


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", '<p lang="de">Gegen diesen Bescheid kann Widerspruch erhoben werden.</p>'),
        ("en", "<p>Find out how much child benefit (Kindergeld) is paid.</p>"),
        ("en", "<p>Dogs: Bello und Luna</p>"),
        ("de", '<a href="/en/" lang="en">English</a>'),
        ("de", '<a href="/dog-tax-exemption/" data-x="shelter">Befreiung</a>'),
        ("de", "<script>const state = 'granted';</script><style>.the{}</style>"),
    ],
)
def test_the_check_lets_marked_parts_names_and_markup_pass(language, body):
    assert problems(page(body, language), language, SAMPLE_CHECKS) == []
