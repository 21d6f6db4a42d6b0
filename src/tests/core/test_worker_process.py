"""A real `undersigned worker` process: its heartbeat, and the periodic tasks it books itself.

The worker runs on the suite's own test database and, as on a machine without Redis, on a
diskcache folder that this test reads and writes too.
"""

import signal
import time
from datetime import timedelta

import pytest
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.conftest import WorkerProcesses
from undersigned.core.heartbeat import HEARTBEAT_KEY, last_heartbeat
from undersigned.engagement import viewcount
from undersigned.engagement.models import StatementEngagement, Subscriber
from undersigned.signatures.models import Supporter, SupporterTally

PERIODIC = {
    "undersigned.engagement.tasks.readers_data_expire_task",
    "undersigned.signatures.tasks.supporter_tallies_update_task",
    "undersigned.engagement.tasks.view_counts_flush_task",
    "undersigned.core.tasks.task_results_prune",
}


@pytest.fixture
def shared_disk_cache(settings, tmp_path):
    """Use the diskcache folder the worker uses: the default cache of a machine without Redis."""
    settings.CACHES = {
        "default": {"BACKEND": "diskcache.DjangoCache", "LOCATION": str(tmp_path / "cache")}
    }
    return tmp_path


@pytest.fixture
def start_worker(transactional_db, shared_disk_cache):
    """Return a function that starts `undersigned worker`; stop every one started, after."""
    workers = WorkerProcesses(shared_disk_cache)
    yield workers
    workers.kill_all()


def _wait_for(condition, *, seconds: float, what: str, logs) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} within {seconds} s:\n{logs()}")
        time.sleep(0.1)


@pytest.mark.multiprocess
def test_a_running_worker_records_its_heartbeat_every_few_seconds_even_when_idle(start_worker):
    assert last_heartbeat() is None
    started = time.time()
    start_worker("--no-periodic")
    _wait_for(
        lambda: last_heartbeat() is not None,
        seconds=20,
        what="no heartbeat",
        logs=start_worker.logs,
    )
    first = last_heartbeat()
    assert first is not None
    assert started <= first <= time.time()
    # Nothing is queued: the worker is idle, and still says it is alive within 15 s.
    _wait_for(
        lambda: (last_heartbeat() or 0) > first,
        seconds=15,
        what="the heartbeat did not move",
        logs=start_worker.logs,
    )
    assert time.time() - (last_heartbeat() or 0) < 15


@pytest.mark.multiprocess
def test_a_stopped_worker_leaves_its_last_heartbeat_which_ages(start_worker):
    from django.core.cache import cache

    worker = start_worker("--no-periodic")
    _wait_for(
        lambda: last_heartbeat() is not None,
        seconds=20,
        what="no heartbeat",
        logs=start_worker.logs,
    )
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=20) == 0, start_worker.logs()
    stopped = last_heartbeat()
    time.sleep(6)
    assert last_heartbeat() == stopped
    assert isinstance(cache.get(HEARTBEAT_KEY), float)


@pytest.mark.multiprocess
def test_two_workers_starting_book_each_periodic_task_once_and_run_it(
    start_worker, statement_factory
):
    from django.core.cache import cache

    statement = statement_factory()
    past = timezone.now() - timedelta(days=1)
    Subscriber.objects.create(email="late@example.am", unsubscribe_key="a", confirm_expires_at=past)
    Supporter.objects.create(
        statement=statement,
        name="Ani Sargsyan",
        place="Gyumri",
        email="ani@mail.example.am",
        language="en",
        confirmed_at=past,
    )
    # A mail task's record from last month, for the pruning.
    from undersigned.signatures.tasks import supporter_tally_task

    old = supporter_tally_task.using(backend="default").enqueue(statement_id=statement.pk)
    DBTaskResult.objects.filter(pk=old.id).update(
        status=TaskResultStatus.SUCCESSFUL, finished_at=timezone.now() - timedelta(days=30)
    )
    # Views a reader left in the shared cache with no flush booked.
    cache.set(f"{viewcount.BUFFER_PREFIX}{statement.slug}", 3, timeout=None)
    assert not DBTaskResult.objects.filter(task_path__in=PERIODIC).exists()

    start_worker()
    start_worker()

    def ran() -> bool:
        done = DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL)
        return set(done.values_list("task_path", flat=True)) >= PERIODIC

    _wait_for(ran, seconds=90, what="the periodic tasks did not run", logs=start_worker.logs)
    for path in PERIODIC:
        runs = DBTaskResult.objects.filter(task_path=path)
        # Run once by one of the two workers; any next run is booked a period on, not now.
        assert runs.filter(status=TaskResultStatus.SUCCESSFUL).count() == 1, start_worker.logs()
        later = runs.exclude(status=TaskResultStatus.SUCCESSFUL)
        assert later.count() <= 1
        assert not later.filter(run_after__lte=timezone.now()).exists()
    assert not Subscriber.objects.exists()
    assert SupporterTally.objects.get(statement=statement).count == 1
    assert StatementEngagement.objects.get(statement=statement).view_count == 3
    assert not DBTaskResult.objects.filter(pk=old.id).exists()
