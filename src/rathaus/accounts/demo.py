"""Demo people (see README): two citizens and the staff accounts, one documented password.

Staff accounts get the documented demo TOTP secret, so that anyone can sign in to the demo with an
authenticator app or `oathtool --totp -b <secret>`. Never load demo data in production.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings

from rathaus.accounts.models import AssuranceLevel, User
from rathaus.accounts.services import verified_attributes_set
from rathaus.core.municipality import municipality

CITIZENS = [
    {
        "email": "anna.schmidt@example.org",
        "first_name": "Anna",
        "last_name": "Schmidt",
        "language": "de",
        "birth_date": "1986-04-12",
        "district": "Innenstadt",
        "address": {
            "street_address": "Marktstraße 12",
            "postal_code": "67655",
            "locality": "Kaiserslautern",
            "country": "DE",
        },
    },
    {
        "email": "john.miller@example.org",
        "first_name": "John",
        "last_name": "Miller",
        "language": "en",
        "birth_date": "1990-09-03",
        "district": "Einsiedlerhof",
        "address": {
            "street_address": "Kaiserstraße 40",
            "postal_code": "67661",
            "locality": "Kaiserslautern",
            "country": "DE",
        },
    },
]

STAFF = [
    {"email": "clerk.tax@example.org", "first_name": "Thomas", "last_name": "Becker"},
    {"email": "clerk.family@example.org", "first_name": "Fatma", "last_name": "Yilmaz"},
    {"email": "moderator@example.org", "first_name": "Miriam", "last_name": "Wolf"},
    {"email": "clerk.order@example.org", "first_name": "Jonas", "last_name": "Keller"},
    {
        "email": "admin@example.org",
        "first_name": "Alex",
        "last_name": "Hoffmann",
        "superuser": True,
    },
]


def _person(*, email, first_name, last_name, language="de", staff=False, superuser=False) -> User:
    user, created = User.objects.get_or_create(
        email=email,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "display_name": f"{first_name} {last_name}",
            "language": language,
            "is_staff": staff,
            "is_superuser": superuser,
        },
    )
    if created:
        user.set_password(settings.DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def load(stdout=None) -> None:
    profile = municipality()
    for citizen in CITIZENS:
        user = _person(
            email=citizen["email"],
            first_name=citizen["first_name"],
            last_name=citizen["last_name"],
            language=citizen["language"],
        )
        # Refreshed while the demo set them (older demo data gains the district), never over
        # attributes a real sign-in verified.
        if not user.verified_attributes.exclude(source="demo").exists():
            verified_attributes_set(
                user=user,
                values={
                    "given_name": citizen["first_name"],
                    "family_name": citizen["last_name"],
                    "birth_date": citizen["birth_date"],
                    "address": citizen["address"],
                    "residence": {
                        "municipality_key": profile.municipality_key,
                        "municipality": profile.name,
                        "postal_code": citizen["address"]["postal_code"],
                        "district": citizen["district"],
                    },
                },
                source="demo",
                assurance_level=AssuranceLevel.SUBSTANTIAL,
            )
    for member in STAFF:
        user = _person(
            email=member["email"],
            first_name=member["first_name"],
            last_name=member["last_name"],
            staff=True,
            superuser=member.get("superuser", False),
        )
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, settings.DEMO_TOTP_SECRET)
    if stdout:
        stdout.write(f"  accounts: {len(CITIZENS)} citizens, {len(STAFF)} staff")
