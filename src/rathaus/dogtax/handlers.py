"""The dog-tax services of the online-services engine.

| key | service | decided |
| --- | --- | --- |
| ``dogtax.registration`` | register a dog | automatically; by a clerk for an exemption |
| ``dogtax.deregistration`` | deregister a dog | automatically |
| ``dogtax.tag_lost`` | replace a lost tax tag | automatically |
| ``dogtax.address_change`` | new address of the household | automatically |
| ``dogtax.exemption`` | exemption for a registered dog | by a clerk |

Automatic decisions make their register changes and record the tax notice (``TaxNotice``) in
``decide_automatically`` — idempotently by the case reference, so a failed or repeated run
changes nothing twice — and the engine then renders that notice (``notice``). When a clerk
decides, the engine renders the clerk's letter and ``on_decided`` makes the register change
and issues the corrected tax notice as a second notice of the case, with its payment.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone, translation
from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rathaus.accounts.selectors import verified_residence
from rathaus.dogtax import taxrules
from rathaus.dogtax.models import Dog, GivenUpReason, Tag, TaxAccount, TaxNotice
from rathaus.dogtax.notice_outlook import next_year_amount, next_year_context
from rathaus.dogtax.register_records import rules_dog
from rathaus.dogtax.selectors import current_statute, payable_installments, register_dogs
from rathaus.dogtax.services import (
    RegisterError,
    account_change_address,
    account_for_keeper,
    account_set_mandate,
    dog_deregister,
    dog_register,
    exemption_grant,
    notice_record,
    tag_replace,
)
from rathaus.eservices.handlers import (
    Decision,
    NoticeSpec,
    Outcome,
    OutcomeAmount,
    ServiceHandler,
    register_handler,
)
from rathaus.eservices.services.notices import notice_issue
from rathaus.eservices.services.payments import payment_request_create

GRANTED = (Outcome.GRANTED, Outcome.PARTLY_GRANTED)

# Why an application is refused without a clerk (translated when the notice is written).
REFUSALS = {
    "no_account": gettext_lazy("There is no dog tax account in your name."),
    "tag_unknown": gettext_lazy(
        "The tax tag number %(tag)s does not belong to a dog registered in your household."
    ),
    "tag_invalid": gettext_lazy("The tax tag %(tag)s is no longer valid."),
    "dog_given_up": gettext_lazy("The dog with the tax tag %(tag)s is already deregistered."),
    "given_up_before_kept": gettext_lazy(
        "The dog cannot have been given up before it was registered."
    ),
    "born_after_kept": gettext_lazy("The dog cannot have been born after it was taken in."),
    "unknown_exemption": gettext_lazy("This exemption is not known."),
    "exemption_limit_exceeded": gettext_lazy(
        "A household gets this exemption only once in %(years)s years."
    ),
    "unknown_reason": gettext_lazy("The reason given is not known."),
}

# Deregistration answers → register reasons.
REASONS = {
    "died": GivenUpReason.DIED,
    "sold": GivenUpReason.SOLD,
    "given_away": GivenUpReason.GIVEN_AWAY,
    "moved": GivenUpReason.MOVED_AWAY,
    "moved_away": GivenUpReason.MOVED_AWAY,
}


def _refusal(code: str, **values) -> Decision:
    message = REFUSALS.get(code, REFUSALS["unknown_reason"])
    return Decision(
        outcome=Outcome.REJECTED, text=str(message) % values if values else str(message)
    )


def _date(value) -> date | None:
    return date.fromisoformat(value) if value else None


def _name(case) -> str:
    answers = case.answers
    name = " ".join(
        part for part in (answers.get("given_name", ""), answers.get("family_name", "")) if part
    )
    return name or case.applicant_name


def _address(value) -> dict:
    value = value if isinstance(value, dict) else {}
    return {key: str(value.get(key, "")) for key in ("street", "postal_code", "city")}


def _district(user) -> str:
    residence = verified_residence(user) if user is not None else None
    return str((residence or {}).get("district") or "")


def _keeper_account(case) -> TaxAccount | None:
    if case.applicant is None:
        return None
    return TaxAccount.objects.filter(keeper=case.applicant).first()


def _applicant_tag(case) -> tuple[Tag | None, str]:
    """The tag the applicant named, if it belongs to a dog of their own household."""
    number = str(case.answers.get("tag_number", "")).strip()
    account = _keeper_account(case)
    if account is None:
        return None, number
    tag = (
        Tag.objects.select_related("dog__account")
        .filter(number=number.lstrip("0").zfill(5) if number.isdigit() else number)
        .filter(dog__account=account)
        .first()
    )
    return tag, number


def _notice_of(case) -> TaxNotice | None:
    return TaxNotice.objects.filter(case_reference=case.reference).order_by("-id").first()


def _purpose(notice: TaxNotice) -> str:
    return _("Dog tax %(year)s %(account)s") % {
        "year": notice.year,
        "account": notice.account.number,
    }


def _payment_of(notice: TaxNotice) -> tuple[Decimal | None, date | None]:
    """The amount the notice asks for next (its first instalment still to be paid)."""
    for row in payable_installments(notice):
        if row["payable"] > 0:
            return row["payable"], row["due_on"]
    return None, None


def _tax_decision(notice: TaxNotice, text: str) -> Decision:
    amount, due_on = _payment_of(notice)
    return Decision(
        outcome=Outcome.GRANTED,
        text=text,
        amount=amount,
        due_on=due_on,
        payment_purpose=_purpose(notice),
    )


def _month_runs(months: list[dict]) -> list[dict]:
    """A dog's months grouped into runs of consecutive months charged alike."""
    runs: list[dict] = []
    for month in months:
        key = (month["rank"], month["exempt"], month["amount"])
        last = runs[-1] if runs else None
        if last and last["key"] == key and last["last"] == month["month"] - 1:
            last["last"] = month["month"]
            last["count"] += 1
            continue
        runs.append({"key": key, "first": month["month"], "last": month["month"], "count": 1})
    for run in runs:
        rank, exempt, amount = run.pop("key")
        first, last = MONTHS[run["first"]], MONTHS[run["last"]]
        run["months"] = str(first) if run["first"] == run["last"] else f"{first} – {last}"
        run["rank"], run["exempt"], run["amount"] = rank, exempt, Decimal(amount)
    return runs


def tax_notice_spec(notice: TaxNotice, *, title: str, decision_text: str = "") -> NoticeSpec:
    """The dog-tax notice (Steuerbescheid) for a recorded ``TaxNotice``."""
    account = notice.account
    amount, _due = _payment_of(notice)
    lines = [
        {
            **line,
            "runs": _month_runs(line["months"]),
            "next_year_amount": next_year_amount(line),
        }
        for line in notice.dogs
    ]
    rows = payable_installments(notice)
    for row in rows:
        row["months"] = ", ".join(str(MONTHS[m]) for m in row["covers"])
    return NoticeSpec(
        template="dogtax/documents/tax_notice.html",
        title=title,
        context={
            "recipient": {"name": account.keeper_name, **account.address},
            "tax_notice": notice,
            "account": account,
            "year": notice.year,
            "dogs": lines,
            "installments": rows,
            "total": notice.total,
            "previous_total": notice.previous_total,
            "difference": (
                notice.total - notice.previous_total if notice.previous_total is not None else None
            ),
            "first_payable": amount,
            **next_year_context(notice.year, notice.dogs),
            "decision_text": decision_text,
            "legal_remedy": {"levy": True},
        },
    )


def _issue_tax_notice(*, case, notice: TaxNotice, actor, title: str) -> None:
    """A further notice of a clerk-decided case: the corrected tax notice with its payment."""
    amount, due_on = _payment_of(notice)
    payment = None
    if amount:
        payment = payment_request_create(
            case=case, amount=amount, purpose=_purpose(notice), due_on=due_on, actor=actor
        )
    with translation.override(case.language):
        spec = tax_notice_spec(notice, title=str(title))
    issued = notice_issue(case=case, spec=spec, actor=actor, payment=payment)
    notice.notice = issued
    notice.save(update_fields=["notice"])


def _link_notice(case) -> None:
    notice = _notice_of(case)
    issued = case.notices.order_by("-issued_at", "-id").first()
    if notice is not None and notice.notice_id is None and issued is not None:
        notice.notice = issued
        notice.save(update_fields=["notice"])


class DogTaxHandler(ServiceHandler):
    notice_title = gettext_lazy("Dog tax notice %(year)s")

    def notice(self, *, case, decision):
        recorded = _notice_of(case)
        if recorded is not None and decision.outcome in GRANTED:
            return tax_notice_spec(
                recorded,
                title=str(self.notice_title) % {"year": recorded.year},
                decision_text=decision.text,
            )
        return super().notice(case=case, decision=decision)

    def outcome_amounts(self, *, case, decision):
        """The tax of the year the notice assessed (also when it is zero) and what is due first."""
        recorded = _notice_of(case)
        if recorded is None or decision.outcome not in GRANTED:
            return super().outcome_amounts(case=case, decision=decision)
        amounts = [
            OutcomeAmount(
                label=_("Dog tax %(year)s") % {"year": recorded.year}, amount=recorded.total
            )
        ]
        if decision.amount and decision.amount != recorded.total:
            amounts.append(OutcomeAmount(label=_("Due first"), amount=decision.amount))
        return amounts

    def on_decided(self, *, case, decision):
        _link_notice(case)

    def delivery_payload(self, *, case):
        account = _keeper_account(case)
        return {"tax_account": account.number if account else None}

    def on_mandate_granted(self, *, case, mandate):
        """A mandate given for a dog-tax payment also collects the household's later dog tax."""
        account = _keeper_account(case)
        if account is not None:
            account_set_mandate(
                account=account,
                mandate_reference=mandate.reference,
                actor=case.applicant,
                case_reference=case.reference,
            )


def _would_exceed_limit(account: TaxAccount | None, dog: Dog | None, code: str, kept_since) -> bool:
    """Whether granting ``code`` would break the once-in-N-years limit of the household."""
    dogs = [rules_dog(other) for other in register_dogs(account)] if account else []
    exemption = taxrules.Exemption(kind=code)
    if dog is not None:
        dogs = [d if d.ref != str(dog.pk) else _with(d, exemption) for d in dogs]
    else:
        dogs.append(taxrules.Dog(ref="new", kept_since=kept_since, exemption=exemption))
    try:
        taxrules.assess(
            statute=current_statute(), year=timezone.localdate().year, dogs=dogs, keeper=None
        )
    except taxrules.InvalidInput as invalid:
        return any(p.code == taxrules.Code.EXEMPTION_LIMIT_EXCEEDED for p in invalid.problems)
    return False


def _with(dog: taxrules.Dog, exemption: taxrules.Exemption) -> taxrules.Dog:
    from dataclasses import replace

    return replace(dog, exemption=exemption)


def _limit_years(code: str) -> int:
    kind = current_statute().exemption_kind(code, taxrules.ExemptionLevel.DOG)
    return getattr(kind, "once_in_years", None) or 10


@register_handler
class DogRegistration(DogTaxHandler):
    key = "dogtax.registration"
    answer_keys = frozenset(
        {"given_name", "family_name", "address", "dog_name", "kept_since", "exemption"}
    )
    label = gettext_lazy("Dog tax: registration")
    notice_title = gettext_lazy("Dog tax notice %(year)s (registration)")

    def _register(self, case, *, exemption: str = "", actor=None) -> TaxNotice:
        answers = case.answers
        account = account_for_keeper(
            user=case.applicant,
            name=_name(case),
            address=_address(answers.get("address")),
            district=_district(case.applicant),
            actor=actor,
        )
        dog_register(
            account=account,
            name=str(answers.get("dog_name", "")),
            breed=str(answers.get("breed", "")),
            sex=str(answers.get("sex", "")),
            born_on=_date(answers.get("born_on")),
            kept_since=_date(answers["kept_since"]),
            dangerous=bool(answers.get("dangerous")),
            exemption_code=exemption,
            source=case.reference,
            actor=actor,
        )
        return notice_record(
            account=account,
            year=timezone.localdate().year,
            kind=TaxNotice.Kind.REGISTRATION,
            case=case,
            actor=actor,
        )

    def decide_automatically(self, *, case):
        if case.applicant is None:
            return None
        exemption = case.answers.get("exemption") or "none"
        if exemption != "none":
            account = _keeper_account(case)
            if _would_exceed_limit(account, None, exemption, _date(case.answers["kept_since"])):
                return _refusal("exemption_limit_exceeded", years=_limit_years(exemption))
            return None  # the evidence is checked by a clerk
        try:
            with transaction.atomic():
                notice = self._register(case)
        except RegisterError as refused:
            return _refusal(refused.code)
        return _tax_decision(
            notice, _("The dog is registered for the dog tax; its tax tag is enclosed.")
        )

    def on_decided(self, *, case, decision):
        if _notice_of(case) is not None:
            _link_notice(case)
            return
        exemption = case.answers.get("exemption") or "none"
        if decision.outcome == Outcome.REJECTED and exemption == "none":
            return  # the clerk refused the registration itself
        granted = exemption if exemption != "none" and decision.outcome in GRANTED else ""
        # The dog is kept whatever the clerk decided on the exemption: it is registered and
        # taxed, with the exemption only when granted.
        notice = self._register(case, exemption=granted)
        _issue_tax_notice(
            case=case,
            notice=notice,
            actor=None,
            title=str(self.notice_title) % {"year": notice.year},
        )


@register_handler
class DogDeregistration(DogTaxHandler):
    key = "dogtax.deregistration"
    answer_keys = frozenset({"given_name", "family_name", "tag_number", "reason", "ended_on"})
    label = gettext_lazy("Dog tax: deregistration")
    notice_title = gettext_lazy("Dog tax notice %(year)s (change)")

    def decide_automatically(self, *, case):
        if case.applicant is None:
            return None
        tag, number = _applicant_tag(case)
        if _keeper_account(case) is None:
            return _refusal("no_account")
        if tag is None:
            return _refusal("tag_unknown", tag=number)
        answers = case.answers
        reason = REASONS.get(str(answers.get("reason", "")))
        if reason is None:
            return _refusal("unknown_reason")
        keeper = _address(answers.get("new_keeper"))
        given_up_on = _date(answers.get("ended_on")) or timezone.localdate()
        try:
            with transaction.atomic():
                if tag.dog.given_up_on is None and not tag.is_valid:
                    raise RegisterError("tag_invalid")
                dog_deregister(
                    dog=tag.dog,
                    given_up_on=given_up_on,
                    reason=reason,
                    new_keeper_name=str(answers.get("new_keeper_name", "")),
                    new_keeper_address=", ".join(v for v in keeper.values() if v),
                    reported_on=case.submitted_at.date(),
                    case_reference=case.reference,
                )
                notice = notice_record(
                    account=tag.dog.account,
                    year=given_up_on.year,
                    kind=TaxNotice.Kind.CHANGE,
                    case=case,
                )
        except RegisterError as refused:
            return _refusal(refused.code, tag=number)
        return _tax_decision(
            notice,
            _("The dog %(name)s is deregistered from %(date)s; the dog tax is assessed anew.")
            % {"name": tag.dog.name, "date": date_format(given_up_on, "DATE_FORMAT")},
        )


@register_handler
class DogTagLost(DogTaxHandler):
    key = "dogtax.tag_lost"
    answer_keys = frozenset({"given_name", "family_name", "tag_number"})
    label = gettext_lazy("Dog tax: lost tax tag")

    def decide_automatically(self, *, case):
        if case.applicant is None:
            return None
        tag, number = _applicant_tag(case)
        if tag is None:
            return _refusal("tag_unknown", tag=number)
        try:
            new = tag_replace(tag=tag, case_reference=case.reference)
        except RegisterError as refused:
            return _refusal(refused.code, tag=number)
        return Decision(
            outcome=Outcome.GRANTED,
            text=_(
                "Your dog %(name)s has the new tax tag %(new)s. The tag %(old)s is no longer "
                "valid; if you find it, please return it to us."
            )
            % {"name": new.dog.name, "new": new.number, "old": tag.number},
            legal_remedy=False,
        )

    def notice(self, *, case, decision):
        if decision.outcome not in GRANTED:
            return super().notice(case=case, decision=decision)
        tag, _number = _applicant_tag(case)
        new = tag.dog.current_tag if tag is not None else None
        return NoticeSpec(
            template="dogtax/documents/tag_letter.html",
            title=_("Your new dog tax tag"),
            context={
                "old_tag": tag,
                "new_tag": new,
                "dog": tag.dog if tag else None,
                "account": tag.dog.account if tag else None,
                "text": decision.text,
            },
        )

    def on_decided(self, *, case, decision):
        return None


@register_handler
class DogAddressChange(DogTaxHandler):
    key = "dogtax.address_change"
    answer_keys = frozenset({"given_name", "family_name", "new_address"})
    label = gettext_lazy("Dog tax: change of address")

    def decide_automatically(self, *, case):
        account = _keeper_account(case)
        if account is None:
            return _refusal("no_account") if case.applicant is not None else None
        address = _address(case.answers.get("new_address"))
        account_change_address(
            account=account,
            district=_district(case.applicant) or None,
            case_reference=case.reference,
            **address,
        )
        return Decision(
            outcome=Outcome.GRANTED,
            text=_(
                "From now on we will send the notices of the tax account %(account)s to: "
                "%(address)s."
            )
            % {"account": account.number, "address": ", ".join(v for v in address.values() if v)},
            legal_remedy=False,
        )

    def on_decided(self, *, case, decision):
        return None


@register_handler
class DogExemption(DogTaxHandler):
    key = "dogtax.exemption"
    answer_keys = frozenset({"given_name", "family_name", "tag_number", "exemption"})
    label = gettext_lazy("Dog tax: exemption")
    notice_title = gettext_lazy("Dog tax notice %(year)s (exemption)")

    def decide_automatically(self, *, case):
        if case.applicant is None:
            return None
        tag, number = _applicant_tag(case)
        if tag is None:
            return _refusal("tag_unknown", tag=number)
        if tag.dog.given_up_on is not None:
            return _refusal("dog_given_up", tag=number)
        code = str(case.answers.get("exemption", ""))
        if _would_exceed_limit(tag.dog.account, tag.dog, code, None):
            return _refusal("exemption_limit_exceeded", years=_limit_years(code))
        return None  # a clerk checks the evidence

    def on_decided(self, *, case, decision):
        if decision.outcome not in GRANTED:
            return
        tag, _number = _applicant_tag(case)
        if tag is None:
            return
        exemption_grant(
            dog=tag.dog, code=str(case.answers.get("exemption", "")), case_reference=case.reference
        )
        notice = notice_record(
            account=tag.dog.account,
            year=timezone.localdate().year,
            kind=TaxNotice.Kind.CHANGE,
            case=case,
        )
        _issue_tax_notice(
            case=case,
            notice=notice,
            actor=None,
            title=str(self.notice_title) % {"year": notice.year},
        )
