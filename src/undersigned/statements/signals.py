"""Keep derived data in step with what it is made of, however it was changed.

Search documents are rebuilt, and cached pages invalidated, after the commit. Only caches and
the search index are kept here: a domain action is a service (see publishing.services).
The signatories' receiver is in signatures, which sits above statements.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from undersigned.core.pagecache import invalidate
from undersigned.organizations.models import Membership, Organization, OrganizationAlias
from undersigned.statements.models import (
    Category,
    Statement,
    StatementTranslation,
    StatementUpdate,
)
from undersigned.statements.search import search_index_later, search_visibility_update


def statement_tags(statement_id: int) -> list[str]:
    slug = Statement.objects.filter(pk=statement_id).values_list("slug", flat=True).first()
    return [f"statement:{slug}", "archive"] if slug else ["archive"]


@receiver([post_save, post_delete], sender=Statement)
def statement_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    invalidate(f"statement:{instance.slug}", "archive")
    if kwargs["signal"] is post_save:
        # At once, in the same transaction: whether it may be found follows its status and date.
        search_visibility_update(instance)


@receiver(m2m_changed, sender=Statement.categories.through)
@receiver(m2m_changed, sender=Statement.publishers.through)
def statement_relations_changed(sender, instance, action, reverse, pk_set=None, **kwargs):
    if not action.startswith("post_"):
        return
    if not reverse:
        invalidate(f"statement:{instance.slug}", "archive")
    else:
        invalidate("archive")
    if sender is Statement.publishers.through:
        # Publishers' names are searched with the statement's text.
        statement_ids = [instance.pk] if not reverse else list(pk_set or ())
        for statement_id in statement_ids:
            search_index_later(statement_id=statement_id)


@receiver([post_save, post_delete], sender=StatementTranslation)
def translation_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    search_index_later(statement_id=instance.statement_id)
    invalidate(*statement_tags(instance.statement_id))


@receiver([post_save, post_delete], sender=StatementUpdate)
def update_changed(sender, instance, raw=False, **kwargs):
    # The outcome is shown on the statement's page, its archive card and the feeds.
    if not raw:
        invalidate(*statement_tags(instance.statement_id))


@receiver([post_save, pre_delete], sender=Category)
def category_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # Its name and link are printed on the pages of its statements, too.
    slugs = Statement.objects.filter(categories=instance).values_list("slug", flat=True)
    invalidate("archive", *(f"statement:{slug}" for slug in slugs))


@receiver([post_save, post_delete], sender=Organization)
def organization_changed(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:
        return
    invalidate(f"org:{instance.slug}", "registry")
    names = {"name", "name_en", "name_hy", "name_ru"}
    if kwargs.get("created") or (update_fields is not None and not names & set(update_fields)):
        return
    # Its names are printed on, and found in, every statement it signed or published.
    signed = Statement.objects.filter(signatories__organization=instance)
    published = instance.published_statements.values_list("pk", flat=True)
    for statement_id in {*signed.values_list("pk", flat=True), *published}:
        search_index_later(statement_id=statement_id)
        invalidate(*statement_tags(statement_id))


@receiver([post_save, post_delete], sender=OrganizationAlias)
def alias_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # An organisation's page lists its other names; the directory finds it by them.
    slug = (
        Organization.objects.filter(pk=instance.organization_id)
        .values_list("slug", flat=True)
        .first()
    )
    invalidate(*([f"org:{slug}"] if slug else []), "registry")
    # Its statements are found by its other names too.
    signed = Statement.objects.filter(signatories__organization_id=instance.organization_id)
    published = Statement.publishers.through.objects.filter(
        organization_id=instance.organization_id
    )
    for statement_id in {
        *signed.values_list("pk", flat=True),
        *published.values_list("statement_id", flat=True),
    }:
        search_index_later(statement_id=statement_id)


@receiver([post_save, post_delete], sender=Membership)
def membership_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    slugs = Organization.objects.filter(pk__in=[instance.network_id, instance.member_id])
    invalidate(*(f"org:{slug}" for slug in slugs.values_list("slug", flat=True)))
