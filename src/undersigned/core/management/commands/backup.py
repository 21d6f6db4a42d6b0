from django.core.management.base import BaseCommand, CommandError

from undersigned.core.backup import BackupError, database_backup, database_from, describe


class Command(BaseCommand):
    help = (
        "Write a consistent copy of the database while the site runs: SQLite's online backup, "
        "or pg_dump's custom format for PostgreSQL. The file is readable by you only."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", nargs="?", help="Where to write it (default: var/backups/undersigned-…)."
        )

    def handle(self, *args, path, **options):
        try:
            written = database_backup(path=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up {describe(database_from())} to {written}")
