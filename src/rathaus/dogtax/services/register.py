"""Writes on the dog register: households, dogs, tax tags, exemptions and notice records.

Each function is keyword-only, runs in one transaction, writes an audit entry and a history
entry (``DogEvent``). Functions a retried task can repeat are idempotent by the case reference
(``source``). Account and tag numbers come from counters locked for the transaction, and are
unique in the database besides, so a number is never given twice.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from rathaus.core.audit import audit_record
from rathaus.dogtax import taxrules
from rathaus.dogtax.models import (
    ACCOUNT_PREFIX,
    AccountCounter,
    Dog,
    DogEvent,
    GivenUpReason,
    Tag,
    TagCounter,
    TagInvalidation,
    TaxAccount,
    TaxNotice,
)
from rathaus.dogtax.selectors.register import assess_account, current_notice, register_dogs
from rathaus.dogtax.selectors.statute import current_statute


class RegisterError(ValueError):
    """A change the register refuses; ``code`` names why (see ``handlers.REFUSALS``)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _next(counter_model) -> int:
    counter, _ = counter_model.objects.select_for_update().get_or_create(pk=1)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


def _event(account, kind, *, actor, dog=None, case_reference="", **detail) -> DogEvent:
    return DogEvent.objects.create(
        account=account,
        dog=dog,
        kind=kind,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        case_reference=case_reference,
        detail=detail,
    )


def _account_snapshot(account: TaxAccount) -> dict:
    return {
        "keeper_name": account.keeper_name,
        "street": account.street,
        "postal_code": account.postal_code,
        "city": account.city,
        "district": account.district,
    }


def _dog_snapshot(dog: Dog) -> dict:
    return {
        "name": dog.name,
        "kept_since": dog.kept_since.isoformat(),
        "born_on": dog.born_on.isoformat() if dog.born_on else None,
        "given_up_on": dog.given_up_on.isoformat() if dog.given_up_on else None,
        "given_up_reason": dog.given_up_reason,
        "exemption": dog.exemption_code,
        "exemption_from": dog.exemption_from.isoformat() if dog.exemption_from else None,
        "exemption_until": dog.exemption_until.isoformat() if dog.exemption_until else None,
        "dangerous": dog.dangerous,
    }


@transaction.atomic
def account_for_keeper(
    *, user, name: str, address: dict | None = None, district: str = "", actor=None
) -> TaxAccount:
    """The keeper's tax account, opened with the next number (``HSt-000123``) when they have
    none. An existing account keeps its address (``account_change_address`` changes it)."""
    if user is not None:
        existing = TaxAccount.objects.select_for_update().filter(keeper=user).first()
        if existing is not None:
            return existing
    address = address or {}
    account = TaxAccount.objects.create(
        number=f"{ACCOUNT_PREFIX}-{_next(AccountCounter):06d}",
        keeper=user,
        keeper_name=name.strip()[:200],
        street=address.get("street", "")[:200],
        postal_code=address.get("postal_code", "")[:10],
        city=address.get("city", "")[:100],
        district=(district or "")[:100],
    )
    _event(account, DogEvent.Kind.ACCOUNT_OPENED, actor=actor)
    audit_record(
        actor=actor,
        action="dogtax.account.open",
        target=account,
        after={"number": account.number, **_account_snapshot(account)},
    )
    return account


@transaction.atomic
def account_change_address(
    *,
    account: TaxAccount,
    street: str,
    postal_code: str,
    city: str,
    district: str | None = None,
    actor=None,
    case_reference: str = "",
) -> TaxAccount:
    account = TaxAccount.objects.select_for_update().get(pk=account.pk)
    before = _account_snapshot(account)
    account.street, account.postal_code, account.city = street, postal_code, city
    if district is not None:
        account.district = district
    account.save(update_fields=["street", "postal_code", "city", "district", "updated_at"])
    after = _account_snapshot(account)
    if before != after:
        _event(account, DogEvent.Kind.ADDRESS_CHANGED, actor=actor, case_reference=case_reference)
        audit_record(
            actor=actor, action="dogtax.account.address", target=account, before=before, after=after
        )
    return account


@transaction.atomic
def account_set_mandate(
    *, account: TaxAccount, mandate_reference: str, actor=None, case_reference: str = ""
) -> TaxAccount:
    """The household's dog tax is collected under this SEPA mandate from now on (the annual
    assessment's direct-debit files use it); granting the same mandate again changes nothing."""
    account = TaxAccount.objects.select_for_update().get(pk=account.pk)
    before = account.sepa_mandate_reference
    if before == mandate_reference:
        return account
    account.sepa_mandate_reference = mandate_reference
    account.save(update_fields=["sepa_mandate_reference", "updated_at"])
    _event(
        account,
        DogEvent.Kind.MANDATE_GRANTED,
        actor=actor,
        case_reference=case_reference,
        mandate=mandate_reference,
    )
    audit_record(
        actor=actor,
        action="dogtax.account.mandate",
        target=account,
        before={"sepa_mandate_reference": before},
        after={"sepa_mandate_reference": mandate_reference},
    )
    return account


@transaction.atomic
def tag_issue(*, dog: Dog, actor=None, on: date | None = None, case_reference: str = "") -> Tag:
    """A new tax tag for the dog with the next number of the series (never reused)."""
    tag = Tag.objects.create(
        number=f"{_next(TagCounter):05d}", dog=dog, issued_on=on or timezone.localdate()
    )
    _event(
        dog.account,
        DogEvent.Kind.TAG_ISSUED,
        actor=actor,
        dog=dog,
        case_reference=case_reference,
        tag=tag.number,
    )
    audit_record(
        actor=actor, action="dogtax.tag.issue", target=tag, after={"dog": dog.pk, "tag": tag.number}
    )
    return tag


def _invalidate(tag: Tag, *, reason: str, actor, on: date, case_reference: str = "") -> None:
    tag.invalidated_on = on
    tag.invalidation_reason = reason
    tag.save(update_fields=["invalidated_on", "invalidation_reason"])
    _event(
        tag.dog.account,
        DogEvent.Kind.TAG_INVALIDATED,
        actor=actor,
        dog=tag.dog,
        case_reference=case_reference,
        tag=tag.number,
        reason=reason,
    )
    audit_record(
        actor=actor,
        action="dogtax.tag.invalidate",
        target=tag,
        after={"tag": tag.number, "reason": reason, "on": on.isoformat()},
    )


@transaction.atomic
def tag_replace(
    *,
    tag: Tag,
    actor=None,
    reason: str = TagInvalidation.LOST,
    case_reference: str = "",
) -> Tag:
    """Invalidate a (lost) tag and issue the dog a new number. Repeating it for the same case
    returns the tag issued the first time."""
    tag = Tag.objects.select_for_update().select_related("dog__account").get(pk=tag.pk)
    if case_reference:
        done = (
            DogEvent.objects.filter(
                case_reference=case_reference, kind=DogEvent.Kind.TAG_ISSUED, dog=tag.dog
            )
            .order_by("-id")
            .first()
        )
        if done is not None:
            return Tag.objects.get(number=done.detail["tag"])
    if not tag.is_valid:
        raise RegisterError("tag_invalid")
    if tag.dog.given_up_on is not None:
        raise RegisterError("dog_given_up")
    today = timezone.localdate()
    _invalidate(tag, reason=reason, actor=actor, on=today, case_reference=case_reference)
    return tag_issue(dog=tag.dog, actor=actor, on=today, case_reference=case_reference)


@transaction.atomic
def dog_register(
    *,
    account: TaxAccount,
    name: str,
    kept_since: date,
    breed: str = "",
    sex: str = "",
    born_on: date | None = None,
    dangerous: bool = False,
    exemption_code: str = "",
    exemption_from: date | None = None,
    exemption_until: date | None = None,
    source: str = "",
    with_tag: bool = True,
    actor=None,
) -> Dog:
    """Enter a dog in the household and (by default) issue its tax tag. With a ``source``
    (the case reference), registering the same dog again returns the first registration."""
    if source:
        existing = Dog.objects.filter(source=source, name=name.strip()[:100]).first()
        if existing is not None:
            return existing
    if born_on is not None and born_on > kept_since:
        raise RegisterError("born_after_kept")
    dog = Dog.objects.create(
        account=account,
        name=name.strip()[:100],
        breed=breed.strip()[:100],
        sex=sex,
        born_on=born_on,
        kept_since=kept_since,
        dangerous=dangerous,
        exemption_code=exemption_code,
        exemption_from=exemption_from,
        exemption_until=exemption_until,
        source=source,
    )
    _event(account, DogEvent.Kind.REGISTERED, actor=actor, dog=dog, case_reference=source)
    audit_record(actor=actor, action="dogtax.dog.register", target=dog, after=_dog_snapshot(dog))
    if with_tag:
        tag_issue(dog=dog, actor=actor, case_reference=source)
    return dog


@transaction.atomic
def dog_deregister(
    *,
    dog: Dog,
    given_up_on: date,
    reason: str,
    new_keeper_name: str = "",
    new_keeper_address: str = "",
    reported_on: date | None = None,
    actor=None,
    case_reference: str = "",
) -> Dog:
    """The dog leaves the household: liability ends with the month of ``given_up_on``; its
    valid tags become invalid (to be returned). Repeating the same deregistration changes
    nothing."""
    dog = Dog.objects.select_for_update().select_related("account").get(pk=dog.pk)
    if reason not in GivenUpReason.values:
        raise RegisterError("unknown_reason")
    if dog.given_up_on is not None:
        if dog.given_up_on == given_up_on and dog.given_up_reason == reason:
            return dog
        raise RegisterError("dog_given_up")
    if given_up_on < dog.kept_since:
        raise RegisterError("given_up_before_kept")
    before = _dog_snapshot(dog)
    dog.given_up_on = given_up_on
    dog.given_up_reason = reason
    dog.deregistered_on = reported_on or timezone.localdate()
    if reason in (GivenUpReason.SOLD, GivenUpReason.GIVEN_AWAY):
        dog.new_keeper_name = new_keeper_name.strip()[:200]
        dog.new_keeper_address = new_keeper_address.strip()[:300]
    dog.save()
    for tag in dog.tags.filter(invalidated_on__isnull=True):
        _invalidate(
            tag,
            reason=TagInvalidation.RETURNED,
            actor=actor,
            on=dog.deregistered_on,
            case_reference=case_reference,
        )
    _event(
        dog.account,
        DogEvent.Kind.DEREGISTERED,
        actor=actor,
        dog=dog,
        case_reference=case_reference,
        reason=reason,
        given_up_on=given_up_on.isoformat(),
    )
    audit_record(
        actor=actor,
        action="dogtax.dog.deregister",
        target=dog,
        before=before,
        after=_dog_snapshot(dog),
    )
    return dog


@transaction.atomic
def exemption_grant(
    *,
    dog: Dog,
    code: str,
    granted_from: date | None = None,
    granted_until: date | None = None,
    actor=None,
    case_reference: str = "",
) -> Dog:
    """Record a dog-level exemption of the statute (``shelter``, ``assistance``, ``rescue``).

    Refused with the rules' codes when the kind is unknown or the household's once-in-N-years
    limit is exceeded (checked by assessing the years the grant touches)."""
    dog = Dog.objects.select_for_update().select_related("account").get(pk=dog.pk)
    statute = current_statute()
    if statute.exemption_kind(code, taxrules.ExemptionLevel.DOG) is None:
        raise RegisterError("unknown_exemption")
    before = _dog_snapshot(dog)
    dog.exemption_code = code
    dog.exemption_from = granted_from
    dog.exemption_until = granted_until
    dog.save(update_fields=["exemption_code", "exemption_from", "exemption_until"])
    start_year = (granted_from or dog.kept_since).year
    try:
        assess_account(dog.account, max(start_year, timezone.localdate().year))
    except taxrules.InvalidInput as invalid:
        codes = {problem.code for problem in invalid.problems}
        raise RegisterError(
            "exemption_limit_exceeded"
            if taxrules.Code.EXEMPTION_LIMIT_EXCEEDED in codes
            else "invalid"
        ) from invalid
    _event(
        dog.account,
        DogEvent.Kind.EXEMPTION_GRANTED,
        actor=actor,
        dog=dog,
        case_reference=case_reference,
        exemption=code,
    )
    audit_record(
        actor=actor,
        action="dogtax.exemption.grant",
        target=dog,
        before=before,
        after=_dog_snapshot(dog),
    )
    return dog


def _concerns(dog: Dog, year: int) -> bool:
    """Whether a notice for ``year`` concerns the dog: kept at some time in or before the year
    and not given up before it (a dog taken in in December is named, though not yet liable)."""
    return dog.kept_since.year <= year and (dog.given_up_on is None or dog.given_up_on.year >= year)


def _next_year_amounts(account: TaxAccount, year: int) -> dict[str, Decimal]:
    """Each dog's amount for the following year as the household stands (none without rates)."""
    try:
        following = assess_account(account, year + 1)
    except taxrules.InvalidInput:
        return {}
    return {result.ref: result.amount for result in following.dogs if result.months}


def _notice_lines(account: TaxAccount, assessment: taxrules.Assessment) -> list[dict]:
    """Each dog the notice concerns, with its tag, liable months and amount; also a dog not
    liable in the year (its amount is 0), and each dog's amount for the following year."""
    dogs = {str(dog.pk): dog for dog in register_dogs(account)}
    next_year = _next_year_amounts(account, assessment.year)
    lines = []
    for result in assessment.dogs:
        dog = dogs[result.ref]
        if not result.months and not _concerns(dog, assessment.year):
            continue
        tags = list(dog.tags.all())
        tag = dog.current_tag or (tags[-1] if tags else None)
        lines.append(
            {
                "dog": dog.pk,
                "name": dog.name,
                "breed": dog.breed,
                "tag": tag.number if tag else "",
                "amount": str(result.amount),
                "months": [
                    {
                        "month": charge.month,
                        "rank": charge.rank,
                        "exempt": charge.exempt,
                        "amount": str(charge.amount),
                    }
                    for charge in result.months
                ],
                "exemption": dog.exemption_code,
                "given_up_on": dog.given_up_on.isoformat() if dog.given_up_on else None,
                "next_year_amount": (
                    str(next_year[result.ref]) if result.ref in next_year else None
                ),
            }
        )
    return lines


@transaction.atomic
def notice_record(
    *,
    account: TaxAccount,
    year: int,
    kind: str,
    case=None,
    actor=None,
    issued_on: date | None = None,
) -> TaxNotice:
    """Assess the account for ``year`` and record the notice; the notice in force before is
    marked superseded by it. For a case it is done once (repeating returns the first record)."""
    account = TaxAccount.objects.select_for_update().get(pk=account.pk)
    reference = case.reference if case is not None else ""
    if reference:
        existing = TaxNotice.objects.filter(case_reference=reference, year=year).first()
        if existing is not None:
            return existing
    issued_on = issued_on or timezone.localdate()
    assessment = assess_account(account, year, notice_on=issued_on)
    previous = current_notice(account, year)
    notice = TaxNotice.objects.create(
        account=account,
        year=year,
        kind=kind,
        issued_on=issued_on,
        case=case,
        case_reference=reference,
        total=assessment.total,
        previous_total=previous.total if previous is not None else None,
        installments=[
            {
                "due_on": item.due_on.isoformat(),
                "amount": str(item.amount),
                "covers": list(item.covers),
            }
            for item in assessment.installments
        ],
        dogs=_notice_lines(account, assessment),
    )
    if previous is not None:
        previous.superseded_by = notice
        previous.save(update_fields=["superseded_by"])
    _event(
        account,
        DogEvent.Kind.NOTICE_ISSUED,
        actor=actor,
        case_reference=reference,
        year=year,
        total=str(assessment.total),
    )
    audit_record(
        actor=actor,
        action="dogtax.notice.record",
        target=account,
        after={
            "notice": notice.pk,
            "year": year,
            "total": str(notice.total),
            "supersedes": previous.pk if previous else None,
        },
    )
    return notice
