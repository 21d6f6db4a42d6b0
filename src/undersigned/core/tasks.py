"""The site's own housekeeping tasks, booked periodically by the worker (core/periodic.py)."""

from django.conf import settings
from django.core.management import call_command
from django.tasks import task


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
