"""The forms staff use to define services and their forms without code."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from rathaus.core.forms import LONG_TEXT, bounded_formfield
from rathaus.eservices.fieldtypes import type_choices
from rathaus.eservices.formschema.conditions import OPERATORS
from rathaus.eservices.formschema.schema import FILE_KINDS
from rathaus.eservices.formschema.validation import COMPARE_OPS
from rathaus.eservices.handlers import handler_choices
from rathaus.eservices.models import LifeSituation, Service
from rathaus.eservices.outboxes import outbox_choices
from rathaus.eservices.sources import (
    CHOICE_SOURCES,
    FIELD_CHECKS,
    PREFILL_SOURCES,
    source_choices,
)
from rathaus.organization.models import OrgUnit

KEY_HELP = _(
    "Lower-case letters, digits and underscores; starts with a letter. Cannot be changed later."
)

OPERATOR_LABELS = {
    "equals": _("is"),
    "not_equals": _("is not"),
    "in": _("is one of (comma-separated)"),
    "not_in": _("is none of (comma-separated)"),
    "filled": _("is filled in"),
    "empty": _("is empty"),
    "checked": _("is ticked"),
    "not_checked": _("is not ticked"),
    "gt": _("is greater or later than"),
    "ge": _("is at least"),
    "lt": _("is less or earlier than"),
    "le": _("is at most"),
}


class ServiceForm(forms.ModelForm):
    handler = forms.ChoiceField(label=_("Processing plug-in"), required=False)
    outboxes = forms.MultipleChoiceField(
        label=_("Hand-off to specialist systems"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    life_situations = forms.ModelMultipleChoiceField(
        label=_("Life situations"),
        queryset=LifeSituation.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Service
        formfield_callback = bounded_formfield
        fields = [
            "name_de",
            "name_en",
            "slug",
            "leika",
            "unit",
            "summary_de",
            "summary_en",
            "description_de",
            "description_en",
            "life_situations",
            "fees_de",
            "fees_en",
            "fee_amount",
            "documents_de",
            "documents_en",
            "ozg_maturity",
            "is_open",
            "processing_days",
            "handler",
            "outboxes",
            "draft_retention_days",
            "case_retention_days",
        ]
        widgets = {
            "description_de": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "documents_de": forms.Textarea(attrs={"rows": 3}),
            "documents_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = OrgUnit.objects.filter(pk__in=units)
        self.fields["handler"].choices = handler_choices()
        self.fields["outboxes"].choices = outbox_choices()


def _key_field(**kwargs) -> forms.RegexField:
    return forms.RegexField(
        label=_("Key"),
        regex=r"^[a-z][a-z0-9_]{0,39}$",
        max_length=40,
        help_text=KEY_HELP,
        error_messages={"invalid": _("Use lower-case letters, digits and underscores only.")},
        **kwargs,
    )


class ConditionMixin(forms.Form):
    """One comparison (show when <field> <operator> <value>); more complex ones are kept."""

    condition_field = forms.ChoiceField(label=_("Show only when the field"), required=False)
    condition_op = forms.ChoiceField(
        label=_("Comparison"),
        required=False,
        choices=[(op, OPERATOR_LABELS[op]) for op in OPERATORS],
    )
    condition_value = forms.CharField(label=_("Value"), required=False, max_length=200)

    def set_condition_fields(self, keys: list[tuple[str, str]]):
        self.fields["condition_field"].choices = [("", _("(always shown)")), *keys]

    def condition(self, existing: dict | None) -> dict | None:
        key = self.cleaned_data.get("condition_field")
        if not key:
            return existing if existing and "field" not in existing else None
        op = self.cleaned_data.get("condition_op") or "equals"
        value = self.cleaned_data.get("condition_value", "")
        condition = {"field": key, "op": op}
        if op in ("in", "not_in"):
            condition["value"] = [part.strip() for part in value.split(",") if part.strip()]
        elif op not in ("filled", "empty", "checked", "not_checked"):
            condition["value"] = value
        return condition

    @staticmethod
    def condition_initial(condition: dict | None) -> dict:
        if not condition or "field" not in condition:
            return {}
        value = condition.get("value", "")
        return {
            "condition_field": condition["field"],
            "condition_op": condition.get("op", "equals"),
            "condition_value": ", ".join(value) if isinstance(value, list) else value,
        }


class StepEditForm(ConditionMixin):
    key = _key_field()
    title_de = forms.CharField(label=_("Title (German)"), max_length=120)
    title_en = forms.CharField(label=_("Title (English)"), max_length=120)
    intro_de = forms.CharField(
        label=_("Introduction (German)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    intro_en = forms.CharField(
        label=_("Introduction (English)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    field_order = ["key", "title_de", "title_en", "intro_de", "intro_en"]

    def to_schema(self, existing: dict | None = None) -> dict:
        data = self.cleaned_data
        step = {
            "key": data["key"],
            "title": {"de": data["title_de"], "en": data["title_en"]},
            "intro": {"de": data["intro_de"], "en": data["intro_en"]},
        }
        condition = self.condition((existing or {}).get("show_if"))
        if condition:
            step["show_if"] = condition
        return step

    @classmethod
    def initial_from(cls, step: dict) -> dict:
        title, intro = step.get("title", {}), step.get("intro", {})
        return {
            "key": step.get("key"),
            "title_de": title.get("de", ""),
            "title_en": title.get("en", ""),
            "intro_de": intro.get("de", ""),
            "intro_en": intro.get("en", ""),
            **cls.condition_initial(step.get("show_if")),
        }


class FieldEditForm(ConditionMixin):
    key = _key_field()
    type = forms.ChoiceField(label=_("Type"))
    label_de = forms.CharField(label=_("Label (German)"), max_length=200)
    label_en = forms.CharField(label=_("Label (English)"), max_length=200)
    help_de = forms.CharField(label=_("Help text (German)"), required=False, max_length=500)
    help_en = forms.CharField(label=_("Help text (English)"), required=False, max_length=500)
    required = forms.BooleanField(label=_("Required"), required=False)
    options = forms.CharField(
        label=_("Options (for a choice)"),
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line: value | German text | English text"),
    )
    minimum = forms.CharField(
        label=_("Minimum (number or date YYYY-MM-DD)"), required=False, max_length=20
    )
    maximum = forms.CharField(
        label=_("Maximum (number or date YYYY-MM-DD)"), required=False, max_length=20
    )
    decimals = forms.IntegerField(
        label=_("Decimal places"), required=False, min_value=0, max_value=6
    )
    max_length = forms.IntegerField(
        label=_("Maximum length"), required=False, min_value=1, max_value=4000
    )
    not_future = forms.BooleanField(label=_("Date must not be in the future"), required=False)
    accept = forms.MultipleChoiceField(
        label=_("Accepted file types"),
        required=False,
        choices=[(kind, kind.upper()) for kind in FILE_KINDS],
        widget=forms.CheckboxSelectMultiple,
    )
    max_size_mb = forms.IntegerField(
        label=_("Maximum file size (MB)"), required=False, min_value=1, max_value=50
    )
    min_items = forms.IntegerField(
        label=_("Minimum entries"), required=False, min_value=0, max_value=50
    )
    max_items = forms.IntegerField(
        label=_("Maximum entries"), required=False, min_value=1, max_value=50
    )
    prefill = forms.ChoiceField(
        label=_("Pre-fill from"),
        required=False,
        help_text=_("Only a field of the source's type is pre-filled."),
    )
    choices_from = forms.ChoiceField(
        label=_("Options from (for a choice)"),
        required=False,
        help_text=_("The options are the applicant's own records, listed when the form is shown."),
    )
    check = forms.ChoiceField(label=_("Check against a register"), required=False)

    field_order = ["key", "type", "label_de", "label_en", "help_de", "help_en", "required"]

    def __init__(self, *args, in_group: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = type_choices(in_group=in_group)
        self.fields["prefill"].choices = source_choices(PREFILL_SOURCES)
        self.fields["choices_from"].choices = source_choices(CHOICE_SOURCES)
        self.fields["check"].choices = source_choices(FIELD_CHECKS)

    def clean_options(self):
        options = []
        for line in self.cleaned_data["options"].splitlines():
            if not line.strip():
                continue
            parts = [part.strip() for part in line.split("|")]
            if len(parts) != 3 or not all(parts):
                raise forms.ValidationError(
                    _("Write each option as: value | German text | English text")
                )
            options.append({"value": parts[0], "label": {"de": parts[1], "en": parts[2]}})
        return options

    def to_schema(self, existing: dict | None = None) -> dict:
        data = self.cleaned_data
        field = {
            "key": data["key"],
            "type": data["type"],
            "label": {"de": data["label_de"], "en": data["label_en"]},
            "help": {"de": data["help_de"], "en": data["help_en"]},
            "required": data["required"],
        }
        optional = {
            "options": data["options"],
            "min": data["minimum"],
            "max": data["maximum"],
            "decimals": data["decimals"],
            "max_length": data["max_length"],
            "not_future": data["not_future"],
            "accept": data["accept"],
            "max_size_mb": data["max_size_mb"],
            "min_items": data["min_items"],
            "max_items": data["max_items"],
            "prefill": data["prefill"],
            "choices_from": data["choices_from"],
            "check": data["check"],
        }
        field.update(
            {name: value for name, value in optional.items() if value not in (None, "", [], False)}
        )
        condition = self.condition((existing or {}).get("show_if"))
        if condition:
            field["show_if"] = condition
        return field

    @classmethod
    def initial_from(cls, field: dict) -> dict:
        label, help_text = field.get("label", {}), field.get("help", {})
        return {
            "key": field.get("key"),
            "type": field.get("type", "text"),
            "label_de": label.get("de", ""),
            "label_en": label.get("en", ""),
            "help_de": help_text.get("de", ""),
            "help_en": help_text.get("en", ""),
            "required": field.get("required", False),
            "options": "\n".join(
                f"{option['value']} | {option.get('label', {}).get('de', '')} | "
                f"{option.get('label', {}).get('en', '')}"
                for option in field.get("options", [])
            ),
            "minimum": field.get("min", ""),
            "maximum": field.get("max", ""),
            "decimals": field.get("decimals"),
            "max_length": field.get("max_length"),
            "not_future": field.get("not_future", False),
            "accept": field.get("accept", []),
            "max_size_mb": field.get("max_size_mb"),
            "min_items": field.get("min_items"),
            "max_items": field.get("max_items"),
            "prefill": field.get("prefill", ""),
            "choices_from": field.get("choices_from", ""),
            "check": field.get("check", ""),
            **cls.condition_initial(field.get("show_if")),
        }


class RuleForm(forms.Form):
    left = forms.ChoiceField(label=_("The field"))
    op = forms.ChoiceField(
        label=_("must be"), choices=[(op, OPERATOR_LABELS[op]) for op in COMPARE_OPS]
    )
    right_field = forms.ChoiceField(label=_("than / as the field"), required=False)
    right_value = forms.CharField(label=_("or the value"), required=False, max_length=40)
    message_de = forms.CharField(label=_("Message when broken (German)"), max_length=300)
    message_en = forms.CharField(label=_("Message when broken (English)"), max_length=300)

    def __init__(self, *args, keys: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["left"].choices = keys
        self.fields["right_field"].choices = [("", "–"), *keys]

    def clean(self):
        data = super().clean()
        if not data.get("right_field") and not data.get("right_value"):
            raise forms.ValidationError(_("Compare with a field or a value."))
        return data

    def to_schema(self) -> dict:
        data = self.cleaned_data
        right = (
            {"field": data["right_field"]}
            if data["right_field"]
            else {"value": data["right_value"]}
        )
        return {
            "kind": "compare",
            "left": data["left"],
            "op": data["op"],
            "right": right,
            "message": {"de": data["message_de"], "en": data["message_en"]},
        }
