from django.core.management.base import BaseCommand

from undersigned.engagement.services import view_counts_flush


class Command(BaseCommand):
    help = "Add the statement views waiting in the cache to the database (the worker does it too)."

    def handle(self, *args, **options):
        added = view_counts_flush()
        self.stdout.write(f"Added {added} views.")
