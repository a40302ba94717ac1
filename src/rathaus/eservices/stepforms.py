"""Django forms built from a form step: KERN markup, help texts linked by aria-describedby.

Django parses what the browser sent; the pure core (`formschema`) decides what is shown and
whether the answers are valid, so the same rules apply here, on the review page and at submit.
A field whose condition does not hold is not required; a small static script hides it in the
browser (progressive enhancement: without JavaScript all fields of the step stay visible and
the hidden ones are ignored).
"""

from __future__ import annotations

import json

from django import forms
from django.utils import timezone, translation
from django.utils.translation import ngettext_lazy

from rathaus.eservices.fieldtypes import NOTHING, field_type, json_answer
from rathaus.eservices.formschema import Field, FormSchema, Step, evaluate, validate_step
from rathaus.eservices.formschema.conditions import condition_fields
from rathaus.eservices.messages import issue_message
from rathaus.eservices.sources import check_issues


def django_field(item: Field, *, language: str, uploaded: dict | None = None) -> forms.Field:
    """One Django form field for a schema field (not for addresses and groups)."""
    return field_type(item.type).form_field(item, language=language, uploaded=uploaded)


def condition_fields_of(item: Field) -> set[str]:
    return condition_fields(item.show_if)


def _raw(item: Field, data, name: str):
    """A raw value from the POST data, shaped like an answer, for evaluating conditions."""
    return field_type(item.type).raw(data, name)


class ItemForm(forms.Form):
    """One entry of a repeating group."""

    use_required_attribute = False

    def __init__(
        self,
        *args,
        group: Field,
        answers: dict,
        language: str,
        stored: dict | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.group = group
        self.answers = answers
        self.stored = stored or {}
        for sub in group.fields:
            is_file = sub.is_file
            uploaded = self.stored.get(sub.key) if is_file else None
            self.fields[sub.key] = django_field(
                sub, language=language, uploaded=uploaded if isinstance(uploaded, dict) else None
            )
            if is_file and self.is_bound:
                # Whether a file is still needed is the core's decision (it sees stored files).
                self.fields[sub.key].required = False
        if self.is_bound:
            item = {sub.key: _raw(sub, self.data, self.add_prefix(sub.key)) for sub in group.fields}
            for sub in group.fields:
                if not evaluate(sub.show_if, answers, item):
                    self.fields[sub.key].required = False

    def item_answers(self) -> dict:
        """The entry's answers; files are stored by the view and merged with `with_files`."""
        return {
            sub.key: json_answer(sub, self.cleaned_data.get(sub.key))
            for sub in self.group.fields
            if not sub.is_file
        }

    def raw_entry(self, data) -> dict:
        """The entry as the browser sent it (with its stored files), to evaluate conditions."""
        files = {
            sub.key: self.stored[sub.key]
            for sub in self.group.fields
            if sub.is_file and sub.key in self.stored
        }
        return {
            **files,
            **{
                sub.key: _raw(sub, data, self.add_prefix(sub.key))
                for sub in self.group.fields
                if not sub.is_file
            },
        }


class GroupFormSet(forms.BaseFormSet):
    # More entries than the group's maximum (`max_items`, 20 when the definition states none)
    # are refused as a whole before any entry is read.
    default_error_messages = {
        "too_many_forms": ngettext_lazy(
            "Please add at most %(num)d entry.", "Please add at most %(num)d entries.", "num"
        )
    }

    def __init__(
        self,
        *args,
        group: Field,
        answers: dict,
        language: str,
        stored: list | None = None,
        **kwargs,
    ):
        self.group, self.answers, self.language = group, answers, language
        self.stored = stored or []
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        stored = self.stored[index] if index is not None and index < len(self.stored) else None
        return {
            "group": self.group,
            "answers": self.answers,
            "language": self.language,
            "stored": stored if isinstance(stored, dict) else None,
        }

    def _construct_form(self, i, **kwargs):
        # Every entry the person added must be filled in; none is silently skipped.
        return super()._construct_form(i, empty_permitted=False, **kwargs)

    @property
    def empty_form(self):
        return self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            renderer=self.renderer,
            **self.get_form_kwargs(None),
        )


class StepForm(forms.Form):
    """The form for one step; `answers` are those given so far (earlier steps and draft)."""

    use_required_attribute = False

    def __init__(self, *args, schema: FormSchema, step: Step, answers: dict, user=None, **kwargs):
        self.schema, self.step, self.answers, self.user = schema, step, answers, user
        self.language = translation.get_language() or "de"
        data = args[0] if args else kwargs.get("data")
        files = args[1] if len(args) > 1 else kwargs.get("files")
        super().__init__(*args, **kwargs)
        self.groups: dict[str, GroupFormSet] = {}
        self.shown_items = [item for item in step.fields if self._shown_server_side(item)]
        for item in self.shown_items:
            self._add(item, data, files)
        if self.is_bound:
            current = {**answers, **self.raw_answers()}
            for item in self.shown_items:
                if not evaluate(item.show_if, current):
                    self._relax(item)

    def _shown_server_side(self, item: Field) -> bool:
        """Conditions on earlier steps are settled; those on this step are left to the browser."""
        on_this_step = {field.key for field in self.step.fields}
        if condition_fields_of(item) & on_this_step:
            return True
        return evaluate(item.show_if, self.answers)

    def _add(self, item: Field, data, files=None) -> None:
        field_type(item.type).add_to(self, item, self.answers.get(item.key), data, files)

    def add_group(self, item: Field, value, data, files) -> None:
        """A repeating group's formset (called by its field type)."""
        factory = forms.formset_factory(
            ItemForm,
            formset=GroupFormSet,
            extra=0,
            max_num=item.max_items,
            absolute_max=item.max_items,
        )
        entries = value if isinstance(value, list) else []
        if not entries and (item.required or item.min_items):
            entries = [{}]
        self.groups[item.key] = factory(
            data if self.is_bound else None,
            files if self.is_bound else None,
            prefix=item.key,
            stored=value if isinstance(value, list) else [],
            initial=None if self.is_bound else entries,
            group=item,
            answers=self.answers,
            language=self.language,
        )

    def _relax(self, item: Field) -> None:
        field_type(item.type).relax(self, item)

    def raw_answers(self) -> dict:
        """What the browser sent, shaped like answers (uncleaned), to evaluate conditions."""
        raw: dict = {}
        for item in self.shown_items:
            value = field_type(item.type).raw_answer(self, item)
            if value is not NOTHING:
                raw[item.key] = value
        return raw

    def is_valid(self) -> bool:
        groups_valid = all(group.is_valid() for group in self.groups.values())
        return super().is_valid() and groups_valid

    def has_errors(self) -> bool:
        """Errors anywhere: own fields, group entries, group counts (after validation)."""
        return bool(self.errors) or any(
            group.non_form_errors() or any(form.errors for form in group.forms)
            for group in self.groups.values()
        )

    def step_answers(self) -> dict:
        """The step's cleaned values as JSON answers (files are handled by the view)."""
        values: dict = {}
        for item in self.shown_items:
            value = field_type(item.type).step_answer(self, item, self.cleaned_data)
            if value is not NOTHING:
                values[item.key] = value
        return values

    def partial_answers(self) -> dict:
        """Values of the fields without errors, kept when an incomplete step is saved for later."""
        cleaned = getattr(self, "cleaned_data", {})
        values: dict = {}
        for item in self.shown_items:
            value = field_type(item.type).partial_answer(self, item, cleaned)
            if value is not NOTHING:
                values[item.key] = value
        return values

    def with_files(self, values: dict, file_answers: dict) -> dict:
        """Values with the stored files: a field's file, or {index: {key: file}} for a group."""
        merged = dict(values)
        for key, value in file_answers.items():
            item = self.step.field(key)
            if item is None:
                merged[key] = value
            else:
                field_type(item.type).merge_files(merged, key, value)
        return merged

    def apply_core_validation(self, file_answers: dict) -> dict:
        """Run the core's checks for this step; their issues become form errors. Clean values."""
        answers = self.with_files({**self.answers, **self.step_answers()}, file_answers)
        values, issues = validate_step(self.schema, self.step, answers, today=timezone.localdate())
        if not issues:
            # Values checked against a register (e.g. a typed tax tag): a message at the field.
            issues = check_issues(self.schema, {**answers, **values}, self.user, step=self.step)
        for issue in issues:
            self._attach(issue)
        return values

    def _attach(self, issue) -> None:
        message = issue_message(issue)
        path = issue.path
        if "[" in path:
            key, rest = path.split("[", 1)
            index, _dot, sub = rest.partition("].")
            group = self.groups.get(key)
            if group is not None and int(index) < len(group.forms):
                form = group.forms[int(index)]
                if sub in form.fields and not form.has_error(sub):
                    form.add_error(sub, message)
                return
        key, _dot, part = path.partition(".")
        name = f"{key}__{part}" if part else key
        if key in self.groups:
            self.groups[key]._non_form_errors = self.groups[key].error_class(
                [message], renderer=self.renderer
            )
            return
        if name in self.fields:
            if not self.has_error(name):
                self.add_error(name, message)
        else:
            self.add_error(None, message)

    def layout(self) -> list[dict]:
        """What the template renders, in order: fields, address fieldsets, repeating groups."""
        on_this_step = {field.key for field in self.step.fields}
        items = []
        for item in self.shown_items:
            condition = item.show_if if condition_fields_of(item) & on_this_step else None
            entry = {
                "key": item.key,
                "label": item.label_in(self.language),
                "help": item.help_in(self.language),
                "show_if": json.dumps(condition) if condition else "",
                "required": item.required,
                **field_type(item.type).layout(self, item),
            }
            items.append(entry)
        return items

    def known_answers_json(self) -> str:
        """Earlier answers the browser needs to evaluate this step's conditions."""
        keys = set()
        for item in self.step.fields:
            keys |= condition_fields_of(item)
        return json.dumps({key: self.answers[key] for key in sorted(keys) if key in self.answers})
