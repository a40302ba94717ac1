"""Form fields for calendar months and days, rendered as the browser's own pickers."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rathaus.childbenefit.benefitrules import Month

MONTH_HINT = _("Format YYYY-MM, for example 2026-09.")


class MonthInput(forms.TextInput):
    """``<input type="month">``: a picker in Chromium, a text field (YYYY-MM) elsewhere."""

    input_type = "month"


class MonthField(forms.Field):
    """A month written ``YYYY-MM``, cleaned to a ``Month``."""

    widget = MonthInput
    default_error_messages = {"invalid": _("Enter a valid month in the form YYYY-MM.")}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, Month):
            return value
        try:
            return Month.parse(str(value).strip())
        except ValueError as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error

    def prepare_value(self, value):
        return str(value) if isinstance(value, Month) else value


class DayField(forms.DateField):
    """A date with the browser's date picker (ISO value); typed dates like 03.05.2010 work too."""

    widget = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
