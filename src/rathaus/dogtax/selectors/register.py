"""Reads of the dog register: households, dogs, tags, notices, and a household's assessment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from rathaus.dogtax import taxrules
from rathaus.dogtax.models import ACCOUNT_PREFIX, Dog, DogEvent, Tag, TaxAccount, TaxNotice
from rathaus.dogtax.register_records import rules_dog
from rathaus.dogtax.selectors.statute import current_statute


def household_search(*, query: str = "") -> QuerySet[TaxAccount]:
    """Households by keeper name, tax account number or (current or earlier) tax tag number,
    with the number of dogs still kept; ordered by account number.

    The number of dogs is a subquery per household, not a join with GROUP BY over the whole
    register: a page of 50 households counts the dogs of those 50 only."""
    kept = (
        Dog.objects.filter(account=OuterRef("pk"), given_up_on__isnull=True)
        .order_by()
        .values("account")
        .annotate(number=Count("pk"))
        .values("number")
    )
    accounts = TaxAccount.objects.only(
        "number", "keeper_name", "street", "postal_code", "city"
    ).annotate(kept=Coalesce(Subquery(kept, output_field=IntegerField()), 0))
    query = query.strip()
    if query:
        matches = Q(keeper_name__icontains=query) | Q(number__iexact=query)
        tag_numbers = {query}
        if query.isdigit() and int(query):
            tag_numbers.add(f"{int(query):05d}")
            matches |= Q(number=f"{ACCOUNT_PREFIX}-{int(query):06d}")
        matching_dogs = Tag.objects.filter(number__in=tag_numbers).values("dog__account_id")
        accounts = accounts.filter(matches | Q(pk__in=matching_dogs))
    return accounts.order_by("number")


def household_detail(*, number: str) -> TaxAccount | None:
    """One household with dogs (and their tags), notices and history prefetched."""
    return (
        TaxAccount.objects.filter(number=number)
        .prefetch_related(
            Prefetch("dogs", queryset=Dog.objects.prefetch_related("tags").order_by("id")),
            Prefetch("notices", queryset=TaxNotice.objects.select_related("notice", "case")),
            Prefetch("events", queryset=DogEvent.objects.select_related("actor", "dog")),
        )
        .select_related("keeper")
        .first()
    )


def tag_lookup_find(*, number: str) -> Tag | None:
    """The tag with this number (``42`` finds ``00042``), with its dog and household."""
    number = number.strip()
    candidates = [number]
    if number.isdigit() and number.lstrip("0"):
        candidates.append(number.lstrip("0").zfill(5))
    return Tag.objects.select_related("dog__account").filter(number__in=candidates).first()


def keeper_account(user) -> TaxAccount | None:
    """The signed-in keeper's own household (None for anyone without one)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return TaxAccount.objects.filter(keeper=user).first()


def keeper_dogs(user, *, kept_only: bool = False) -> list[Dog]:
    """The keeper's own dogs with their tags, oldest first; `kept_only`: not given up."""
    account = keeper_account(user)
    if account is None:
        return []
    dogs = Dog.objects.filter(account=account).prefetch_related("tags").order_by("kept_since", "id")
    if kept_only:
        dogs = dogs.filter(given_up_on__isnull=True)
    return list(dogs)


@dataclass(frozen=True)
class KeeperDog:
    """One of the keeper's dogs as their account page shows it."""

    dog: Dog
    tag: Tag | None
    notices: list[TaxNotice]


def keeper_overview(user) -> tuple[TaxAccount | None, list[KeeperDog]]:
    """The keeper's household and each of its dogs with its tag and the notices naming it
    (newest first; each notice with the letter that carried it: a case notice or an annual
    letter in the mailbox)."""
    account = keeper_account(user)
    if account is None:
        return None, []
    notices = list(
        TaxNotice.objects.filter(account=account)
        .select_related("notice", "case", "assessment_item__letter")
        .order_by("-year", "-created_at", "-id")
    )
    overview = []
    for dog in keeper_dogs(user):
        tags = list(dog.tags.all())
        overview.append(
            KeeperDog(
                dog=dog,
                tag=dog.current_tag or (tags[-1] if tags else None),
                notices=[
                    notice
                    for notice in notices
                    if any(line.get("dog") == dog.pk for line in notice.dogs)
                ],
            )
        )
    return account, overview


def register_dogs(account: TaxAccount) -> list[Dog]:
    """The account's dogs in registration order (the tie-break of the ranking)."""
    return list(account.dogs.prefetch_related("tags").order_by("id"))


def assess_account(
    account: TaxAccount, year: int, *, notice_on: date | None = None
) -> taxrules.Assessment:
    """The account's dog tax for ``year`` by the pure rules, over all dogs in the register
    (``ref`` of each dog in the result is the dog's primary key as a string). Raises
    ``taxrules.InvalidInput`` like ``taxrules.assess``."""
    return taxrules.assess(
        statute=current_statute(),
        year=year,
        dogs=[rules_dog(dog) for dog in register_dogs(account)],
        keeper=taxrules.Keeper(),
        notice_on=notice_on,
    )


def current_notice(account: TaxAccount, year: int) -> TaxNotice | None:
    """The notice in force for the account and year (not superseded)."""
    return (
        TaxNotice.objects.filter(account=account, year=year, superseded_by__isnull=True)
        .order_by("-created_at", "-id")
        .first()
    )


def payable_installments(notice: TaxNotice) -> list[dict]:
    """What this notice asks to be paid on each due date: the instalment minus what the notice
    it replaced assessed for the same months (never below zero: an overpayment is refunded)."""
    previous = notice.supersedes.order_by("-id").first()
    before: dict[tuple[int, ...], Decimal] = {}
    if previous is not None:
        for item in previous.installments:
            before[tuple(item["covers"])] = Decimal(item["amount"])
    rows = []
    for item in notice.installments:
        amount = Decimal(item["amount"])
        earlier = sum(
            (value for covers, value in before.items() if set(covers) & set(item["covers"])),
            Decimal("0.00"),
        )
        rows.append(
            {
                "due_on": date.fromisoformat(item["due_on"]),
                "amount": amount,
                "covers": item["covers"],
                "previously": earlier if previous is not None else None,
                "payable": max(amount - earlier, Decimal("0.00")),
            }
        )
    return rows
