"""Forms of the back office: moderation, official answers, processes and projects."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rathaus.core.forms import bounded_formfield
from rathaus.participation import phases
from rathaus.participation.districts import district_choices
from rathaus.participation.models import AnswerStatus, PhaseKind, Process, Project
from rathaus.participation.services.processes import PROCESS_FIELDS
from rathaus.participation.services.projects import PROJECT_FIELDS


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown publicly in place of the content."),
    )


class BlockForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for blocking"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the audit log; the person is told when they try to contribute."),
    )


class AnswerForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=AnswerStatus.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Answer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("For “not feasible”, explain the reason."),
    )


class _CityRecordForm(forms.ModelForm):
    """Shared by process and project forms: the district as a choice of the known districts,
    and the short name (part of the address) fixed once created."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"] = forms.ChoiceField(
            label=_("District"),
            required=False,
            choices=[("", _("Whole city")), *district_choices()],
        )
        if self.instance.pk:
            del self.fields["slug"]


class ProjectForm(_CityRecordForm):
    class Meta:
        model = Project
        formfield_callback = bounded_formfield
        fields = ["slug", *PROJECT_FIELDS]
        widgets = {
            "description_de": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "participation_de": forms.Textarea(attrs={"rows": 3}),
            "participation_en": forms.Textarea(attrs={"rows": 3}),
        }


class TimelineEntryForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    title_de = forms.CharField(label=_("Step (German)"), max_length=200)
    title_en = forms.CharField(label=_("Step (English)"), max_length=200, required=False)


class DocumentForm(forms.Form):
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, PNG, JPEG, ODT or DOCX, at most 20 MB.")
    )
    title_de = forms.CharField(label=_("Title (German)"), max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)


class ProcessForm(_CityRecordForm):
    """A process and its schedule: one optional start and end per registered kind of phase."""

    class Meta:
        model = Process
        formfield_callback = bounded_formfield
        fields = ["slug", *PROCESS_FIELDS]
        widgets = {
            "description_de": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        existing = (
            {phase.kind: phase for phase in self.instance.phases.all()} if self.instance.pk else {}
        )
        for kind, label in PhaseKind.choices:
            phase = existing.get(kind)
            for edge, text in (
                ("starts_at", _("%(phase)s: start")),
                ("ends_at", _("%(phase)s: end")),
            ):
                self.fields[f"{kind}_{edge}"] = forms.DateTimeField(
                    label=text % {"phase": label},
                    required=False,
                    widget=forms.DateTimeInput(
                        attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
                    ),
                    initial=timezone.localtime(getattr(phase, edge)) if phase else None,
                )

    def process_fields(self):
        return [self[name] for name in self.Meta.fields if name in self.fields]

    def phase_fields(self):
        return [self[name] for name in self.fields if name.endswith(("_starts_at", "_ends_at"))]

    def clean(self):
        cleaned = super().clean()
        for kind, _label in PhaseKind.choices:
            start, end = cleaned.get(f"{kind}_starts_at"), cleaned.get(f"{kind}_ends_at")
            if (start is None) != (end is None):
                self.add_error(f"{kind}_ends_at", _("Give both start and end, or neither."))
        return cleaned

    def spans(self) -> list[phases.Span]:
        spans = []
        for kind, _label in PhaseKind.choices:
            start = self.cleaned_data.get(f"{kind}_starts_at")
            end = self.cleaned_data.get(f"{kind}_ends_at")
            if start and end:
                spans.append(phases.Span(kind, start, end))
        return spans
