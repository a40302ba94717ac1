"""The dog tax's part of "download all my data" and of deleting an account.

The tax account, its dogs, tags and notices are tax records: the tax office keeps them for the
retention period of tax records (ten years after the last year they concern), and the tax
liability of a dog still kept does not end with the platform account. Deleting the account
therefore detaches the household from it (and drops the SEPA mandate reference, as the engine
revokes mandates); a household without a kept dog whose last year lies beyond the retention
period is anonymised at once, and the PDF files of its annual notices are deleted.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from rathaus.accounts.privacy import ExportPart
from rathaus.core.audit import audit_record
from rathaus.dogtax.models import AssessmentItem, DogEvent, TaxAccount

RETENTION_YEARS = 10
ANONYMOUS = "–"


def _date(value):
    return value.isoformat() if value else None


def dogtax_export(user) -> ExportPart:
    accounts = TaxAccount.objects.filter(keeper=user).prefetch_related(
        "dogs__tags", "notices", "events"
    )
    data = []
    for account in accounts:
        data.append(
            {
                "tax_account": account.number,
                "keeper": account.keeper_name,
                "address": account.address,
                "district": account.district,
                "sepa_mandate_reference": account.sepa_mandate_reference,
                "dogs": [
                    {
                        "name": dog.name,
                        "breed": dog.breed,
                        "sex": dog.sex,
                        "born_on": _date(dog.born_on),
                        "kept_since": _date(dog.kept_since),
                        "given_up_on": _date(dog.given_up_on),
                        "given_up_reason": dog.given_up_reason,
                        "new_keeper_name": dog.new_keeper_name,
                        "new_keeper_address": dog.new_keeper_address,
                        "exemption": dog.exemption_code,
                        "exemption_from": _date(dog.exemption_from),
                        "exemption_until": _date(dog.exemption_until),
                        "dangerous": dog.dangerous,
                        "tags": [
                            {
                                "number": tag.number,
                                "issued_on": _date(tag.issued_on),
                                "invalidated_on": _date(tag.invalidated_on),
                                "invalidation_reason": tag.invalidation_reason,
                            }
                            for tag in dog.tags.all()
                        ],
                    }
                    for dog in account.dogs.all()
                ],
                "notices": [
                    {
                        "year": notice.year,
                        "kind": notice.kind,
                        "issued_on": _date(notice.issued_on),
                        "case": notice.case_reference,
                        "total": str(notice.total),
                        "installments": notice.installments,
                        "dogs": notice.dogs,
                        "superseded": notice.superseded_by_id is not None,
                    }
                    for notice in account.notices.all()
                ],
                "history": [
                    {"at": event.at, "event": event.kind, "case": event.case_reference}
                    for event in account.events.all()
                ],
            }
        )
    return ExportPart(data={"tax_accounts": data})


@transaction.atomic
def dogtax_erase(user) -> dict:
    """Detach the person's households; anonymise those past the retention period."""
    result = {"accounts_kept": 0, "accounts_anonymised": 0}
    limit = timezone.localdate().year - RETENTION_YEARS
    for account in TaxAccount.objects.select_for_update().filter(keeper=user):
        dogs = list(account.dogs.all())
        last_year = max(
            [dog.given_up_on.year for dog in dogs if dog.given_up_on]
            + [notice.year for notice in account.notices.all()]
            + [account.created_at.year],
        )
        expired = all(dog.given_up_on for dog in dogs) and last_year < limit
        account.keeper = None
        account.sepa_mandate_reference = ""
        if expired:
            account.keeper_name = ANONYMOUS
            account.street = account.postal_code = account.city = ""
            for dog in dogs:
                dog.name, dog.breed = ANONYMOUS, ""
                dog.new_keeper_name = dog.new_keeper_address = ""
                dog.save(update_fields=["name", "breed", "new_keeper_name", "new_keeper_address"])
            account.notices.update(dogs=[])
            _drop_annual_notice_files(account)
            result["accounts_anonymised"] += 1
        else:
            result["accounts_kept"] += 1
        account.save()
        DogEvent.objects.create(account=account, kind=DogEvent.Kind.ERASED)
        audit_record(
            actor=user,
            action="dogtax.account.detach",
            target=account,
            after={"anonymised": expired},
        )
    return result


def _drop_annual_notice_files(account: TaxAccount) -> None:
    """The printed annual notices carry name and address: an anonymised household keeps only
    the figures of its notices."""
    for item in AssessmentItem.objects.filter(account=account).exclude(file=""):
        item.file.delete(save=False)
        item.file = ""
        item.sha256 = ""
        item.save(update_fields=["file", "sha256", "updated_at"])
