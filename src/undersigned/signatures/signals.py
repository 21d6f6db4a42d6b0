"""Follow changes made elsewhere: registry merges, and edits of a signed statement's text."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from undersigned.core.models import AuditEntry
from undersigned.signatures.models import Signatory, SignOnRequest
from undersigned.statements.models import StatementTranslation


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


@receiver(pre_save, sender=StatementTranslation)
def text_before_edit(sender, instance, raw=False, **kwargs):
    """Keep the text signatories signed before its first recorded edit (see the service)."""
    if raw or instance.statement_id is None:
        return
    from undersigned.signatures.reconfirmation import statement_text_baseline

    statement_text_baseline(statement_id=instance.statement_id)


@receiver([post_save, post_delete], sender=StatementTranslation)
def text_edited(sender, instance, raw=False, **kwargs):
    """Record a new version of a signed statement once the edit commits, however it was made.

    After the commit, not at once: the admin saves each translation in turn, and a version is
    the text of every translation together, not a state halfway through one save.
    """
    if raw:
        return
    from undersigned.signatures.reconfirmation import statement_text_changed

    transaction.on_commit(
        partial(statement_text_changed, statement_id=instance.statement_id), robust=True
    )
