"""Messages for the problems the pure form core reports, in the active language."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from rathaus.eservices.formschema import Issue, Problem, text_in


def issue_message(issue: Issue) -> str:
    """What to tell the person about one problem with their answers."""
    params = issue.params
    if issue.code == "rule":
        return text_in(issue.message, translation.get_language() or "de") or _(
            "Please check this entry."
        )
    messages = {
        "required": _("Please fill in this field."),
        "must_check": _("Please tick this box to continue."),
        "max_length": _("Please enter at most %(limit)s characters."),
        "invalid_number": _("Please enter a number, for example 12 or 12,50."),
        "decimals": _("Please enter at most %(places)s decimal places."),
        "min_value": _("Please enter a number of at least %(limit)s."),
        "max_value": _("Please enter a number of at most %(limit)s."),
        "invalid_date": _("Please enter a valid date."),
        "future": _("The date must not be in the future."),
        "date_min": _("The date must be on or after %(limit)s."),
        "date_max": _("The date must be on or before %(limit)s."),
        "invalid_choice": _("Please choose one of the options."),
        "invalid_address": _("Please enter street, postal code and city."),
        "invalid_postal_code": _("Please enter a German postal code with five digits."),
        "invalid_iban": _("This IBAN is not valid. Please check it, including the check digits."),
        "invalid_steuer_id": _(
            "This tax identification number is not valid. It has 11 digits; please check it."
        ),
        "invalid_file": _("Please upload the file again."),
        "file_type": _("This file type is not accepted. Please upload a PDF, JPEG or PNG file."),
        "file_size": _("The file is too large."),
        "too_few_items": _("Please add at least %(limit)s entries."),
        "too_many_items": _("Please add at most %(limit)s entries."),
    }
    return messages.get(issue.code, _("Please check this entry.")) % params


def problem_message(problem: Problem) -> str:
    """What the form builder tells staff about a problem that prevents publishing."""
    messages = {
        "malformed": _("The form cannot be read: %(detail)s"),
        "no_steps": _("The form has no steps yet."),
        "duplicate_key": _("The key “%(key)s” is used twice."),
        "bad_key": _(
            "The key “%(key)s” must start with a letter and contain only lower-case letters, "
            "digits and underscores."
        ),
        "label_missing": _("A German and an English text are both needed."),
        "step_needs_fields": _("The step has no fields."),
        "choice_needs_options": _("A choice needs at least two options."),
        "duplicate_option": _("Two options have the same value."),
        "group_needs_fields": _("A repeating group needs at least one field."),
        "min_above_max": _("The minimum is larger than the maximum."),
        "limit_too_high": _("The maximum may be at most %(limit)s."),
        "condition_unknown_field": _(
            "The condition refers to “%(field)s”, which is not an earlier field."
        ),
        "condition_unknown_operator": _("The comparison “%(op)s” is not known."),
        "rule_unknown_kind": _("The rule kind “%(kind)s” is not known."),
        "handler_key_missing": _(
            "The processing “%(handler)s” reads the answer “%(key)s”; add a field with this key."
        ),
    }
    return messages.get(problem.code, problem.code) % problem.params
