"""Background work for readers' features, run by the worker after the commit.

Every task takes ids, and the services it calls may run twice without doing twice. The mail
itself is sent by core.tasks.mail_send, which retries a failing mail server.
"""

import time

from django.conf import settings
from django.tasks import TaskContext, task

from undersigned.core.periodic import periodic_task_book
from undersigned.engagement import services


@task()
def view_counts_flush_task() -> int:
    """Add the buffered view counts to the database."""
    return services.view_counts_flush()


# A run of the views log's reading stops after this long, so that other tasks wait no longer.
VIEWS_LOG_READ_SECONDS = 20.0


@task(takes_context=True)
def views_log_read_task(context: TaskContext) -> int:
    """Count the views nginx logged since the last run (periodic when VIEWS_LOG is set)."""
    started = time.monotonic()
    counted = services.views_log_read(seconds=VIEWS_LOG_READ_SECONDS)
    behind = time.monotonic() - started >= VIEWS_LOG_READ_SECONDS
    # The next run comes VIEWS_LOG_SECONDS after this one (at once when lines are left), not
    # at the workers' next round of booking (every 30 s): counts stay seconds behind readers.
    period = settings.PERIODIC_TASKS.get(views_log_read_task.module_path)
    if period and views_log_read_task.get_backend().supports_defer:
        periodic_task_book(
            task=views_log_read_task,
            period=0 if behind else period,
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
