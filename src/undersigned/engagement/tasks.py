"""Background work for readers' features, run by the worker after the commit.

Every task takes ids, and the services it calls may run twice without doing twice. The mail
itself is sent by core.tasks.mail_send, which retries a failing mail server.
"""

from django.tasks import task

from undersigned.engagement import services


@task()
def view_counts_flush_task() -> int:
    """Add the buffered view counts to the database."""
    return services.view_counts_flush()


@task()
def readers_data_expire_task() -> dict[str, int]:
    """Delete unconfirmed subscriptions and comments, forget friends' addresses (periodic)."""
    return services.readers_data_expire()


@task()
def newsletter_issue_send(*, statement_id: int) -> str:
    """Mail a published statement to its subscribers, resuming where a stopped run left off."""
    return services.newsletter_issue_deliver(statement_id=statement_id)
