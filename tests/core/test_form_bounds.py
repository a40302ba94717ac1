"""Every Django form of the project bounds its input (issue 13, docs/platform.md "Bounds").

A text field needs `max_length`, a number `max_value` (a decimal may be bounded by its
`max_digits` instead). The form engine's forms are built from definitions at run time and are
tested in tests/eservices/test_form_bounds.py.
"""

import importlib
import pkgutil

from django import forms

import rathaus

# Fields bounded otherwise: "module.Form.field" -> why. Keep it short; today none is needed.
EXCEPTIONS: dict[str, str] = {}
SKIPPED_MODULES = (".migrations", "settings", "wsgi", "gunicorn_conf")


def _import_all() -> None:
    for module in pkgutil.walk_packages(rathaus.__path__, "rathaus."):
        if not any(part in module.name for part in SKIPPED_MODULES):
            importlib.import_module(module.name)


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _unbounded(field: forms.Field) -> str | None:
    if isinstance(field, forms.CharField) and field.max_length is None:
        return "a text without max_length"
    if isinstance(field, forms.DecimalField):
        if field.max_value is None and field.max_digits is None:
            return "a decimal without max_value or max_digits"
        return None
    if isinstance(field, forms.IntegerField | forms.FloatField) and field.max_value is None:
        return "a number without max_value"
    return None


def test_every_form_field_of_the_project_has_a_maximum():
    _import_all()
    project_forms = {
        cls for cls in _subclasses(forms.BaseForm) if cls.__module__.startswith("rathaus.")
    }
    assert len(project_forms) > 30
    problems = []
    for cls in sorted(project_forms, key=lambda cls: (cls.__module__, cls.__qualname__)):
        for name, field in cls.base_fields.items():
            where = f"{cls.__module__}.{cls.__qualname__}.{name}"
            if where not in EXCEPTIONS and (problem := _unbounded(field)):
                problems.append(f"{where}: {problem}")
    assert not problems, "\n".join(problems)
