"""A person's rights over their data, across the whole platform (GDPR Art. 15, 17, 20).

Each app that keeps personal data registers, in its `AppConfig.ready()`:
- an **exporter** `(user) -> ExportPart`: its part of "download all my data" (JSON plus files);
- optionally an **eraser** `(user) -> dict`: what must happen before the account is deleted
  (withdraw open applications, detach cases kept by law, revoke mandates, ...); it returns a
  summary for the audit log.

`personal_data_export` bundles every part into one ZIP; `account_delete` runs every eraser and
deletes the account, in one transaction, audited.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from rathaus.core.audit import audit_record


@dataclass
class ExportPart:
    data: dict
    files: dict[str, bytes] = field(default_factory=dict)  # path inside the part's folder


class AccountNotDeletable(Exception):
    """Staff accounts are removed by an administrator, not by the person."""


_EXPORTERS: dict[str, Callable[[object], ExportPart]] = {}
_ERASERS: dict[str, Callable[[object], dict]] = {}


def register_personal_data(
    key: str,
    *,
    export: Callable[[object], ExportPart],
    erase: Callable[[object], dict] | None = None,
) -> None:
    _EXPORTERS[key] = export
    if erase is not None:
        _ERASERS[key] = erase


def personal_data_export(*, user) -> bytes:
    """A ZIP: `data.json` with one section per part, and each part's files in its folder."""
    parts = {key: export(user) for key, export in _EXPORTERS.items()}
    document = {"exported_at": timezone.now(), **{key: part.data for key, part in parts.items()}}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json", json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        )
        for key, part in parts.items():
            for path, content in part.files.items():
                archive.writestr(f"{key}/{path}", content)
    audit_record(actor=user, action="user.personal_data_export", target=user)
    return buffer.getvalue()


@transaction.atomic
def account_delete(*, user) -> dict:
    """Run every app's eraser, then delete the account; returns what each eraser did."""
    if user.is_staff:
        raise AccountNotDeletable
    summary = {key: erase(user) for key, erase in _ERASERS.items()}
    audit_record(actor=user, action="user.account_delete", target=user, after=summary)
    user.delete()
    return summary


def account_export(user) -> ExportPart:
    """The account itself: profile, e-mail addresses, verified attributes, API tokens."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    return ExportPart(
        data={
            "email": user.email,
            "display_name": user.display_name,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language": user.language,
            "email_notifications": user.email_notifications,
            "email_news": user.email_news,
            "joined": user.date_joined,
            "last_login": user.last_login,
            "email_addresses": [
                {"email": address.email, "verified": address.verified, "primary": address.primary}
                for address in EmailAddress.objects.filter(user=user)
            ],
            "two_factor_methods": sorted(
                Authenticator.objects.filter(user=user).values_list("type", flat=True)
            ),
            "verified_attributes": [
                {
                    "name": attribute.name,
                    "value": attribute.value,
                    "source": attribute.source,
                    "level_of_assurance": attribute.assurance_level,
                    "verified_at": attribute.verified_at,
                }
                for attribute in user.verified_attributes.all()
            ],
            "api_tokens": [
                {"name": token.name, "created_at": token.created_at, "expires_at": token.expires_at}
                for token in user.api_tokens.all()
            ],
        }
    )
