"""Keep the co-signing maps and the cached pages that show insights in step with the data.

The maps are a cache of what signatories and memberships say; a change only notes them as out
of date and books their computation (services.network_graphs_request), after the commit.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from undersigned.core.pagecache import invalidate
from undersigned.insights import services
from undersigned.organizations.models import Membership, Organization
from undersigned.signatures.models import Signatory
from undersigned.statements.models import Category, Statement


@receiver([post_save, post_delete], sender=Signatory)
def signatory_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        services.network_graphs_request_for_members(
            organization_ids=[instance.organization_id], create=kwargs.get("signal") is post_save
        )
        services.overview_request()


@receiver([post_save, post_delete], sender=Membership)
def membership_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    # After a delete the network itself may be on its way out (a cascade): no new row for it.
    services.network_graphs_request(
        network_ids=[instance.network_id], create=kwargs.get("signal") is post_save
    )
    # A statement's page lists the networks its signatories belong to.
    slugs = Statement.objects.filter(signatories__organization_id=instance.member_id).values_list(
        "slug", flat=True
    )
    invalidate("insights", *(f"statement:{slug}" for slug in slugs))


@receiver(post_save, sender=Organization)
def organization_changed(sender, instance, raw=False, created=False, update_fields=None, **kw):
    # The maps print member names: a renamed member means its networks' maps are redrawn.
    if raw or created or (update_fields is not None and "name" not in update_fields):
        return
    services.network_graphs_request_for_members(organization_ids=[instance.pk])
    services.overview_request()


@receiver([post_save, post_delete], sender=Statement)
def statement_changed(sender, instance, raw=False, created=False, **kwargs):
    # Published, closed or withdrawn: it enters or leaves the archive the figures count.
    if raw:
        return
    services.overview_request()
    if created or kwargs.get("signal") is post_delete:
        return  # no signatories yet; a delete takes its signatories along, each noticed
    signers = Signatory.objects.filter(statement=instance).values_list("organization_id", flat=True)
    services.network_graphs_request_for_members(organization_ids=signers)


@receiver(m2m_changed, sender=Statement.categories.through)
def statement_categories_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        services.overview_request()


@receiver([post_save, post_delete], sender=Category)
def category_changed(sender, raw=False, **kwargs):
    # The overview's figures are kept per category slug.
    if not raw:
        services.overview_request()
