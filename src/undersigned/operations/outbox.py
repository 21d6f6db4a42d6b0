"""The site's outbox (core's `OutgoingMail`) and task queue, read in this one module.

Fields read: `status` (queued/sending/sent/failed/refused), `attempts` and `created_at`. Error
reports are written, like every mail, through `core.outbox.mail` (operations/tasks.py).
Mail tasks are told apart in the queue by their name: core's mail task is `mail_send`.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, F, Min, Q, Sum
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from undersigned.core.models import OutgoingMail


@dataclass(frozen=True)
class OutboxState:
    """How many mails are being sent, went out, failed, were refused (the recipient's hourly
    cap); retries; the oldest unfinished send."""

    sending: int
    sent: int
    failed: int
    refused: int
    retries: int
    oldest_sending_at: datetime | None


@dataclass(frozen=True)
class QueueState:
    """Tasks due and waiting for a worker, and since when the oldest of them waits."""

    ready: int
    running: int
    oldest_due_at: datetime | None
    mails_waiting: int  # mail tasks queued, due or deferred (a retry waits its turn)


def outbox_state() -> OutboxState:
    """Return the outbox's counts in one query."""
    status = OutgoingMail.Status
    row = OutgoingMail.objects.aggregate(
        sending=Count("pk", filter=Q(status=status.SENDING)),
        sent=Count("pk", filter=Q(status=status.SENT)),
        failed=Count("pk", filter=Q(status=status.FAILED)),
        refused=Count("pk", filter=Q(status=status.REFUSED)),
        # Every attempt after a mail's first is a retry.
        retries=Sum(F("attempts") - 1, filter=Q(attempts__gt=1)),
        oldest_sending_at=Min("created_at", filter=Q(status=status.SENDING)),
    )
    return OutboxState(
        sending=row["sending"],
        sent=row["sent"],
        failed=row["failed"],
        refused=row["refused"],
        retries=row["retries"] or 0,
        oldest_sending_at=row["oldest_sending_at"],
    )


def queue_state() -> QueueState:
    """Return the task queue's length and since when its oldest due task waits, in one query."""
    due = DBTaskResult.objects.ready()  # READY, and not deferred to later
    undeferred = Q(run_after=get_date_max())
    row = due.aggregate(
        ready=Count("pk"),
        oldest_enqueued=Min("enqueued_at", filter=undeferred),
        oldest_deferred=Min("run_after", filter=~undeferred),
    )
    running = DBTaskResult.objects.running().count()
    mails_waiting = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path__endswith="mail_send"
    ).count()
    # A deferred task waits from the moment it was due, not from when it was queued.
    starts = [row["oldest_enqueued"], row["oldest_deferred"]]
    oldest = min((start for start in starts if start is not None), default=None)
    return QueueState(
        ready=row["ready"], running=running, oldest_due_at=oldest, mails_waiting=mails_waiting
    )
