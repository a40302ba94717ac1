"""Forms of the dog tax: the public calculator and the tax office's statute pages."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from rathaus.core.forms import bounded_formfield
from rathaus.dogtax import taxrules
from rathaus.dogtax.messages import localized
from rathaus.dogtax.models import ExemptionKind
from rathaus.dogtax.quote import EARLIEST, LATEST

ISO_DATE = "%Y-%m-%d"


def date_field(label, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format=ISO_DATE),
        validators=[MinValueValidator(EARLIEST), MaxValueValidator(LATEST)],
    )


def money_field(label, *, required: bool = True, help_text: str = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        help_text=help_text,
        min_value=0,
        max_digits=9,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )


class QuoteForm(forms.Form):
    """The household part of the calculator: the year and, where the statute has them, the
    exemptions of the keeper (and so of all their dogs)."""

    year = forms.IntegerField(label=_("Year"), min_value=EARLIEST.year, max_value=LATEST.year)
    keeper_exemption = forms.ChoiceField(
        label=_("Exemption for all your dogs"), required=False, widget=forms.RadioSelect
    )

    def __init__(
        self, *args, keeper_kinds: Sequence[taxrules.ExemptionKind] = (), **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        if not keeper_kinds:
            del self.fields["keeper_exemption"]
            return
        field = self.fields["keeper_exemption"]
        field.choices = [
            ("", _("None")),
            *((kind.code, localized(kind.name)) for kind in keeper_kinds),
        ]
        field.help_text = " ".join(localized(kind.condition) for kind in keeper_kinds)


class DogForm(forms.Form):
    """One dog of the calculator; rows after the first may stay empty (see ``calculator``)."""

    use_required_attribute = False

    name = forms.CharField(
        label=_("Name of the dog"),
        required=False,
        max_length=100,
        help_text=_("To tell your dogs apart in the result."),
    )
    kept_since = date_field(
        _("Taken in on"), help_text=_("The day the dog came into your household in the city.")
    )
    born_on = date_field(
        _("Date of birth"),
        required=False,
        help_text=_("Puppies are liable from the third month after their birth month."),
    )
    given_up_on = date_field(
        _("Given up on"),
        required=False,
        help_text=_("Only if the dog was sold, given away or died, or you moved away."),
    )
    exemption = forms.ChoiceField(label=_("Exemption"), required=False)

    def __init__(self, *args, exemption_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["exemption"].choices = [("", _("No exemption")), *exemption_choices]


class RatePeriodForm(forms.Form):
    valid_from = date_field(_("Valid from"))
    valid_until = date_field(
        _("Valid until"),
        required=False,
        help_text=_("Leave empty while no end has been decided."),
    )
    first = money_field(_("First dog (€ per year)"))
    second = money_field(_("Second dog (€ per year)"))
    further = money_field(_("Each further dog (€ per year)"))
    dangerous = money_field(
        _("Dangerous dog (€ per year)"),
        required=False,
        help_text=_("Only if the statute has a separate rate for dangerous dogs."),
    )


def limit_field(name: str, *, max_value: int) -> forms.IntegerField:
    """An optional whole number of at least one, labelled like the model field."""
    field = ExemptionKind._meta.get_field(name)
    return forms.IntegerField(
        label=capfirst(field.verbose_name),
        required=False,
        min_value=1,
        max_value=max_value,
        help_text=field.help_text,
    )


class ExemptionKindForm(forms.ModelForm):
    duration_months = limit_field("duration_months", max_value=600)
    once_in_years = limit_field("once_in_years", max_value=100)

    class Meta:
        model = ExemptionKind
        formfield_callback = bounded_formfield
        fields = ExemptionKind.EDITABLE
        widgets = {
            "condition_de": forms.Textarea(attrs={"rows": 3}),
            "condition_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            language = name.rpartition("_")[2]
            if language in ("de", "en"):
                field.widget.attrs["lang"] = language


class RegisterSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("Name of the keeper, tax account number or tax tag number"),
    )


class TagLookupForm(forms.Form):
    number = forms.CharField(label=_("Tax tag number"), max_length=20)
