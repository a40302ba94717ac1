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
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from rathaus.eservices.formschema import Field, FormSchema, Step, evaluate, validate_step
from rathaus.eservices.formschema.conditions import condition_fields
from rathaus.eservices.formschema.schema import ADDRESS_PARTS
from rathaus.eservices.issue_messages import issue_message
from rathaus.eservices.sources import check_issues

RADIO_LIMIT = 6


def address_labels() -> dict[str, str]:
    return {
        "street": _("Street and house number"),
        "postal_code": _("Postal code"),
        "city": _("City"),
    }


def django_field(item: Field, *, language: str, uploaded: dict | None = None) -> forms.Field:
    """One Django form field for a schema field (not for addresses and groups)."""
    common = {
        "label": item.label_in(language),
        "help_text": item.help_in(language),
        "required": item.required,
    }
    kind = item.type
    if kind == "text":
        return forms.CharField(
            max_length=item.max_length or 200, widget=forms.TextInput(), **common
        )
    if kind == "textarea":
        return forms.CharField(
            max_length=item.max_length or 4000, widget=forms.Textarea(attrs={"rows": 5}), **common
        )
    if kind == "number":
        return forms.CharField(
            max_length=30, widget=forms.TextInput(attrs={"inputmode": "decimal"}), **common
        )
    if kind == "date":
        return forms.DateField(
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            input_formats=["%Y-%m-%d", "%d.%m.%Y"],
            **common,
        )
    if kind == "choice":
        choices = [
            (option.value, item.option_label(option.value, language)) for option in item.options
        ]
        if item.widget == "select" or (item.widget != "radio" and len(choices) > RADIO_LIMIT):
            return forms.ChoiceField(choices=[("", "–"), *choices], **common)
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if kind == "checkbox":
        return forms.BooleanField(**common)
    if kind == "iban":
        return forms.CharField(
            max_length=42,
            widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
            **common,
        )
    if kind == "steuer_id":
        return forms.CharField(
            max_length=20, widget=forms.TextInput(attrs={"inputmode": "numeric"}), **common
        )
    if kind == "file":
        accept = ",".join(
            {"pdf": ".pdf", "jpg": ".jpg,.jpeg", "png": ".png"}[k] for k in item.accept
        )
        hint = common["help_text"]
        if uploaded:
            current = _("Uploaded: %(name)s. Choose another file to replace it.") % {
                "name": uploaded.get("name", "")
            }
            hint = f"{hint} {current}".strip()
        common.update(help_text=hint, required=item.required and not uploaded)
        return forms.FileField(widget=forms.FileInput(attrs={"accept": accept}), **common)
    raise ValueError(f"No Django field for {kind!r}")


def condition_fields_of(item: Field) -> set[str]:
    return condition_fields(item.show_if)


def _raw(item: Field, data, name: str):
    """A raw value from the POST data, shaped like an answer, for evaluating conditions."""
    if item.type == "checkbox":
        return data.get(name) in ("on", "true", "True", "1")
    return data.get(name)


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
            uploaded = self.stored.get(sub.key) if sub.type == "file" else None
            self.fields[sub.key] = django_field(
                sub, language=language, uploaded=uploaded if isinstance(uploaded, dict) else None
            )
            if sub.type == "file" and self.is_bound:
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
            sub.key: _json(sub, self.cleaned_data.get(sub.key))
            for sub in self.group.fields
            if sub.type != "file"
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


def _json(item: Field, value):
    """A cleaned Django value as the JSON answer the core expects."""
    if value is None:
        return None
    if item.type == "date":
        return value.isoformat()
    if item.type == "checkbox":
        return bool(value)
    return value


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
        value = self.answers.get(item.key)
        if item.type == "address":
            labels = address_labels()
            for part in ADDRESS_PARTS:
                self.fields[f"{item.key}__{part}"] = forms.CharField(
                    label=labels[part],
                    required=item.required,
                    max_length=10 if part == "postal_code" else 200,
                    widget=forms.TextInput(
                        attrs={
                            "autocomplete": {
                                "street": "street-address",
                                "postal_code": "postal-code",
                                "city": "address-level2",
                            }[part]
                        }
                    ),
                    initial=(value or {}).get(part) if isinstance(value, dict) else None,
                )
            return
        if item.type == "repeat":
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
            return
        uploaded = value if item.type == "file" and isinstance(value, dict) else None
        self.fields[item.key] = django_field(item, language=self.language, uploaded=uploaded)
        if item.type != "file":
            self.fields[item.key].initial = value

    def _relax(self, item: Field) -> None:
        names = (
            [f"{item.key}__{part}" for part in ADDRESS_PARTS]
            if item.type == "address"
            else [item.key]
        )
        for name in names:
            if name in self.fields:
                self.fields[name].required = False
        if item.type == "repeat":
            self.groups.pop(item.key, None)

    def raw_answers(self) -> dict:
        """What the browser sent, shaped like answers (uncleaned), to evaluate conditions."""
        raw: dict = {}
        for item in self.shown_items:
            if item.type == "address":
                raw[item.key] = {
                    part: self.data.get(f"{item.key}__{part}", "") for part in ADDRESS_PARTS
                }
            elif item.type == "repeat":
                group = self.groups.get(item.key)
                if group is not None:
                    raw[item.key] = [
                        {
                            **{
                                sub.key: form.stored[sub.key]
                                for sub in item.fields
                                if sub.type == "file" and sub.key in form.stored
                            },
                            **{
                                sub.key: _raw(sub, self.data, form.add_prefix(sub.key))
                                for sub in item.fields
                                if sub.type != "file"
                            },
                        }
                        for form in group.forms
                    ]
            elif item.type != "file":
                raw[item.key] = _raw(item, self.data, item.key)
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
            if item.type == "file":
                continue
            if item.type == "address":
                values[item.key] = {
                    part: self.cleaned_data.get(f"{item.key}__{part}", "") for part in ADDRESS_PARTS
                }
            elif item.type == "repeat":
                group = self.groups.get(item.key)
                values[item.key] = (
                    [form.item_answers() for form in group.forms if hasattr(form, "cleaned_data")]
                    if group is not None
                    else []
                )
            elif item.key in self.cleaned_data:
                values[item.key] = _json(item, self.cleaned_data[item.key])
        return values

    def partial_answers(self) -> dict:
        """Values of the fields without errors, kept when an incomplete step is saved for later."""
        cleaned = getattr(self, "cleaned_data", {})
        values: dict = {}
        for item in self.shown_items:
            if item.type == "address":
                names = [f"{item.key}__{part}" for part in ADDRESS_PARTS]
                if all(name in cleaned for name in names):
                    values[item.key] = {
                        part: cleaned[f"{item.key}__{part}"] for part in ADDRESS_PARTS
                    }
            elif item.type == "repeat":
                group = self.groups.get(item.key)
                if group is not None and group.is_valid():
                    values[item.key] = [form.item_answers() for form in group.forms]
            elif item.type != "file" and item.key in cleaned:
                values[item.key] = _json(item, cleaned[item.key])
        return values

    def with_files(self, values: dict, file_answers: dict) -> dict:
        """Values with the stored files: a field's file, or {index: {key: file}} for a group."""
        merged = dict(values)
        for key, value in file_answers.items():
            item = self.step.field(key)
            if item is not None and item.type == "repeat":
                entries = [dict(entry) for entry in merged.get(key) or []]
                for index, files in value.items():
                    if index < len(entries):
                        entries[index].update(files)
                if key in merged:
                    merged[key] = entries
            else:
                merged[key] = value
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
                "kind": item.type if item.type in ("address", "repeat") else "field",
                "key": item.key,
                "label": item.label_in(self.language),
                "help": item.help_in(self.language),
                "show_if": json.dumps(condition) if condition else "",
                "required": item.required,
            }
            if item.type == "address":
                entry["fields"] = [self[f"{item.key}__{part}"] for part in ADDRESS_PARTS]
            elif item.type == "repeat":
                entry["formset"] = self.groups.get(item.key)
                entry["max_items"] = item.max_items
            else:
                entry["field"] = self[item.key]
            items.append(entry)
        return items

    def known_answers_json(self) -> str:
        """Earlier answers the browser needs to evaluate this step's conditions."""
        keys = set()
        for item in self.step.fields:
            keys |= condition_fields_of(item)
        return json.dumps({key: self.answers[key] for key in sorted(keys) if key in self.answers})
