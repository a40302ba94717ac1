"""What the platform tells people when it refuses something, in their language.

Every refusal of the pure modules has a stable code (eligibility, ballot validation, poll
definition, poll state); this module turns code and parameters into a translated sentence.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from rathaus.voting.eligibility import Ineligibility
from rathaus.voting.tally import Refusal
from rathaus.voting.window import PollState

INELIGIBILITY = {
    Ineligibility.NOT_SIGNED_IN: _("Please sign in to vote in this poll."),
    Ineligibility.RESIDENCE_NOT_VERIFIED: _(
        "Your residence has not been verified. Sign in with your online ID card (eID) or "
        "BundID so that the city can confirm that you live in %(municipality)s."
    ),
    Ineligibility.RESIDENCE_ASSURANCE_TOO_LOW: _(
        "Your residence was confirmed with a level of assurance that is too low for this poll: "
        "it requires the level “%(level)s” or higher, for example a sign-in with "
        "BundID using your online ID card (eID). A BundID account with only a user name and "
        "password is not enough. Sign in again with your online ID card to confirm your "
        "residence."
    ),
    Ineligibility.NOT_RESIDENT: _("Only residents of %(municipality)s may vote in this poll."),
    Ineligibility.DISTRICT_UNKNOWN: _(
        "This poll is open to residents of certain districts only (%(districts)s), and your "
        "verified residence does not show your district."
    ),
    Ineligibility.DISTRICT_NOT_INCLUDED: _(
        "This poll is open to residents of these districts only: %(districts)s."
    ),
    Ineligibility.BIRTH_DATE_NOT_VERIFIED: _(
        "This poll has a minimum age, and your date of birth has not been verified. Sign in "
        "with your online ID card (eID) or BundID to confirm it."
    ),
    Ineligibility.TOO_YOUNG: _(
        "You must be at least %(age)s years old on the closing day (%(day)s) to vote in this poll."
    ),
    Ineligibility.CODE_REQUIRED: _("Please enter the voting code from your letter."),
    Ineligibility.CODE_NOT_ACCEPTED: _(
        "This poll does not use voting codes. Residents sign in to vote."
    ),
    Ineligibility.CODE_UNKNOWN: _(
        "This voting code is not valid for this poll. Please check it against your letter."
    ),
    Ineligibility.CODE_USED: _("This voting code has already been used."),
    Ineligibility.ALREADY_VOTED: _("You have already voted in this poll."),
}

BALLOT = {
    Refusal.MALFORMED: _("The ballot could not be read."),
    Refusal.EMPTY: _("Please choose an answer."),
    Refusal.UNKNOWN_OPTION: _("Your ballot names an option that is not on this poll."),
    Refusal.DUPLICATE_OPTION: _("You chose the same option more than once."),
    Refusal.TOO_FEW_CHOICES: _("Please choose at least %(min)s options."),
    Refusal.TOO_MANY_CHOICES: _("Please choose at most %(max)s options."),
    Refusal.OVER_COST_LIMIT: _(
        "The projects you chose cost %(total)s together, more than the limit of %(limit)s."
    ),
    Refusal.TOO_MANY_POINTS: _("You gave %(given)s points; at most %(max)s are allowed."),
}

# Why a counted ballot was invalid, as the result page lists it ("too many choices: 2").
INVALID = {
    Refusal.MALFORMED: _("unreadable"),
    Refusal.EMPTY: _("empty"),
    Refusal.UNKNOWN_OPTION: _("an option not on the poll"),
    Refusal.DUPLICATE_OPTION: _("an option chosen twice"),
    Refusal.TOO_FEW_CHOICES: _("too few choices"),
    Refusal.TOO_MANY_CHOICES: _("too many choices"),
    Refusal.OVER_COST_LIMIT: _("over the budget limit"),
    Refusal.TOO_MANY_POINTS: _("too many points"),
}

STATE = {
    PollState.UPCOMING: _("This poll is not open yet. Voting opens on %(opens_at)s."),
    PollState.OPEN: _("This poll is open until %(closes_at)s."),
    PollState.ENDED: _("This poll closed on %(closes_at)s. The votes are being counted."),
    PollState.CLOSED: _("This poll closed on %(closes_at)s."),
}

DEFINITION = {
    "required": _("This field is required."),
    "unknown_kind": _("Choose one of: yes_no, single, multiple, ranked, budget."),
    "unknown_eligibility": _("Choose one of: residents, codes."),
    "unknown_assurance": _("Choose one of: low, substantial, high."),
    "unknown_rule": _("Choose one of: greedy, equal-shares."),
    "timezone_required": _("Give the time with its time zone, e.g. 2026-05-01T08:00:00+02:00."),
    "closes_before_opening": _("The poll must close after it opens."),
    "residents_only_limits": _(
        "Districts and a minimum age apply to residents only; a poll with voting codes "
        "cannot have them."
    ),
    "out_of_range": _("Enter a value between %(low)s and %(high)s."),
    "yes_no_options": _("A yes/no poll has exactly the options yes, no and abstain."),
    "option_count": _("Give between %(low)s and %(high)s options."),
    "key_format": _("Use 1 to 40 letters, digits, dots, hyphens or underscores."),
    "key_duplicate": _("This key is used by another option."),
    "budget_only": _("Only a participatory budget has this."),
    "negative": _("The amount cannot be negative."),
    "not_positive": _("Enter a value greater than zero."),
    "single_choice_limits": _("This kind of poll always takes exactly one choice."),
    "more_than_options": _("There are only %(count)s options."),
    "below_minimum": _("The maximum cannot be below the minimum."),
    "inconsistent": _("The poll definition is not consistent: %(detail)s"),
    "codes_only": _("This poll does not use voting codes."),
    "code_format": _("A voting code has 16 letters and digits, e.g. ABCD-EFGH-JKMN-PQRS."),
    "code_count": _("Generate between 1 and %(high)s codes at a time."),
    "poll_ended": _("This poll has ended."),
    "poll_started": _("This poll has opened and can no longer be changed."),
    "not_opened": _("This poll has not opened yet, so it cannot be closed."),
    "process_unknown": _("There is no participation process with this id."),
    "no_voting_phase": _("This participation process has no voting phase."),
    "outside_voting_phase": _(
        "A poll of this process must lie within its voting phase, from %(start)s to %(end)s."
    ),
    "import_needs_window": _("A new vote needs the times when it opens and closes."),
    "import_needs_past": _(
        "Ballots can only be imported for a vote that is over: choose a closing time in the past."
    ),
}

SEALING = {
    "not_sealed": _("This poll does not have a sealed ballot box."),
    "already_sealed": _(
        "The trustees' shares of this poll have been created already; they are shown only once."
    ),
    "key_missing": _(
        "The ballot box of this poll has not been sealed yet: the trustees' shares must be "
        "created before anyone can vote."
    ),
    "seal_too_late": _(
        "The trustees' shares can be created only before the first ballot and before the vote ends."
    ),
    "trustee_count": _("Name between 2 and 16 trustees, one per line."),
    "trustee_duplicate": _("Each trustee must be named only once."),
    "threshold_range": _(
        "The number of shares needed must be at least 2 and at most the number of trustees."
    ),
    "not_ended": _("The count can be opened only after the vote has ended."),
    "already_counted": _("This poll has been counted already."),
    "shares_too_few": _(
        "Not enough different shares: %(threshold)s trustees must each enter their share."
    ),
    "shares_invalid": _(
        "The shares could not be read. Check every word of each share (a word may be mistyped, "
        "or a share may belong to another poll) and enter them again."
    ),
    "shares_wrong_key": _(
        "These shares do not belong to this poll's ballot box. Nothing has been opened."
    ),
}


def money(value: Decimal) -> str:
    """An amount of euros as the active language writes it (``1.250,00 €``, ``€1,250.00``)."""
    amount = formats.number_format(value, 2, use_l10n=True, force_grouping=True)
    return _("€%(amount)s") % {"amount": amount}


def _display(value: object) -> object:
    if isinstance(value, Decimal):
        return money(value)
    if isinstance(value, datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    if isinstance(value, date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    return value


def explain(table: dict, code: str, params: dict | None = None) -> str:
    """The translated sentence for ``code`` in ``table`` with its parameters filled in."""
    shown = {name: _display(value) for name, value in (params or {}).items()}
    text = str(table[code])
    if not shown:
        return text.replace("%%", "%")
    text = text % shown
    # A value ending in a full stop ("5:16 a.m.") closes the sentence itself.
    for value in shown.values():
        if isinstance(value, str) and value.endswith("."):
            text = text.replace(f"{value}.", value)
    return text
