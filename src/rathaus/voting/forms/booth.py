"""The ballot forms of the voting booth, one per kind of ballot, registered in ``BALLOT_FORMS``.

Every form renders real radio buttons, checkboxes, selects or number inputs (KERN markup with
labels, hints and error messages linked to the inputs), works without JavaScript, and turns what
was entered into the tally's ballot (``ballot()``); the tally decides whether it is valid
(``ballot_check``), so the booth and the API refuse exactly the same ballots.
"""

from __future__ import annotations

from collections import Counter

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from rathaus.voting.errors import BallotInvalid
from rathaus.voting.messages import money
from rathaus.voting.models import Kind, Poll
from rathaus.voting.services.ballots import ballot_check


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Voting code"),
        max_length=40,
        help_text=_(
            "The code from your letter, for example ABCD-EFGH-JKMN-PQRS. Capital or small "
            "letters and hyphens do not matter."
        ),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class BallotForm(forms.Form):
    """Base: ``main`` names the field that carries errors about the whole ballot."""

    main = "choice"

    def __init__(self, *args, poll: Poll, **kwargs):
        self.poll = poll
        self.option_list = list(poll.options.all())
        super().__init__(*args, **kwargs)
        self.build()

    def build(self) -> None:
        raise NotImplementedError

    def ballot(self) -> tuple[str, ...]:
        raise NotImplementedError

    @classmethod
    def initial_for(cls, poll: Poll, choices: list[str]) -> dict:
        raise NotImplementedError

    def option_choices(self) -> list[tuple[str, str]]:
        return [(option.key, option.title) for option in self.option_list]

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            try:
                ballot_check(poll=self.poll, choices=self.ballot())
            except BallotInvalid as error:
                self.add_error(self.main, error.message)
        return cleaned


class OneChoiceBallot(BallotForm):
    """Yes / no / abstain and single choice: one group of radio buttons."""

    def build(self) -> None:
        self.fields["choice"] = forms.ChoiceField(
            label=self.poll.title,
            choices=self.option_choices(),
            widget=forms.RadioSelect,
            help_text=_("Choose one answer."),
            error_messages={"required": _("Please choose an answer.")},
        )

    def ballot(self) -> tuple[str, ...]:
        return (self.cleaned_data["choice"],)

    @classmethod
    def initial_for(cls, poll: Poll, choices: list[str]) -> dict:
        return {"choice": choices[0]} if choices else {}


class ApprovalBallot(BallotForm):
    """Multiple choice and participatory budgets with approval: a group of checkboxes."""

    main = "choices"

    def build(self) -> None:
        self.fields["choices"] = forms.MultipleChoiceField(
            label=self.poll.title,
            choices=self.option_choices(),
            widget=forms.CheckboxSelectMultiple,
            required=False,
            help_text=self.limits_hint(),
        )

    def limits_hint(self) -> str:
        low, high = self.poll.min_choices, self.poll.max_choices or len(self.option_list)
        if low and low == high:
            return ngettext("Choose %(count)s option.", "Choose %(count)s options.", low) % {
                "count": low
            }
        return _("Choose between %(low)s and %(high)s options.") % {"low": low, "high": high}

    def ballot(self) -> tuple[str, ...]:
        return tuple(self.cleaned_data["choices"])

    @classmethod
    def initial_for(cls, poll: Poll, choices: list[str]) -> dict:
        return {"choices": list(choices)}


class BudgetBallot(ApprovalBallot):
    """A participatory budget: checkboxes labelled with each project's cost and district."""

    def option_choices(self) -> list[tuple[str, str]]:
        return [(option.key, project_label(option)) for option in self.option_list]

    def limits_hint(self) -> str:
        hint = [_("The city has %(budget)s to spend.") % {"budget": money(self.poll.budget)}]
        if self.poll.max_cost is not None:
            hint.append(
                _("The projects you choose may cost at most %(limit)s together.")
                % {"limit": money(self.poll.max_cost)}
            )
        hint.append(super().limits_hint())
        return " ".join(str(part) for part in hint)


def project_label(option) -> str:
    parts = [option.title, money(option.cost)]
    if option.district:
        parts.append(option.district)
    return " – ".join(str(part) for part in parts)


class PointsBallot(BallotForm):
    """A cumulative participatory budget: a number of points per project."""

    template_name = "voting/booth/points.html"

    def build(self) -> None:
        self.main = f"points_{self.option_list[0].key}"
        for option in self.option_list:
            self.fields[f"points_{option.key}"] = forms.IntegerField(
                label=project_label(option),
                min_value=0,
                max_value=self.poll.max_points,
                required=False,
                widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
            )

    def ballot(self) -> tuple[str, ...]:
        return tuple(
            option.key
            for option in self.option_list
            for _point in range(self.cleaned_data.get(f"points_{option.key}") or 0)
        )

    @classmethod
    def initial_for(cls, poll: Poll, choices: list[str]) -> dict:
        return {f"points_{key}": points for key, points in Counter(choices).items()}


class RankedBallot(BallotForm):
    """A ranking: one select per rank, best first (rank 1 is the first choice)."""

    template_name = "voting/booth/ranked.html"

    def ranks(self) -> int:
        return self.poll.max_choices or len(self.option_list)

    def build(self) -> None:
        self.main = "rank_1"
        blank = [("", _("– no option on this rank –"))]
        for rank in range(1, self.ranks() + 1):
            self.fields[f"rank_{rank}"] = forms.ChoiceField(
                label=_("Rank %(rank)s") % {"rank": rank},
                choices=blank + self.option_choices(),
                required=False,
                help_text=_("Your first choice") if rank == 1 else "",
            )

    def clean(self):
        ranked = [
            self.cleaned_data.get(f"rank_{rank}") or "" for rank in range(1, self.ranks() + 1)
        ]
        titles = dict(self.option_choices())
        seen: set[str] = set()
        for rank, key in enumerate(ranked, start=1):
            if key and key in seen:
                self.add_error(
                    f"rank_{rank}",
                    _("You have already placed %(option)s on a higher rank.")
                    % {"option": titles[key]},
                )
            seen.add(key)
        filled = [rank for rank, key in enumerate(ranked, start=1) if key]
        if filled and filled != list(range(1, len(filled) + 1)):
            gap = next(rank for rank in range(1, len(ranked) + 1) if rank not in filled)
            self.add_error(
                f"rank_{gap}",
                _("Fill the ranks from rank 1 onwards without leaving one empty."),
            )
        return super().clean()

    def ballot(self) -> tuple[str, ...]:
        return tuple(
            key
            for rank in range(1, self.ranks() + 1)
            if (key := self.cleaned_data.get(f"rank_{rank}"))
        )

    @classmethod
    def initial_for(cls, poll: Poll, choices: list[str]) -> dict:
        return {f"rank_{rank}": key for rank, key in enumerate(choices, start=1)}


BALLOT_FORMS: dict[str, type[BallotForm]] = {
    Kind.YES_NO: OneChoiceBallot,
    Kind.SINGLE: OneChoiceBallot,
    Kind.MULTIPLE: ApprovalBallot,
    Kind.RANKED: RankedBallot,
    Kind.BUDGET: BudgetBallot,
}


def ballot_form_class(poll: Poll) -> type[BallotForm]:
    if poll.kind == Kind.BUDGET and poll.cumulative:
        return PointsBallot
    return BALLOT_FORMS[poll.kind]
