"""The site's background mail and housekeeping: one task sends every recorded mail, retrying a
failed server; the others are booked periodically by the worker (core/periodic.py).
"""

from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.tasks import task
from django.utils import timezone

from undersigned.core import outbox


def retry_later(task_, *, attempt: int, attempts: int, **kwargs) -> bool:
    """Queue the task again with a growing pause (2, 4, 8… minutes); False once attempts end."""
    if attempt >= attempts:
        return False
    if task_.get_backend().supports_defer:
        task_ = task_.using(run_after=timezone.now() + timedelta(minutes=2**attempt))
    task_.enqueue(attempt=attempt + 1, **kwargs)
    return True


@task()
def mail_send(*, mail_id: int, attempt: int = 1) -> str:
    """Send a recorded mail; on a network or SMTP failure, try again later (it is sent once)."""
    try:
        return outbox.mail_deliver(mail_id=mail_id)
    except OSError:  # smtplib's errors are OSErrors too
        retry_later(mail_send, attempt=attempt, attempts=settings.MAIL_ATTEMPTS, mail_id=mail_id)
        raise


@task()
def task_results_prune() -> None:
    """Delete the records of tasks finished long ago: django-tasks-db keeps them for ever."""
    call_command(
        "prune_db_task_results",
        queue_name="*",
        min_age_days=settings.TASKS_KEEP_DAYS,
        failed_min_age_days=settings.TASKS_KEEP_FAILED_DAYS,
        verbosity=0,
    )
