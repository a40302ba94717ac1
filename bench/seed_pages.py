"""Data of the page benchmark that no seed command makes: 200 letters in Anna's mailbox and a
case of hers with 50 history entries. Runs after `load_demo` (development profile) and prints,
as JSON, the references the benchmark needs. Bulk inserts only, so it takes a second.
"""

import json
import os
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rathaus.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from rathaus.accounts.models import User  # noqa: E402
from rathaus.core.fragments import changed_for  # noqa: E402
from rathaus.eservices.models import Case, CaseEvent, Letter  # noqa: E402
from rathaus.voting.models import Poll  # noqa: E402

LETTERS = 200
EVENTS = 50
CITIZEN = "anna.schmidt@example.org"


def main() -> None:
    anna = User.objects.get(email=CITIZEN)
    now = timezone.now()
    Letter.objects.bulk_create(
        Letter(
            recipient=anna,
            title=f"Hundesteuerbescheid {2026 - number // 12} ({number})",
            sender="Steueramt",
            source=f"bench:{number}",
            language="de",
            file=f"eservices/letters/bench/{number}.pdf",
            sha256="0" * 64,
            issued_at=now - timedelta(days=number),
        )
        for number in range(LETTERS)
    )
    case = Case.objects.filter(applicant=anna, unit__slug="steueramt").order_by("pk").first()
    clerk = User.objects.get(email="clerk.tax@example.org")
    kinds = ["message", "assigned", "deadline", "status"]
    CaseEvent.objects.bulk_create(
        CaseEvent(
            case=case,
            at=case.submitted_at + timedelta(hours=number + 1),
            kind=kinds[number % len(kinds)] if number % 5 else "message",
            actor=clerk if number % 2 else None,
            visible_to_citizen=number % 3 != 0,
        )
        for number in range(EVENTS)
    )
    changed_for(anna.pk)  # bulk_create sends no signal: her pages are rendered afresh
    decided = Case.objects.filter(service__slug="kindergeld", status="decided").first()
    closed_poll = Poll.objects.filter(closed_at__isnull=False).order_by("pk").first()
    with connection.cursor() as cursor:
        # As after any bulk load: statistics, hint bits and visibility maps now, and the seeding's
        # dirty pages written, so that neither autovacuum nor a spread checkpoint runs into the
        # first measurements.
        cursor.execute("VACUUM (ANALYZE)")
        cursor.execute("CHECKPOINT")
    print(
        json.dumps(
            {
                "case": case.reference,
                "case_events": case.events.count(),
                "childbenefit_case": decided.reference,
                "poll": closed_poll.pk,
            }
        )
    )


if __name__ == "__main__":
    main()
