import sys

from django.core.management.base import BaseCommand, CommandError

from undersigned.core.backup import BackupError, database_from, database_restore, describe


class Command(BaseCommand):
    help = (
        "Replace the database's content with a backup made by `undersigned backup`. Stop the "
        "web servers and the worker first; run `undersigned migrate` after restoring an older "
        "backup into a newer release."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The backup file.")
        parser.add_argument(
            "--database-url",
            default="",
            help="Restore into this database instead of the configured one (a restore drill).",
        )
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")

    def handle(self, *args, path, database_url, yes, **options):
        try:
            target = database_from(url=database_url)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if not yes:
            if not sys.stdin.isatty():
                raise CommandError("Restoring replaces every row: add --yes to confirm.")
            answer = input(f"Replace everything in {describe(target)} with {path}? Type yes: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Nothing restored.")
        try:
            restored = database_restore(path=path, url=database_url)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {describe(restored)} from {path}")
