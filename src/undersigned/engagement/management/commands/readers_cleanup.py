from django.core.management.base import BaseCommand

from undersigned.engagement.services import readers_data_expire


class Command(BaseCommand):
    help = (
        "Delete newsletter subscriptions and comments whose confirmation link expired unused, "
        "and forget friends' addresses that could not be mailed. The worker does it daily "
        "by itself (PERIODIC_TASKS); this is for running it by hand."
    )

    def handle(self, *args, **options):
        for what, count in readers_data_expire().items():
            self.stdout.write(f"{what}: {count}")
