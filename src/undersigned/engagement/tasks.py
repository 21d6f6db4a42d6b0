"""Background work for readers' features, run by the worker after the commit.

Every task takes ids, and the services it calls may run twice without doing twice. The mail
itself is sent by core.tasks.mail_send, which retries a failing mail server.
"""

from django.conf import settings
from django.tasks import TaskContext, task

from undersigned.core.periodic import periodic_task_book
from undersigned.engagement import services


@task()
def view_counts_flush_task() -> int:
    """Add the buffered view counts to the database."""
    return services.view_counts_flush()


@task(takes_context=True)
def views_log_read_task(context: TaskContext) -> int:
    """Count the views nginx logged since the last run (periodic when VIEWS_LOG is set)."""
    counted = services.views_log_read()
    # The next run comes VIEWS_LOG_SECONDS after this one, not at the workers' next round of
    # booking (every 30 s): counts stay a few seconds behind the readers.
    period = settings.PERIODIC_TASKS.get(views_log_read_task.module_path)
    if period and views_log_read_task.get_backend().supports_defer:
        periodic_task_book(
            task=views_log_read_task,
            period=period,
            backend_name=views_log_read_task.backend,
            running=context.task_result.id,
        )
    return counted


@task()
def readers_data_expire_task() -> dict[str, int]:
    """Delete unconfirmed subscriptions and comments, forget friends' addresses (periodic)."""
    return services.readers_data_expire()


@task()
def newsletter_issue_send(*, statement_id: int) -> str:
    """Mail a published statement to its subscribers, resuming where a stopped run left off."""
    return services.newsletter_issue_deliver(statement_id=statement_id)
