"""A citizen registers a dog and applies for child benefit on an installation made only with
`migrate` and `install_services`, in the production profile (run by test_production_install).

Prints one JSON line with what happened and which demo modules were imported (none expected).
"""

import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rathaus.settings")

import django  # noqa: E402

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from rathaus.accounts.models import User  # noqa: E402
from rathaus.eservices.models import Case  # noqa: E402

ADDRESS = {
    "address__street": "Marktstraße 12",
    "address__postal_code": "67655",
    "address__city": "Kaiserslautern",
}


def step(client, url, values):
    response = client.post(url, {**values, "_action": "next"})
    if response.status_code != 302:
        errors = re.findall(
            r'class="kern-error[^"]*"[^>]*>(.*?)</', response.content.decode(), re.S
        )
        raise SystemExit(f"step {url} refused: {response.status_code} {errors}")
    return response["Location"]


def apply(client, slug, steps) -> Case:
    url = client.post(f"/services/apply/{slug}/")["Location"]
    for key, values in steps:
        step(client, f"{url}step/{key}/", values)
    done = client.post(f"{url}review/")
    assert done.status_code == 302, done.status_code
    return Case.objects.get(reference=done["Location"].rstrip("/").rsplit("/", 1)[-1])


def run_worker():
    call_command("run_worker", "--batch", "--no-startup-delay", "--interval", "0", "-v", "0")


def main():
    assert settings.PRODUCTION
    citizen = User.objects.create_user(email="anna@example.org", password="A-long-password-1")
    EmailAddress.objects.create(user=citizen, email=citizen.email, verified=True, primary=True)
    client = Client()
    client.force_login(citizen)
    assert client.get("/services/hundesteuer-anmeldung/").status_code == 200

    dog = apply(
        client,
        "hundesteuer-anmeldung",
        [
            ("applicant", {"given_name": "Anna", "family_name": "Schmidt", **ADDRESS}),
            (
                "dog",
                {
                    "dog_name": "Bella",
                    "breed": "Labrador",
                    "sex": "female",
                    "born_on": "2019-03-01",
                    "kept_since": "2020-06-15",
                    "exemption": "none",
                },
            ),
        ],
    )
    kindergeld = apply(
        client,
        "kindergeld",
        [
            (
                "applicant",
                {
                    "given_name": "Anna",
                    "family_name": "Schmidt",
                    "born_on": "1986-07-14",
                    "tax_id": "36574261809",
                    **ADDRESS,
                },
            ),
            ("partner", {}),
            (
                "children",
                {
                    "children-TOTAL_FORMS": "1",
                    "children-INITIAL_FORMS": "0",
                    "children-0-first_name": "Lena",
                    "children-0-family_name": "Schmidt",
                    "children-0-born_on": "2016-05-03",
                    "children-0-tax_id": "86095742719",
                    "children-0-relationship": "own",
                    "children-0-in_household": "on",
                },
            ),
            ("account", {"iban": "DE89370400440532013000", "truthful": "on"}),
        ],
    )
    run_worker()
    dog.refresh_from_db()
    kindergeld.refresh_from_db()
    mailbox = client.get("/services/mailbox/").content.decode()
    print(
        json.dumps(
            {
                "dog": [dog.status, dog.notices.count(), dog.processed_at is not None],
                "dog_in_mailbox": dog.reference in mailbox,
                "kindergeld": [
                    kindergeld.status,
                    kindergeld.processed_at is not None,
                    hasattr(kindergeld, "benefit_claim") or _has_claim(kindergeld),
                ],
                "demo_modules": sorted(
                    name for name in sys.modules if name.startswith("rathaus") and "demo" in name
                ),
            }
        )
    )


def _has_claim(case) -> bool:
    from rathaus.childbenefit.models import BenefitClaim

    return BenefitClaim.objects.filter(case=case).exists()


main()
