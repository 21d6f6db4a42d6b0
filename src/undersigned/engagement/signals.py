"""Announce a statement to newsletter subscribers when it is published, however it was saved."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from undersigned.engagement.services import newsletter_statement_announce
from undersigned.statements.models import Statement


@receiver(post_save, sender=Statement, dispatch_uid="engagement_announce_published_statement")
def statement_saved(sender, instance: Statement, raw: bool = False, **kwargs) -> None:
    if not raw:
        newsletter_statement_announce(statement=instance)
