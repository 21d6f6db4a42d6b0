from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from undersigned.signatures.supporters import supporter_tallies_update


class Command(BaseCommand):
    help = (
        "Add every statement's newly confirmed supporters to its count now. The worker does it "
        "by itself seconds after confirmations and hourly for any batch missed; this is for "
        "running it by hand."
    )

    def handle(self, *args, **options):
        counted = supporter_tallies_update()
        total = sum(counted.values())
        # The statements' number in brackets: one plural per sentence reads well in every language.
        self.stdout.write(
            ngettext(
                "Counted %(count)d new supporter (statements: %(statements)d).",
                "Counted %(count)d new supporters (statements: %(statements)d).",
                total,
            )
            % {"count": total, "statements": len(counted)}
        )
