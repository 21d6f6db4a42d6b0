"""Background work for readers' features, run by the worker after the commit.

Every task takes ids, and the services it calls may run twice without doing twice. A mail
server that fails makes the task try again later, with a growing pause.
"""

from datetime import timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from undersigned.engagement import services


def _retry(task_, attempt: int, **kwargs) -> None:
    if attempt >= settings.READERS_MAIL_ATTEMPTS:
        return
    if task_.get_backend().supports_defer:
        task_ = task_.using(run_after=timezone.now() + timedelta(minutes=2**attempt))
    task_.enqueue(attempt=attempt + 1, **kwargs)


@task()
def view_counts_flush_task() -> int:
    """Add the buffered view counts to the database."""
    return services.view_counts_flush()


@task()
def readers_data_expire_task() -> dict[str, int]:
    """Delete unconfirmed subscriptions and comments, forget friends' addresses (periodic)."""
    return services.readers_data_expire()


@task()
def comment_mail_send(*, comment_id: int, kind: str, attempt: int = 1) -> str:
    """Send a comment's confirmation link to its author, or the news to the coordinators."""
    try:
        return services.comment_mail_deliver(comment_id=comment_id, kind=kind)
    except OSError:  # smtplib's errors are OSErrors too
        _retry(comment_mail_send, attempt, comment_id=comment_id, kind=kind)
        raise


@task()
def newsletter_mail_send(*, subscriber_id: int, kind: str, attempt: int = 1) -> str:
    """Send a subscriber their confirmation link or a reminder."""
    try:
        return services.newsletter_mail_deliver(subscriber_id=subscriber_id, kind=kind)
    except OSError:
        _retry(newsletter_mail_send, attempt, subscriber_id=subscriber_id, kind=kind)
        raise


@task()
def newsletter_issue_send(*, statement_id: int, attempt: int = 1) -> str:
    """Mail a published statement to its subscribers, resuming where a failed run stopped."""
    try:
        return services.newsletter_issue_deliver(statement_id=statement_id)
    except OSError:
        _retry(newsletter_issue_send, attempt, statement_id=statement_id)
        raise


@task()
def friend_message_send(*, message_id: int, attempt: int = 1) -> str:
    """Send a statement to the friend a reader named."""
    try:
        return services.friend_message_deliver(message_id=message_id)
    except OSError:
        _retry(friend_message_send, attempt, message_id=message_id)
        raise
