"""Keep queued work from being lost when a worker dies in the middle of a task.

django-tasks-db marks a task RUNNING when a worker claims it, and a worker killed (SIGKILL, out
of memory, the machine gone) leaves it so for ever: nothing runs it again. Workers here are
named after their machine and process, so any worker, or the same one restarted, can tell a
claim whose process is gone and put the task back in the queue. A claim that cannot be checked
that way (another machine) is given up once its worker has not renewed it for
TASKS_LEASE_SECONDS; a live worker renews the claim of a long task well before that.

Kept here because django-tasks-db (0.13) has no such recovery, nor leases, heartbeats or
periodic tasks; its worker loop and command are used unchanged, and this code runs beside them.
"""

import logging
import os
import socket
import threading
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from django.tasks import TaskResult, TaskResultStatus
from django.tasks.signals import task_finished, task_started
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.models import DBTaskResult

from undersigned.core.heartbeat import HEARTBEAT_SECONDS, record_heartbeat
from undersigned.core.periodic import PERIODIC_BOOK_SECONDS, periodic_tasks_book

logger = logging.getLogger("undersigned.worker")

# A task whose worker died this many times is not tried again: it is what kills them.
CLAIMS_MAX = 5


def machine_name() -> str:
    """Name this machine and, on Linux, its process namespace: a pid means something only there."""
    name = (socket.gethostname().split(".")[0] or "localhost")[:32]
    try:
        return f"{name}/{os.stat('/proc/self/ns/pid').st_ino}"
    except OSError:
        return name


def worker_id_new() -> str:
    """Return an id for this worker process: machine, pid and a random part, under 64 characters."""
    return f"{machine_name()}:{os.getpid()}:{get_random_string(8)}"


def _machine_and_pid(worker_id: str) -> tuple[str, int] | None:
    parts = worker_id.rsplit(":", 2)
    if len(parts) != 3 or not parts[1].isdigit() or int(parts[1]) <= 0:
        return None  # not named by worker_id_new (--worker-id, an older worker)
    return parts[0], int(parts[1])


def process_alive(pid: int) -> bool:
    """Return whether a process of this id runs on this machine (a zombie does not count)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            state = stat.read().rpartition(b")")[2].split()[0]
    except (OSError, IndexError):
        return True
    return state not in (b"Z", b"X")


def claim_abandoned(
    *, holder: str, started_at: datetime | None, me: str, now: datetime, lease: timedelta
) -> str | None:
    """Return why the claim `holder` made at `started_at` is abandoned, or None while it holds."""
    if holder == me:
        return None
    named = _machine_and_pid(holder)
    if named is not None and named[0] == machine_name():
        pid = named[1]
        if pid == os.getpid():
            # This process's id, but not this worker: an earlier life (pid 1 in a container).
            return "its worker process is gone"
        if not process_alive(pid):
            return "its worker process is gone"
    # A live pid may have been reused since: the lease still applies.
    if started_at is None or now - started_at > lease:
        return "its lease ran out"
    return None


def tasks_requeue_abandoned(*, me: str, backend_name: str, lease_seconds: int) -> int:
    """Put back in the queue the running tasks whose worker is gone; return how many.

    Safe with several workers doing it at once: each change is a conditional UPDATE of the
    claim as it was read, so a task requeued, or claimed again, meanwhile is left alone.
    """
    now = timezone.now()
    lease = timedelta(seconds=lease_seconds)
    requeued = 0
    running = DBTaskResult.objects.running().filter(backend_name=backend_name)
    for task in running.only("id", "task_path", "worker_ids", "started_at"):
        holder = task.worker_ids[-1] if task.worker_ids else ""
        reason = claim_abandoned(
            holder=holder, started_at=task.started_at, me=me, now=now, lease=lease
        )
        if reason is None:
            continue
        same_claim = DBTaskResult.objects.filter(
            pk=task.pk, status=TaskResultStatus.RUNNING, started_at=task.started_at
        )
        if len(task.worker_ids) >= CLAIMS_MAX:
            given_up = same_claim.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                exception_class_path="undersigned.core.worker.WorkerLost",
                traceback=f"The worker running it was lost {len(task.worker_ids)} times.",
            )
            if given_up:
                logger.error(
                    "Task id=%s (%s) failed: its worker was lost %d times, last %s (%s).",
                    task.pk,
                    task.task_path,
                    len(task.worker_ids),
                    holder,
                    reason,
                )
            continue
        if same_claim.update(status=TaskResultStatus.READY, started_at=None):
            requeued += 1
            logger.warning(
                "Requeued task id=%s (%s) claimed by %s at %s: %s.",
                task.pk,
                task.task_path,
                holder or "an unnamed worker",
                task.started_at,
                reason,
            )
    return requeued


class WorkerCompanion:
    """What runs beside django-tasks-db's worker loop, in a thread of the same process.

    django-tasks-db's worker runs its loop unchanged (management/commands/worker.py calls its
    own command); this thread does what it lacks. At start-up, then every few seconds, it puts
    back the tasks abandoned by dead workers; it renews the claim of a task that runs for longer
    than a third of the lease (its `started_at`), so a slow task is never taken as lost; it
    records the worker's heartbeat (core/heartbeat.py); and it books the periodic tasks
    (core/periodic.py). It learns which task the loop runs from Django's task_started and
    task_finished signals, the tasks framework's public hooks.
    """

    def __init__(
        self,
        *,
        worker_id: str,
        backend_name: str,
        interval: float,
        lease_seconds: int | None = None,
        periodic: bool = True,
    ) -> None:
        self.worker_id = worker_id
        self.backend_name = backend_name
        self.interval = interval
        self.periodic = periodic
        self.lease_seconds = lease_seconds or settings.TASKS_LEASE_SECONDS
        if self.lease_seconds < 1:
            raise ImproperlyConfigured("TASKS_LEASE_SECONDS must be at least 1.")
        self._claim: tuple[str, datetime] | None = None
        self._claim_lock = threading.Lock()
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None

    def recover(self) -> int:
        return tasks_requeue_abandoned(
            me=self.worker_id, backend_name=self.backend_name, lease_seconds=self.lease_seconds
        )

    def start(self) -> None:
        """Recover, beat and book once now, then keep doing it from a thread."""
        self.recover()
        record_heartbeat()
        if self.periodic:
            periodic_tasks_book(backend_name=self.backend_name)
        task_started.connect(self._task_started)
        task_finished.connect(self._task_finished)
        self._thread = threading.Thread(target=self._keep, name="worker-companion", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        task_started.disconnect(self._task_started)
        task_finished.disconnect(self._task_finished)
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _task_started(self, sender, task_result: TaskResult, **kwargs) -> None:
        if task_result.backend != self.backend_name:
            return
        with self._claim_lock:
            self._claim = (task_result.id, task_result.started_at or timezone.now())

    def _task_finished(self, sender, task_result: TaskResult, **kwargs) -> None:
        with self._claim_lock:
            if self._claim is not None and self._claim[0] == task_result.id:
                self._claim = None

    def _renew(self) -> None:
        with self._claim_lock:
            if self._claim is None:
                return
            pk, started_at = self._claim
            if timezone.now() - started_at < timedelta(seconds=self.lease_seconds / 3):
                return
            renewed_at = timezone.now()
            renewed = DBTaskResult.objects.filter(
                pk=pk, status=TaskResultStatus.RUNNING, started_at=started_at
            ).update(started_at=renewed_at)
            if renewed:
                self._claim = (pk, renewed_at)
            else:  # requeued meanwhile: the claim is someone else's now, not to renew
                logger.warning("Task id=%s was taken from this worker (%s).", pk, self.worker_id)
                self._claim = None

    def _keep(self) -> None:
        recover_every = max(self.interval, min(10.0, self.lease_seconds / 4))
        tick = min(1.0, self.lease_seconds / 6, recover_every)
        recovered_at = beat_at = booked_at = time.monotonic()
        try:
            while not self._stopped.wait(tick):
                now = time.monotonic()
                try:
                    if now - beat_at >= HEARTBEAT_SECONDS:
                        record_heartbeat()
                        beat_at = now
                    self._renew()
                    if now - recovered_at >= recover_every:
                        self.recover()
                        recovered_at = now
                    if self.periodic and now - booked_at >= PERIODIC_BOOK_SECONDS:
                        periodic_tasks_book(backend_name=self.backend_name)
                        booked_at = now
                except Exception:
                    # The database or the cache is away for a moment: the next tick tries again.
                    logger.exception("The worker's companion thread failed; trying again.")
        finally:
            connections.close_all()  # this thread's connections
