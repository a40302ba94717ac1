"""Install the services a city needs on day one: departments, statute defaults, amounts,
the catalogue and the flagship services with their forms. Idempotent; safe in production."""

from django.core.management.base import BaseCommand

from rathaus.core.installation import install_all


class Command(BaseCommand):
    help = (
        "Install departments, statute defaults, amounts and the services with their forms "
        "(idempotent; a form version the city published is never replaced)."
    )

    def handle(self, *args, **options):
        for name, done in install_all():
            self.stdout.write(f"  {name}: {done}")
        self.stdout.write(self.style.SUCCESS("The services are installed."))
