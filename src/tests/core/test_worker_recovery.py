"""Which running tasks a worker puts back in the queue, and which it leaves to their worker."""

import os
import subprocess
import sys
import threading
from datetime import timedelta

import pytest
from django.db import connections
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from undersigned.core.worker import (
    CLAIMS_MAX,
    WorkerCompanion,
    machine_name,
    tasks_requeue_abandoned,
    worker_id_new,
)
from undersigned.signatures.tasks import supporter_tally_task

ME = worker_id_new()
LEASE = 300


@pytest.fixture
def live_process():
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield process.pid
    process.kill()
    process.wait()


@pytest.fixture
def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def claimed(holder: str, *, ago: timedelta = timedelta(0), claims: int = 1) -> DBTaskResult:
    """Enqueue a real task and mark it claimed by `holder`, `ago` before now."""
    result = supporter_tally_task.using(backend="default").enqueue(statement_id=1)
    task = DBTaskResult.objects.get(pk=result.id)
    task.status = TaskResultStatus.RUNNING
    task.started_at = timezone.now() - ago
    task.worker_ids = [f"earlier-{n}" for n in range(claims - 1)] + [holder]
    task.save()
    return task


def recover() -> int:
    return tasks_requeue_abandoned(me=ME, backend_name="default", lease_seconds=LEASE)


def status_of(task: DBTaskResult) -> str:
    task.refresh_from_db()
    return task.status


def test_a_worker_id_names_the_machine_and_the_process_in_under_64_characters():
    worker_id = worker_id_new()
    assert worker_id.startswith(f"{machine_name()}:{os.getpid()}:")
    assert len(worker_id) < 64
    assert worker_id != worker_id_new()


@pytest.mark.django_db
def test_a_task_running_under_a_dead_pid_is_requeued(dead_pid):
    task = claimed(f"{machine_name()}:{dead_pid}:a1b2c3d4")
    assert recover() == 1
    assert status_of(task) == TaskResultStatus.READY
    assert task.started_at is None
    assert DBTaskResult.objects.ready().filter(pk=task.pk).exists()


@pytest.mark.django_db
def test_a_recent_claim_by_a_live_process_is_left_alone(live_process):
    task = claimed(f"{machine_name()}:{live_process}:a1b2c3d4", ago=timedelta(seconds=10))
    assert recover() == 0
    assert status_of(task) == TaskResultStatus.RUNNING


@pytest.mark.django_db
def test_this_workers_own_claim_is_never_requeued():
    task = claimed(ME, ago=timedelta(seconds=LEASE * 10))
    assert recover() == 0
    assert status_of(task) == TaskResultStatus.RUNNING


@pytest.mark.django_db
def test_an_earlier_worker_with_this_process_id_is_taken_as_gone():
    # A container's worker is pid 1 in every life: the id's random part tells them apart.
    task = claimed(f"{machine_name()}:{os.getpid()}:earlier0")
    assert recover() == 1
    assert status_of(task) == TaskResultStatus.READY


@pytest.mark.django_db
def test_a_claim_from_another_machine_holds_until_its_lease_runs_out():
    recent = claimed("elsewhere/4026531836:4242:a1b2c3d4", ago=timedelta(seconds=LEASE - 30))
    stale = claimed("elsewhere/4026531836:4242:a1b2c3d4", ago=timedelta(seconds=LEASE + 1))
    unnamed = claimed("rBqAg8Kx2h0o5bY3tUa9vQ", ago=timedelta(seconds=LEASE + 1))
    assert recover() == 2
    assert status_of(recent) == TaskResultStatus.RUNNING
    assert status_of(stale) == TaskResultStatus.READY
    assert status_of(unnamed) == TaskResultStatus.READY


@pytest.mark.django_db
def test_a_live_pid_past_its_lease_is_requeued_for_the_pid_may_be_another_process(live_process):
    task = claimed(f"{machine_name()}:{live_process}:a1b2c3d4", ago=timedelta(seconds=LEASE + 1))
    assert recover() == 1
    assert status_of(task) == TaskResultStatus.READY


@pytest.mark.django_db
def test_a_task_whose_workers_keep_dying_fails_instead_of_running_again(dead_pid):
    task = claimed(f"{machine_name()}:{dead_pid}:a1b2c3d4", claims=CLAIMS_MAX)
    assert recover() == 0
    assert status_of(task) == TaskResultStatus.FAILED
    assert task.exception_class_path == "undersigned.core.worker.WorkerLost"
    assert task.finished_at is not None


@pytest.mark.django_db
def test_finished_and_waiting_tasks_are_not_touched(dead_pid):
    waiting = supporter_tally_task.using(backend="default").enqueue(statement_id=1)
    done = claimed(f"{machine_name()}:{dead_pid}:a1b2c3d4")
    DBTaskResult.objects.filter(pk=done.pk).update(status=TaskResultStatus.SUCCESSFUL)
    assert recover() == 0
    assert DBTaskResult.objects.get(pk=waiting.id).status == TaskResultStatus.READY
    assert status_of(done) == TaskResultStatus.SUCCESSFUL


@pytest.mark.django_db(transaction=True)
def test_workers_recovering_at_once_requeue_each_task_once(dead_pid):
    tasks = [claimed(f"{machine_name()}:{dead_pid}:a1b2c3d4") for _ in range(20)]
    counts: list[int] = []
    start = threading.Barrier(3)

    def recover_in_a_thread(worker_id: str) -> None:
        try:
            start.wait()
            counts.append(
                tasks_requeue_abandoned(me=worker_id, backend_name="default", lease_seconds=LEASE)
            )
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=recover_in_a_thread, args=(worker_id_new(),)) for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(counts) == 3
    assert sum(counts) == len(tasks)
    assert DBTaskResult.objects.ready().count() == len(tasks)


@pytest.mark.django_db
def test_a_long_task_renews_its_claim_so_no_one_takes_it_for_lost():
    worker = WorkerCompanion(worker_id=ME, backend_name="default", interval=0.1, lease_seconds=30)
    task = claimed(ME, ago=timedelta(seconds=20))  # past a third of its lease
    before = task.started_at
    worker._claim = (task.pk, before)
    worker._renew()
    task.refresh_from_db()
    assert task.started_at > before
    assert timezone.now() - task.started_at < timedelta(seconds=5)
    # Once requeued and claimed by another worker, the claim is theirs: not renewed over.
    theirs = timezone.now()
    DBTaskResult.objects.filter(pk=task.pk).update(started_at=theirs)
    worker._claim = (task.pk, before)
    worker._renew()
    assert DBTaskResult.objects.get(pk=task.pk).started_at == theirs
    assert worker._claim is None


@pytest.mark.django_db(transaction=True)
def test_the_companion_follows_the_task_the_worker_loop_runs_through_djangos_task_signals(
    statement_factory,
):
    from django.tasks.signals import task_started
    from django_tasks_db.management.commands.db_worker import Worker

    statement = statement_factory()
    companion = WorkerCompanion(worker_id=ME, backend_name="default", interval=0.1, periodic=False)
    loop = Worker(
        queue_names=["default"],
        interval=0.1,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=ME,
        excluded_queue_names=[],
    )
    seen: list = []

    def while_running(sender, task_result, **kwargs):
        seen.append(companion._claim)

    companion.start()
    task_started.connect(while_running)  # after the companion's: sees what it recorded
    try:
        result = supporter_tally_task.using(backend="default").enqueue(statement_id=statement.pk)
        task = DBTaskResult.objects.get(pk=result.id)
        task.claim(ME)
        loop.run_task(task)
    finally:
        task_started.disconnect(while_running)
        companion.stop()
    assert seen == [(result.id, task.started_at)]
    assert companion._claim is None  # finished: nothing left to renew
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL
