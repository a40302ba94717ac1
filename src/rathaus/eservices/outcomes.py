"""The outcome of a decided case as the citizen and the clerk read it: "granted – Dog tax 2026:
€120.00". The handler names the amounts (`ServiceHandler.outcome_amounts`); they are stored with
the case in every language at the moment of the decision, so later changes of the domain's data
do not rewrite what was decided and listing cases costs no further query."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _

from rathaus.eservices.handlers import Outcome


def stored_outcome_amounts(handler, *, case, decision) -> list[dict]:
    """The handler's amounts with their label in each language, ready for `Case.outcome_amounts`."""
    per_language = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            per_language[code] = handler.outcome_amounts(case=case, decision=decision)
    first = per_language[settings.LANGUAGE_CODE]
    return [
        {
            "amount": str(item.amount),
            "label": {code: str(items[index].label) for code, items in per_language.items()},
        }
        for index, item in enumerate(first)
    ]


def euro(amount) -> str:
    """An amount as the active language writes it: "1.813,00 €" or "€1,813.00"."""
    return _("€%(amount)s") % {
        "amount": formats.number_format(Decimal(amount), 2, force_grouping=True)
    }


def outcome_label(outcome: str) -> str:
    """The outcome of a decision in words ("bewilligt"), never its stored value ("granted")."""
    return str(dict(Outcome.CHOICES).get(outcome, outcome))


def outcome_text(case) -> str:
    """The outcome with its amounts in the active language; "" while the case is undecided."""
    if not case.outcome:
        return ""
    language = translation.get_language() or settings.LANGUAGE_CODE
    amounts = [
        _("%(label)s: %(amount)s")
        % {
            "label": item["label"].get(language) or item["label"].get(settings.LANGUAGE_CODE, ""),
            "amount": euro(item["amount"]),
        }
        for item in case.outcome_amounts or []
    ]
    text = outcome_label(case.outcome)
    return f"{text} – {'; '.join(amounts)}" if amounts else text
