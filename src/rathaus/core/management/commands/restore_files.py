"""Put the files of a `backup_files` archive back into the default storage, under their names."""

import tarfile

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Restore the stored files from a tar archive written by backup_files."

    def add_arguments(self, parser):
        parser.add_argument("archive")

    def handle(self, *args, archive, **options):
        count = 0
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar.getmembers():
                if not member.isfile() or member.name.startswith("/") or ".." in member.name:
                    raise CommandError(f"Refusing the archive entry {member.name!r}.")
                if default_storage.exists(member.name):
                    default_storage.delete(member.name)
                saved = default_storage.save(
                    member.name, ContentFile(tar.extractfile(member).read())
                )
                if saved != member.name:
                    raise CommandError(f"{member.name} was stored as {saved}.")
                count += 1
        self.stdout.write(f"{count} files restored from {archive}")
