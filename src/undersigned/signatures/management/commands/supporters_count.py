from django.core.management.base import BaseCommand

from undersigned.signatures.services import supporter_tallies_update


class Command(BaseCommand):
    help = (
        "Add every statement's newly confirmed supporters to its count now. The worker does it "
        "by itself seconds after confirmations; this is for cron or after the worker was down."
    )

    def handle(self, *args, **options):
        counted = supporter_tallies_update()
        total = sum(counted.values())
        self.stdout.write(f"Counted {total} new supporter(s) on {len(counted)} statement(s).")
