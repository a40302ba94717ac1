"""Load the demo data of every domain, idempotently (running it twice changes nothing).

It first installs what a production city gets (`install_services`: departments, statute
defaults, amounts, the flagship services and their forms), then adds demo people, cases and
content on top. Each app may have a `demo` module with `load(stdout=None)`; they run in
INSTALLED_APPS order, so a domain can rely on the people and departments loaded before it.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from rathaus.core.installation import install_all


class Command(BaseCommand):
    help = "Load the demo data (people, departments, services, projects, ...). Never in production."

    def add_arguments(self, parser):
        parser.add_argument(
            "--only", nargs="*", default=None, help="Load only these apps (labels), in order."
        )

    def handle(self, *args, only, **options):
        if settings.PRODUCTION:
            raise CommandError("Demo data has documented passwords; it is refused in production.")
        self.stdout.write("Installing the services:")
        for name, done in install_all():
            self.stdout.write(f"  {name}: {done}")
        self.stdout.write("Loading demo data:")
        for config in apps.get_app_configs():
            if not config.name.startswith("rathaus.") or (only and config.label not in only):
                continue
            module_name = f"{config.name}.demo"
            if find_spec(module_name) is None:
                continue
            with transaction.atomic():
                import_module(module_name).load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is loaded."))
