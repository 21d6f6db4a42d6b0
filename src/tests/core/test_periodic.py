"""The periodic tasks the worker books itself: one booking per task, whoever books, when due."""

import threading
from datetime import timedelta

import pytest
from django.db import connections
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from undersigned.core.periodic import periodic_tasks, periodic_tasks_book

PATHS = {
    "undersigned.engagement.tasks.readers_data_expire_task",
    "undersigned.signatures.tasks.supporter_tallies_update_task",
    "undersigned.engagement.tasks.view_counts_flush_task",
    "undersigned.core.tasks.task_results_prune",
}


def bookings():
    return DBTaskResult.objects.filter(task_path__in=PATHS)


def test_the_data_expiry_the_recount_the_view_flush_and_the_pruning_are_periodic():
    assert {task.module_path for task, _period in periodic_tasks()} == PATHS
    assert all(period > 0 for _task, period in periodic_tasks())


@pytest.mark.django_db
def test_each_periodic_task_is_booked_once_however_often_a_worker_starts():
    assert set(periodic_tasks_book()) == PATHS
    assert periodic_tasks_book() == []  # a second worker, or the same one restarted
    assert bookings().count() == len(PATHS)
    assert set(bookings().values_list("status", flat=True)) == {TaskResultStatus.READY}
    # Never run: due at once.
    assert all(booking.run_after <= timezone.now() + timedelta(seconds=1) for booking in bookings())


@pytest.mark.django_db
def test_the_next_run_is_booked_a_period_after_the_last_one_finished(settings):
    path = "undersigned.engagement.tasks.readers_data_expire_task"
    settings.PERIODIC_TASKS = {path: 3600}
    periodic_tasks_book()
    finished = timezone.now() - timedelta(minutes=10)
    bookings().update(status=TaskResultStatus.SUCCESSFUL, finished_at=finished)
    assert periodic_tasks_book() == [path]
    waiting = bookings().get(status=TaskResultStatus.READY)
    assert abs(waiting.run_after - (finished + timedelta(hours=1))) < timedelta(seconds=1)
    # A run that is running counts as booked too.
    bookings().filter(pk=waiting.pk).update(status=TaskResultStatus.RUNNING)
    assert periodic_tasks_book() == []


@pytest.mark.django_db
def test_a_running_task_books_its_own_next_run_once_a_period_from_now(settings):
    from undersigned.core.periodic import periodic_task_book
    from undersigned.engagement.tasks import views_log_read_task

    path = views_log_read_task.module_path
    settings.PERIODIC_TASKS = {path: 5}
    periodic_tasks_book()
    running = DBTaskResult.objects.get(task_path=path)
    running.status = TaskResultStatus.RUNNING
    running.save()
    assert periodic_task_book(task=views_log_read_task, period=5, running=str(running.pk))
    # Booked by the run itself: neither the run again nor the workers' round books another.
    assert not periodic_task_book(task=views_log_read_task, period=5, running=str(running.pk))
    assert periodic_tasks_book() == []
    waiting = DBTaskResult.objects.get(task_path=path, status=TaskResultStatus.READY)
    assert abs(waiting.run_after - (timezone.now() + timedelta(seconds=5))) < timedelta(seconds=2)


@pytest.mark.django_db
def test_a_run_overdue_while_no_worker_ran_is_booked_at_once(settings):
    path = "undersigned.signatures.tasks.supporter_tallies_update_task"
    settings.PERIODIC_TASKS = {path: 60}
    periodic_tasks_book()
    bookings().update(
        status=TaskResultStatus.FAILED, finished_at=timezone.now() - timedelta(days=2)
    )
    periodic_tasks_book()
    waiting = bookings().get(status=TaskResultStatus.READY)
    assert waiting.run_after <= timezone.now()


@pytest.mark.django_db(transaction=True)
def test_workers_booking_at_once_book_each_task_once():
    booked: list[list[str]] = []
    start = threading.Barrier(4)

    def book() -> None:
        try:
            start.wait(timeout=30)
            booked.append(periodic_tasks_book())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(booked) == 4
    assert sorted(path for paths in booked for path in paths) == sorted(PATHS)
    assert bookings().count() == len(PATHS)


@pytest.mark.django_db
def test_the_records_of_tasks_finished_long_ago_are_pruned_failed_ones_later():
    from undersigned.core.tasks import task_results_prune
    from undersigned.signatures.tasks import supporter_tally_task

    def finished(status: str, days: int) -> str:
        result = supporter_tally_task.using(backend="default").enqueue(statement_id=1)
        DBTaskResult.objects.filter(pk=result.id).update(
            status=status, finished_at=timezone.now() - timedelta(days=days)
        )
        return result.id

    old = finished(TaskResultStatus.SUCCESSFUL, 15)
    recent = finished(TaskResultStatus.SUCCESSFUL, 13)
    failed = finished(TaskResultStatus.FAILED, 30)
    failed_long_ago = finished(TaskResultStatus.FAILED, 61)
    waiting = supporter_tally_task.using(backend="default").enqueue(statement_id=2).id
    task_results_prune.call()
    kept = {str(pk) for pk in DBTaskResult.objects.values_list("id", flat=True)}
    assert kept == {recent, failed, waiting}
    assert old not in kept
    assert failed_long_ago not in kept
