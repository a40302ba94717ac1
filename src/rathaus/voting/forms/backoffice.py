"""Back-office forms: a poll with its options, voting codes, closing, pabulib upload."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from rathaus.accounts.models import AssuranceLevel
from rathaus.core.forms import LONG_TEXT
from rathaus.participation.models import Process
from rathaus.participation.phases import VOTING
from rathaus.voting import sealing
from rathaus.voting.models import Eligibility, Kind, Option, Poll, Rule
from rathaus.voting.services.voting_codes import MAX_BATCH
from rathaus.voting.specs import MAX_OPTIONS, OptionSpec, PollSpec

MOMENT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
MONEY = {"max_digits": 14, "decimal_places": 2, "min_value": 0}


class PollForm(forms.Form):
    title_de = forms.CharField(label=_("Title (German)"), max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    description_de = forms.CharField(
        label=_("Description (German)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=LONG_TEXT,
    )
    description_en = forms.CharField(
        label=_("Description (English)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=LONG_TEXT,
    )
    kind = forms.ChoiceField(label=_("Kind of ballot"), choices=Kind.choices)
    eligibility = forms.ChoiceField(
        label=_("Who may vote"), choices=Eligibility.choices, widget=forms.RadioSelect
    )
    opens_at = forms.DateTimeField(label=_("Opens at"), widget=MOMENT)
    closes_at = forms.DateTimeField(label=_("Closes at"), widget=MOMENT)
    min_choices = forms.IntegerField(
        label=_("Minimum number of choices"),
        min_value=0,
        max_value=MAX_OPTIONS,
        initial=0,
        required=False,
    )
    max_choices = forms.IntegerField(
        label=_("Maximum number of choices"),
        min_value=1,
        max_value=MAX_OPTIONS,
        required=False,
        help_text=_("Multiple choice, ranking and budget; empty for no limit."),
    )
    districts = forms.CharField(
        label=_("Districts"),
        required=False,
        max_length=2000,
        help_text=_(
            "Residents only: names of the districts whose residents may vote, "
            "separated by commas; empty for the whole city."
        ),
    )
    min_age = forms.IntegerField(
        label=_("Minimum age on the closing day"), min_value=0, max_value=120, required=False
    )
    min_assurance = forms.ChoiceField(
        label=_("Minimum level of assurance"),
        choices=AssuranceLevel.choices,
        initial=AssuranceLevel.SUBSTANTIAL,
        required=False,
        help_text=_(
            "Residents only: how securely residence and date of birth must have been confirmed. "
            "BundID: low = basic account (user name and password), substantial = ELSTER "
            "certificate, high = online ID card."
        ),
    )
    budget = forms.DecimalField(label=_("Budget (participatory budget)"), required=False, **MONEY)
    max_cost = forms.DecimalField(
        label=_("Cost limit per ballot"),
        required=False,
        help_text=_("Participatory budget: how much the projects on one ballot may cost together."),
        **MONEY,
    )
    max_points = forms.IntegerField(
        label=_("Points per ballot"),
        min_value=1,
        max_value=10_000,
        required=False,
        help_text=_("Participatory budget with cumulative voting; empty for approval voting."),
    )
    rule = forms.ChoiceField(
        label=_("Outcome rule (participatory budget)"),
        choices=[("", "–"), *Rule.choices],
        required=False,
    )
    process = forms.ModelChoiceField(
        label=_("Participation process"),
        queryset=Process.objects.filter(phases__kind=VOTING).distinct().order_by("title_de"),
        required=False,
        help_text=_(
            "Optional. The poll is then open only during the process's voting phase, and its "
            "times must lie within that phase."
        ),
    )

    sealed = forms.BooleanField(
        label=_("Seal the ballot box (trustees open the count)"),
        required=False,
        initial=lambda: settings.VOTING_SEAL_NEW_POLLS,
        help_text=_(
            "Every ballot is sealed with the poll's key before it is stored. After the vote, "
            "the trustees together must enter their shares of the key to open the count."
        ),
    )

    @classmethod
    def initial_of(cls, poll: Poll) -> dict:
        initial = {name: getattr(poll, name) for name in cls.base_fields if hasattr(poll, name)}
        initial["districts"] = ", ".join(poll.districts or ())
        initial["process"] = poll.process_id
        return initial


class OptionForm(forms.Form):
    key = forms.CharField(label=_("Key"), max_length=40)
    title_de = forms.CharField(label=_("Title (German)"), max_length=300)
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    cost = forms.DecimalField(label=_("Cost"), required=False, **MONEY)
    district = forms.CharField(label=_("District"), max_length=100, required=False)

    @classmethod
    def initial_of(cls, option: Option) -> dict:
        return {name: getattr(option, name) for name in cls.base_fields}


OptionFormSet = forms.formset_factory(OptionForm, extra=4)


def poll_spec(form: PollForm, options: list[OptionForm]) -> PollSpec:
    data = form.cleaned_data
    return PollSpec(
        title_de=data["title_de"],
        title_en=data["title_en"],
        description_de=data["description_de"],
        description_en=data["description_en"],
        kind=data["kind"],
        eligibility=data["eligibility"],
        opens_at=data["opens_at"],
        closes_at=data["closes_at"],
        options=tuple(
            OptionSpec(
                key=option.cleaned_data["key"],
                title_de=option.cleaned_data["title_de"],
                title_en=option.cleaned_data["title_en"],
                cost=option.cleaned_data["cost"],
                district=option.cleaned_data["district"],
            )
            for option in options
        ),
        min_choices=data["min_choices"] or 0,
        max_choices=data["max_choices"],
        budget=data["budget"],
        max_cost=data["max_cost"],
        max_points=data["max_points"],
        rule=data["rule"],
        districts=tuple(name.strip() for name in data["districts"].split(",") if name.strip()),
        min_age=data["min_age"],
        min_assurance=data["min_assurance"] or AssuranceLevel.SUBSTANTIAL,
        process=data["process"].pk if data["process"] else None,
        sealed=data["sealed"],
    )


class SealForm(forms.Form):
    trustees = forms.CharField(
        label=_("Trustees"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One name per line. Each trustee receives one share of the poll's key."),
    )
    threshold = forms.IntegerField(
        label=_("Shares needed to open the count"),
        min_value=2,
        max_value=sealing.MAX_TRUSTEES,
        initial=2,
    )

    def trustee_names(self) -> list[str]:
        return self.cleaned_data["trustees"].splitlines()


class UnsealForm(forms.Form):
    """One field per share needed: the trustees type their shares one after another, and the
    form is sent once, when all are entered (nothing of a share is kept between requests)."""

    def __init__(self, *args, threshold: int, **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(1, threshold + 1):
            self.fields[f"share_{number}"] = forms.CharField(
                label=_("Share of trustee %(number)s") % {"number": number},
                widget=forms.Textarea(
                    attrs={"rows": 3, "autocomplete": "off", "spellcheck": "false"}
                ),
                strip=True,
                max_length=2000,
            )

    def shares(self) -> list[str]:
        return [value for name, value in self.cleaned_data.items() if name.startswith("share_")]


class CodesForm(forms.Form):
    count = forms.IntegerField(
        label=_("Number of codes"),
        min_value=1,
        max_value=MAX_BATCH,
        help_text=_("One code per letter. The codes are shown once, right after this step."),
    )


class CloseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I confirm that the vote ends now and the ballots are counted and published.")
    )


class PabulibUploadForm(forms.Form):
    file = forms.FileField(label=_("pabulib file (.pb)"))
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("Empty: the file's description."),
    )
    with_votes = forms.BooleanField(
        label=_("Import the votes too (a vote that is over; it is counted at once)"),
        required=False,
        initial=True,
    )
    opens_at = forms.DateTimeField(label=_("Opens at"), widget=MOMENT, required=False)
    closes_at = forms.DateTimeField(
        label=_("Closes at"),
        widget=MOMENT,
        required=False,
        help_text=_("Empty: the dates in the file (votes) or now (new vote)."),
    )
