"""Form rendering in the KERN design system.

`{{ form }}` and `{{ field.as_field_group }}` render with the templates in
`core/templates/core/forms/`: a label, a hint and an error message that the input names in
`aria-describedby`, and `aria-invalid` on inputs with an error.
"""

from django import forms
from django.db import models
from django.forms.renderers import TemplatesSetting


class KernFormRenderer(TemplatesSetting):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


CHECK_WIDGETS = (forms.CheckboxInput,)
CHOICE_GROUP_WIDGETS = (forms.RadioSelect, forms.CheckboxSelectMultiple)


def widget_kind(widget: forms.Widget) -> str:
    if isinstance(widget, CHECK_WIDGETS):
        return "check"
    if isinstance(widget, CHOICE_GROUP_WIDGETS):
        return "group"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    return "input"


def widget_css_class(widget: forms.Widget, *, invalid: bool) -> str:
    kind = widget_kind(widget)
    if kind == "check":
        base = "kern-form-check__checkbox"
    elif kind == "select":
        base = "kern-form-input__select"
    elif kind == "input":
        base = "kern-form-input__input"
    else:
        return ""
    return f"{base} {base}--error" if invalid else base


# Bounds of form input (docs/platform.md, "Bounds"): every text has a maximum length and every
# number a maximum, far above any real case; the form tests walk every form for them.
LONG_TEXT = 10_000
"""The longest description, note or explanation a form takes."""
MAX_FORM_NUMBER = 1_000_000
"""The largest whole number a model form takes where the model states no maximum."""


def bounded_formfield(model_field, **kwargs):
    """`Meta.formfield_callback` of model forms: a maximum for unbounded texts and numbers."""
    if isinstance(model_field, models.TextField) and not model_field.max_length:
        kwargs.setdefault("max_length", LONG_TEXT)
    if isinstance(model_field, models.IntegerField) and not model_field.choices:
        kwargs.setdefault("max_value", MAX_FORM_NUMBER)
    return model_field.formfield(**kwargs)
