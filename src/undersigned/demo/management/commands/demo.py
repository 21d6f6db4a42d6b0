from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Load the demo content: fictional organisations, coalitions and joint statements. "
        "Creates only what is missing and never changes existing records, so it is safe to run "
        "on every start."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help=(
                "Delete the demo content first, then load it afresh. Other content is kept, and "
                "so are demo organisations that other statements use."
            ),
        )

    def handle(self, *args, reset, **options):
        from undersigned.demo.content import demo_load

        result = demo_load(reset=reset)
        self.stdout.write(result.summary())
