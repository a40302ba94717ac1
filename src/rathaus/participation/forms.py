"""Forms of the participation pages: they parse and show errors; services decide and write."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rathaus.core.api import MAX_ID
from rathaus.core.municipality import municipality
from rathaus.participation import images, pseudonyms
from rathaus.participation.districts import district_choices
from rathaus.participation.models import (
    AnswerStatus,
    Category,
    ParticipantProfile,
    Process,
    ProjectStatus,
    ReportReason,
    Topic,
)
from rathaus.participation.placing import place
from rathaus.participation.selectors import NO_ANSWER, SORT_NEWEST, SORT_RANDOM, SORT_SUPPORTED
from rathaus.participation.services.proposals import ImageUpload


class FilterSelect(forms.Select):
    """A select for the filter forms of long lists: options written inline, not one template
    include per option (the same markup, a fraction of the rendering time)."""

    template_name = "participation/widgets/select.html"


def apply_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the field it names, if the form has one."""
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


def _pseudonym_field() -> forms.CharField:
    return forms.CharField(
        label=_("Your pseudonym"),
        max_length=pseudonyms.MAX_LENGTH,
        help_text=_(
            "Your contributions are shown under this name, never with your real name or e-mail "
            "address. You can change it later in your settings."
        ),
        initial=pseudonyms.generate,
    )


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=140)
    text = forms.CharField(
        label=_("Your proposal"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What should be done, and why? At most 5,000 characters."),
    )
    category = forms.ModelChoiceField(
        label=_("Category"), queryset=Category.objects.none(), required=False
    )
    district = forms.ChoiceField(
        label=_("District"),
        required=False,
        help_text=_("With coordinates in the city, the district is taken from them."),
    )
    location_text = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("An address or a description, for example “Stiftsplatz, by the fountain”."),
    )
    latitude = forms.DecimalField(
        label=_("Latitude"),
        required=False,
        max_digits=8,
        decimal_places=6,
        min_value=Decimal("-90"),
        max_value=Decimal("90"),
        help_text=_("Decimal degrees, for example 49.444700."),
        widget=forms.NumberInput(attrs={"step": "any", "data-location-latitude": ""}),
    )
    longitude = forms.DecimalField(
        label=_("Longitude"),
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=Decimal("-180"),
        max_value=Decimal("180"),
        help_text=_("Decimal degrees, for example 7.768900."),
        widget=forms.NumberInput(attrs={"step": "any", "data-location-longitude": ""}),
    )
    image = forms.FileField(
        label=_("Image"),
        required=False,
        help_text=_(
            "JPEG, PNG or WebP, at most 8 MB. Location data and other metadata are removed."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(images.ACCEPTED_CONTENT_TYPES)}),
    )
    image_alt = forms.CharField(
        label=_("What the image shows"),
        max_length=200,
        required=False,
        help_text=_("A short description for people who cannot see the image."),
    )

    LOCATION_FIELDS = ("location_text", "district", "latitude", "longitude")

    def __init__(self, *args, process: Process, ask_pseudonym: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = process.categories.all()
        if not self.fields["category"].queryset.exists():
            del self.fields["category"]
        self.fields["district"].choices = [("", _("Whole city / not known")), *district_choices()]
        if ask_pseudonym:
            self.fields["pseudonym"] = _pseudonym_field()

    def clean(self):
        cleaned = super().clean()
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if (latitude is None) != (longitude is None):
            self.add_error("longitude", _("Give both latitude and longitude, or neither."))
        elif place(latitude=latitude, longitude=longitude, chosen="").outside:
            self.add_error(
                "latitude",
                _(
                    "This place lies outside %(city)s. Please check the coordinates, or leave "
                    "them empty and describe the place."
                )
                % {"city": municipality().name},
            )
        if cleaned.get("image") and not cleaned.get("image_alt", "").strip():
            self.add_error("image_alt", _("Please describe what the image shows."))
        return cleaned

    def main_fields(self):
        return [self[name] for name in ("title", "text", "category") if name in self.fields]

    def location_fields(self):
        return [self[name] for name in self.LOCATION_FIELDS]

    def image_fields(self):
        return [self["image"], self["image_alt"]]

    def service_values(self) -> dict:
        data = self.cleaned_data
        uploads = []
        if data.get("image"):
            uploads.append(ImageUpload(content=data["image"].read(), alt_text=data["image_alt"]))
        values = {
            "title": data["title"],
            "text": data["text"],
            "category": data.get("category"),
            "latitude": data.get("latitude"),
            "longitude": data.get("longitude"),
            "location_text": data.get("location_text", ""),
            "district": data.get("district", ""),
            "uploads": uploads,
        }
        if "pseudonym" in self.fields:
            values["pseudonym"] = data["pseudonym"]
        return values


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )
    reply_to = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, widget=forms.HiddenInput
    )

    def __init__(self, *args, ask_pseudonym: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if ask_pseudonym:
            self.fields["pseudonym"] = _pseudonym_field()


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("What is wrong with it?"), choices=ReportReason.choices, widget=forms.RadioSelect
    )
    explanation = forms.CharField(
        label=_("Explanation"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Helps the moderators to decide quickly."),
    )


class SettingsForm(forms.ModelForm):
    email_news = forms.BooleanField(
        label=_("Send me e-mails about things I follow at all"), required=False
    )

    class Meta:
        model = ParticipantProfile
        fields = ["pseudonym", "notify_phase", "notify_answer", "notify_reply"]


class ProposalFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    category = forms.ChoiceField(label=_("Category"), required=False, widget=FilterSelect)
    district = forms.ChoiceField(label=_("District"), required=False, widget=FilterSelect)
    answer = forms.ChoiceField(label=_("Answer of the city"), required=False, widget=FilterSelect)
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        widget=FilterSelect,
        choices=[
            (SORT_RANDOM, _("Random")),
            (SORT_NEWEST, _("Newest first")),
            (SORT_SUPPORTED, _("Most supported first")),
        ],
    )

    def __init__(self, *args, process: Process, **kwargs):
        super().__init__(*args, **kwargs)
        every = ("", _("All"))
        self.fields["category"].choices = [
            every,
            *((category.slug, category.name) for category in process.categories.all()),
        ]
        self.fields["district"].choices = [every, *district_choices()]
        self.fields["answer"].choices = [
            every,
            (NO_ANSWER, _("Not answered yet")),
            *AnswerStatus.choices,
        ]


class ProjectFilterForm(forms.Form):
    district = forms.ChoiceField(label=_("District"), required=False, widget=FilterSelect)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), *ProjectStatus.choices],
        widget=FilterSelect,
    )
    topic = forms.ChoiceField(
        label=_("Topic"),
        required=False,
        choices=[("", _("All")), *Topic.choices],
        widget=FilterSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [("", _("All")), *district_choices()]
