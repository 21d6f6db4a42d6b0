"""Keep sign-on requests pointing at the right organisation when the registry merges two."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from undersigned.core.models import AuditEntry
from undersigned.signatures.models import Signatory, SignOnRequest


@receiver(post_save, sender=AuditEntry)
def follow_organization_merge(sender, instance, created, raw=False, **kwargs):
    """Move requests from a merged duplicate to the survivor before the duplicate is deleted.

    organizations.services.organization_merge logs the merge just before it deletes the
    duplicate, in the same transaction: that entry is the moment to follow.
    """
    if raw or not created or instance.action != "organization.merge":
        return
    merged_id = instance.details.get("merged_id")
    survivor_id = instance.organization_id
    if not merged_id or not survivor_id:
        return
    for sign_on in SignOnRequest.objects.filter(organization_id=merged_id):
        sign_on.organization_id = survivor_id
        if sign_on.signatory_id is None and sign_on.status in (
            SignOnRequest.Status.APPROVED,
            SignOnRequest.Status.PENDING,
        ):
            # Where both had signed, the survivor's line is the one that stayed.
            sign_on.signatory = Signatory.objects.filter(
                statement_id=sign_on.statement_id, organization_id=survivor_id
            ).first()
        sign_on.save(update_fields=["organization", "signatory"])
