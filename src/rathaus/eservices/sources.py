"""Named sources a form field can declare, registered by the domains (registries, no `if kind`).

- **Choice sources** (`"choices_from": "dogtax.own_dogs"`): the options of a choice field are the
  person's own records, listed when the form is shown and checked again at submit, so a person
  chooses among their own dogs instead of typing a number.
- **Pre-fill sources** (`"prefill": "person.birth_date"`): what a new application starts with.
  Only a field that declares a source is pre-filled, and only when the source's field type
  matches, so the keeper's date of birth never fills a dog's.
- **Field checks** (`"check": "dogtax.tag_number"`): a typed value checked against a register
  on the form; the message stands at the field, nothing is submitted.

    @register_choice_source("dogtax.own_dogs", _("The applicant's dogs"))
    def own_dogs(user) -> list[tuple[str, dict]]:   # (value, {"de": ..., "en": ...})
        ...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from django.utils import translation

from rathaus.eservices.formschema import FormSchema, Issue, Step
from rathaus.eservices.formschema.conditions import evaluate, is_empty, visible_answers
from rathaus.eservices.formschema.schema import Field, Option


@dataclass(frozen=True)
class ChoiceSource:
    key: str
    label: Any
    options: Callable[[Any], list[tuple[str, dict]]]
    # Data-version topics (`rathaus.core.fragments`) that change whenever the options may:
    # a summary showing the options' labels is cached by their versions.
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class PrefillSource:
    key: str
    label: Any
    field_type: str
    value: Callable[[dict], Any]


@dataclass(frozen=True)
class FieldCheck:
    key: str
    label: Any
    check: Callable[[Any, Any], str | None]


CHOICE_SOURCES: dict[str, ChoiceSource] = {}
PREFILL_SOURCES: dict[str, PrefillSource] = {}
FIELD_CHECKS: dict[str, FieldCheck] = {}


def _register(registry: dict, item) -> None:
    known = registry.get(item.key)
    if known is not None and known != item:
        raise ValueError(f"A source with the key {item.key!r} is already registered.")
    registry[item.key] = item


def register_choice_source(key: str, label, *, topics: tuple[str, ...] = ()):
    def decorate(function):
        _register(
            CHOICE_SOURCES, ChoiceSource(key=key, label=label, options=function, topics=topics)
        )
        return function

    return decorate


def register_prefill_source(key: str, label, *, field_type: str):
    def decorate(function):
        _register(
            PREFILL_SOURCES,
            PrefillSource(key=key, label=label, field_type=field_type, value=function),
        )
        return function

    return decorate


def register_field_check(key: str, label):
    def decorate(function):
        _register(FIELD_CHECKS, FieldCheck(key=key, label=label, check=function))
        return function

    return decorate


def source_choices(registry: dict) -> list[tuple[str, str]]:
    """("", "–") and every registered source, for the form builder."""
    return [("", "–")] + [(key, str(item.label)) for key, item in sorted(registry.items())]


def _resolved(item: Field, user) -> Field:
    if item.is_group:
        return replace(item, fields=tuple(_resolved(sub, user) for sub in item.fields))
    source = CHOICE_SOURCES.get(item.choices_from) if item.choices_from else None
    if source is None:
        return item
    options = source.options(user) if getattr(user, "is_authenticated", False) else []
    return replace(item, options=tuple(Option(value=v, label=label) for v, label in options))


def form_for(schema: FormSchema, user) -> FormSchema:
    """The schema with every choice source's options listed for `user` (no source: as it is)."""
    if not any(_declares_source(step) for step in schema.steps):
        return schema
    steps = tuple(
        replace(step, fields=tuple(_resolved(item, user) for item in step.fields))
        for step in schema.steps
    )
    return replace(schema, steps=steps)


def source_topics(schema: FormSchema) -> tuple[str, ...]:
    """The data-version topics of every choice source `schema` declares (sorted, once each)."""
    topics = set()
    for step in schema.steps:
        for item in step.fields:
            for field in (item, *item.fields):
                source = CHOICE_SOURCES.get(field.choices_from) if field.choices_from else None
                if source is not None:
                    topics.update(source.topics)
    return tuple(sorted(topics))


def _declares_source(step: Step) -> bool:
    return any(
        item.choices_from or any(sub.choices_from for sub in item.fields) for item in step.fields
    )


def check_issues(schema: FormSchema, answers: dict, user, *, step: Step | None = None) -> list:
    """The field checks' findings for the shown fields (of `step`, or of the whole form)."""
    shown = visible_answers(schema, answers)
    steps = [step] if step is not None else schema.steps
    issues = []
    for current in steps:
        for item in current.fields:
            check = FIELD_CHECKS.get(item.check) if item.check else None
            value = answers.get(item.key)
            if check is None or is_empty(value) or not evaluate(item.show_if, shown):
                continue
            message = check.check(value, user)
            if message:
                language = translation.get_language() or "de"
                issues.append(Issue(item.key, "rule", message={language: str(message)}))
    return issues


def prefilled_values(schema: FormSchema, verified: dict) -> dict:
    """The answers a new application starts with: each field that declares a pre-fill source
    of its own type gets the source's value, when the source has one."""
    values: dict = {}
    for step in schema.steps:
        for item in step.fields:
            source = PREFILL_SOURCES.get(item.prefill) if item.prefill else None
            if source is None or source.field_type != item.type:
                continue
            value = source.value(verified)
            if value not in (None, "", {}):
                values[item.key] = value
    return values
