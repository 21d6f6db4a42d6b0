"""Keep the search documents in step with what they are made of, however it was changed."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from undersigned.organizations.models import Organization
from undersigned.signatures.models import Signatory
from undersigned.statements.models import StatementTranslation
from undersigned.statements.search import search_index_later


@receiver([post_save, post_delete], sender=StatementTranslation)
@receiver([post_save, post_delete], sender=Signatory)
def reindex_statement(sender, instance, raw=False, **kwargs):
    if raw:
        return
    search_index_later(statement_id=instance.statement_id)


@receiver(post_save, sender=Organization)
def reindex_signed_statements(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw or created or (update_fields is not None and "name" not in update_fields):
        return
    for statement_id in Signatory.objects.filter(organization=instance).values_list(
        "statement_id", flat=True
    ):
        search_index_later(statement_id=statement_id)
