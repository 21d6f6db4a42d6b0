"""Keep the bulk dump in step with the archive: book its regeneration after a change.

The dump is derived data, like the search index: whatever changed a statement, a signatory,
a category or an organisation (services, admin, import), one regeneration is booked for
DATA_DUMP_DELAY_SECONDS later, so that a run of changes is written out once.
"""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from undersigned.organizations.models import Organization, OrganizationAlias
from undersigned.signatures.models import Signatory
from undersigned.statements.models import Category, Statement, StatementTranslation


def dump_book() -> None:
    """Book one regeneration of the dump after the commit, unless one is already booked."""
    from undersigned.api.tasks import DUMP_BOOKED_KEY, dump_regenerate

    def book() -> None:
        if not dump_regenerate.get_backend().supports_defer:
            # No worker to defer to (tasks run at once, as in tests): a dump per save would
            # cost more than the save; `undersigned data_dump` writes it by hand.
            return
        delay = settings.DATA_DUMP_DELAY_SECONDS
        if not cache.add(DUMP_BOOKED_KEY, 1, timeout=delay + 600):
            return
        run_after = timezone.now() + timedelta(seconds=delay)
        dump_regenerate.using(run_after=run_after).enqueue()

    transaction.on_commit(book)


@receiver([post_save, post_delete], sender=Statement)
@receiver([post_save, post_delete], sender=StatementTranslation)
@receiver([post_save, post_delete], sender=Signatory)
@receiver([post_save, post_delete], sender=Category)
@receiver([post_save, post_delete], sender=Organization)
@receiver([post_save, post_delete], sender=OrganizationAlias)
def archive_changed(sender, raw=False, **kwargs):
    if not raw:
        dump_book()


@receiver(m2m_changed, sender=Statement.categories.through)
@receiver(m2m_changed, sender=Statement.publishers.through)
def statement_relations_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        dump_book()
