"""Keep the statement's search document and cached pages in step with its list of signatories.

Only caches and the search index are kept here; the domain actions that change the list are
services (signatures.services, organizations.services.organizations_merge).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from undersigned.core.pagecache import invalidate
from undersigned.organizations.models import Organization
from undersigned.signatures.models import Signatory
from undersigned.statements.search import search_index_later
from undersigned.statements.signals import statement_tags


@receiver([post_save, post_delete], sender=Signatory)
def signatory_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    search_index_later(statement_id=instance.statement_id)
    organization_slug = (
        Organization.objects.filter(pk=instance.organization_id)
        .values_list("slug", flat=True)
        .first()
    )
    invalidate(*statement_tags(instance.statement_id), f"org:{organization_slug}")
