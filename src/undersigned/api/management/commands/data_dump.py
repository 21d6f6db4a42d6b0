from django.core.management.base import BaseCommand

from undersigned.api.dump import dump_path, dump_write


class Command(BaseCommand):
    help = "Write the bulk dump of the public archive (JSON Lines, gzip) now."

    def handle(self, *args, **options):
        count = dump_write()
        self.stdout.write(f"{count} statements written to {dump_path()}")
