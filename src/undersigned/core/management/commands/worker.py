from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the background worker that sends email and does other queued work."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=1.0)
        parser.add_argument("--batch", action="store_true", help="Stop when the queue is empty.")

    def handle(self, *args, interval, batch, **options):
        call_command("db_worker", interval=interval, batch=batch)
