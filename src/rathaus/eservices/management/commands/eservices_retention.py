"""Apply the retention periods: delete expired drafts, close and anonymise expired cases.

Run daily (cron or a systemd timer), e.g. `DJANGO_ENV=production manage.py eservices_retention`.
"""

from django.core.management.base import BaseCommand

from rathaus.eservices.services.retention import retention_apply


class Command(BaseCommand):
    help = "Delete or anonymise what has passed its retention period (drafts, finished cases)."

    def handle(self, *args, **options):
        for what, count in retention_apply().items():
            self.stdout.write(f"{what}: {count}")
