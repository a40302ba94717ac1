"""The plug-in point for domains that are services (dog tax, child benefit, ...).

A domain subclasses `ServiceHandler`, gives it a `key`, and registers it in its
`AppConfig.ready()`; a service whose `handler` field names that key is then processed with it.
Every hook has a generic default, so a service defined only as data needs no handler.

    from rathaus.eservices.handlers import Decision, ServiceHandler, register_handler

    @register_handler
    class DogRegistration(ServiceHandler):
        key = "dogtax.registration"
        label = _("Dog tax: registration")

        def decide_automatically(self, *, case):
            if case.answers.get("exemption") == "none":
                return Decision(outcome="granted", text=..., amount=Decimal("120.00"))
            return None  # a clerk decides

        def notice(self, *, case, decision):
            return NoticeSpec(template="dogtax/notice.html", title=..., context={...})
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from django.utils.translation import gettext_lazy as _


class Outcome:
    GRANTED = "granted"
    PARTLY_GRANTED = "partly_granted"
    REJECTED = "rejected"
    NOTED = "noted"
    CHOICES = (
        (GRANTED, _("granted")),
        (PARTLY_GRANTED, _("partly granted")),
        (REJECTED, _("rejected")),
        (NOTED, _("taken note of")),
    )


@dataclass(frozen=True)
class Decision:
    """What was decided: the outcome, the reasoning for the notice, and what is to be paid."""

    outcome: str
    text: str
    amount: Decimal | None = None
    payment_purpose: str = ""
    due_on: date | None = None
    legal_remedy: bool = True


@dataclass(frozen=True)
class OutcomeAmount:
    """An amount named beside the outcome in the mailbox and the timeline ("Dog tax 2026")."""

    label: str
    amount: Decimal


@dataclass(frozen=True)
class NoticeSpec:
    """How to render a notice: a template extending `eservices/documents/letter.html`
    (the toolkit's `notice_generic.html` prints `decision` and `reasons`)."""

    template: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)


class ServiceHandler:
    """Hooks the engine calls for a service; override what the domain knows better."""

    key: ClassVar[str] = ""
    label: ClassVar[Any] = ""
    answer_keys: ClassVar[frozenset[str]] = frozenset()
    """The top-level answer keys the handler reads; a form version without one is refused."""

    def decide_automatically(self, *, case) -> Decision | None:
        """Called once after submission; a Decision here decides the case without a clerk."""
        return None

    def notice(self, *, case, decision: Decision) -> NoticeSpec:
        """The notice for a decision; by default the generic letter with the clerk's reasons.

        Called with the applicant's language active. `context` may override any key of the
        letter (e.g. `legal_remedy={"kind": "einspruch", ...}` for notices under the Fiscal Code).
        """
        service = case.service.name
        statements = {
            Outcome.GRANTED: _("Your application “%(service)s” is granted."),
            Outcome.PARTLY_GRANTED: _("Your application “%(service)s” is partly granted."),
            Outcome.REJECTED: _("Your application “%(service)s” is rejected."),
            Outcome.NOTED: _("We have taken note of your application “%(service)s”."),
        }
        return NoticeSpec(
            template="eservices/documents/notice_generic.html",
            title=str(_("Notice on your application “%(service)s”") % {"service": service}),
            context={
                "decision": str(statements.get(decision.outcome, statements[Outcome.NOTED]))
                % {"service": service},
                "reasons": decision.text,
            },
        )

    def outcome_amounts(self, *, case, decision: Decision) -> list[OutcomeAmount]:
        """The amounts to name with the outcome; by default the amount the notice asks for.

        Called once per language with that language active (labels are stored per language).
        """
        if decision.amount:
            return [OutcomeAmount(label=str(_("Amount to pay")), amount=decision.amount)]
        return []

    def on_decided(self, *, case, decision: Decision) -> None:
        """Called inside the deciding transaction, e.g. to update the domain's own register."""

    def delivery_payload(self, *, case) -> dict[str, Any]:
        """Extra data handed to specialist systems with the case (merged into case.json)."""
        return {}

    def on_mandate_granted(self, *, case, mandate) -> None:
        """Called inside the transaction in which the applicant grants a SEPA mandate for a
        payment of the case, e.g. to collect the domain's later amounts with the same mandate."""

    def decide_url(self, *, case) -> str | None:
        """The domain's own decision page for the clerk; None: the engine's generic one."""
        return None

    def citizen_links(self, *, case) -> list[tuple[str, str]]:
        """(label, url) pairs shown to the applicant on the case page of the mailbox."""
        return []


class GenericHandler(ServiceHandler):
    key = ""
    label = _("Generic processing by a clerk")


_HANDLERS: dict[str, type[ServiceHandler]] = {}


def register_handler(handler: type[ServiceHandler]) -> type[ServiceHandler]:
    """Register a handler class under its key (usable as a decorator)."""
    if not handler.key:
        raise ValueError("A service handler needs a key.")
    known = _HANDLERS.get(handler.key)
    if known is not None and known is not handler:
        raise ValueError(f"A handler with the key {handler.key!r} is already registered.")
    _HANDLERS[handler.key] = handler
    return handler


def handler_for(service) -> ServiceHandler:
    """The handler of a service; the generic one when none is named or it is not installed."""
    return _HANDLERS.get(service.handler, GenericHandler)()


def missing_answer_keys(handler_key: str, schema: dict) -> list[str]:
    """The answer keys the named handler reads that the form (as data) does not ask for."""
    handler = _HANDLERS.get(handler_key)
    if handler is None:
        return []
    asked = {
        item.get("key")
        for step in schema.get("steps", [])
        for item in step.get("fields", [])
        if isinstance(item, dict)
    }
    return sorted(handler.answer_keys - asked)


def handler_choices() -> list[tuple[str, str]]:
    return [("", str(GenericHandler.label))] + [
        (key, str(handler.label or key)) for key, handler in sorted(_HANDLERS.items())
    ]
