"""Periodic tasks that the worker books itself: no cron, on one machine or on several.

settings.PERIODIC_TASKS names each task (its dotted path) and its period in seconds. Every
worker, at start-up and every PERIODIC_BOOK_SECONDS after, makes sure that each of them has one
run waiting or running in the task queue, booked `period` seconds after the last run finished
(at once if it never ran, or if that time has passed). The booking lives in the database with
the other tasks, so it survives a restart of the worker, and it is made under a lock that every
worker sharing the database takes (an exclusive transaction on SQLite, an advisory lock on
PostgreSQL): any number of workers, on any number of machines, book each run once.

Kept here rather than taken from a scheduler library: django-tasks-db has no periodic tasks,
and the schedulers that do (celery beat, django-q, APScheduler) bring their own queue or store
beside the one the site already has.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.db import connections
from django.db.models import Max
from django.tasks import Task, TaskResultStatus
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

# How often a worker checks that every periodic task has its next run booked.
PERIODIC_BOOK_SECONDS = 30.0


def periodic_tasks() -> list[tuple[Task, int]]:
    """Return each periodic task with its period in seconds, from settings.PERIODIC_TASKS."""
    return [(import_string(path), int(period)) for path, period in settings.PERIODIC_TASKS.items()]


def _lock(using: str, name: str) -> None:
    """Hold, until the transaction ends, a lock that every worker takes for this task."""
    connection = connections[using]
    if connection.vendor == "postgresql":
        digest = hashlib.blake2b(name.encode(), digest_size=8).digest()
        key = int.from_bytes(digest, "big", signed=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
    # SQLite: the exclusive transaction around this already keeps every other writer out.


def periodic_task_book(
    *, task: Task, period: int, backend_name: str = "default", running: str | None = None
) -> bool:
    """Book the next run of a periodic task unless one waits or runs; return whether booked.

    A run may book its own successor `period` seconds from now (`running` is its result's id),
    for a period shorter than the workers' booking round.
    """
    results = DBTaskResult.objects.filter(backend_name=backend_name, task_path=task.module_path)
    with exclusive_transaction(results.db):
        _lock(results.db, f"periodic:{backend_name}:{task.module_path}")
        others = results.filter(status__in=(TaskResultStatus.READY, TaskResultStatus.RUNNING))
        if others.exclude(pk=running).exists() if running else others.exists():
            return False
        now = timezone.now()
        last = results.aggregate(last=Max("finished_at"))["last"]
        run_after = max(now, last + timedelta(seconds=period)) if last else now
        if running:
            run_after = now + timedelta(seconds=period)
        task.using(backend=backend_name, run_after=run_after).enqueue()
    return True


def periodic_tasks_book(*, backend_name: str = "default") -> list[str]:
    """Book every periodic task that has no run waiting or running; return the ones booked."""
    return [
        task.module_path
        for task, period in periodic_tasks()
        if periodic_task_book(task=task, period=period, backend_name=backend_name)
    ]
