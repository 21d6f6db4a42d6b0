"""Log lines: a request id on each, one line per request and per task, JSON when asked.

The request id comes from a sane incoming X-Request-ID (nginx sets one, see deploy/nginx.conf)
or is made here; it is returned in the response, and follows the request's tasks into the
worker: when a task is enqueued during a request, its id is noted in the shared cache under
the task's id, and the worker's log lines for that task carry it. So `grep <request id>`
finds a sign-up from the form to the mail it sent.

Both formatters hide email addresses and phone numbers in everything they write.
"""

import contextlib
import contextvars
import logging
import re
import time
import uuid

from django.core.cache import cache
from django.core.signals import request_finished
from django.tasks.signals import task_enqueued, task_finished, task_started
from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

from undersigned.operations.scrub import scrub_data, scrub_text

REQUEST_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)
_SANE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{7,99}")
_TASK_KEY = "task-request:"
_TASK_KEY_SECONDS = 7 * 24 * 3600
_task_started_at: dict[str, float] = {}

task_logger = logging.getLogger("undersigned.task")


def request_id_from(header: str | None) -> str:
    """Return the incoming id if it is sane (8–100 of letters, digits, . _ : -), else a new one."""
    if header and _SANE_ID.fullmatch(header) and any(c.isalpha() for c in header):
        return header
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Give every record the id of the request or task it happened in ("-" outside both)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = REQUEST_ID.get() or "-"
        return True


class QuietTaskProgressFilter(logging.Filter):
    """Drop Django's own started/finished lines for tasks: `undersigned.task` logs one per task."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name == "django.tasks" and record.levelno < logging.WARNING)


class PlainFormatter(logging.Formatter):
    """Text lines, with email addresses and phone numbers hidden."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub_text(super().format(record))


class JsonFormatter(_JsonFormatter):
    """One JSON object a line (python-json-logger), with contact data hidden in every field."""

    def process_log_record(self, log_data):
        log_data = super().process_log_record(log_data)
        # Django's request lines carry the request object: its text is the whole address,
        # query string included. The request's own line (undersigned.request) says enough.
        log_data.pop("request", None)
        return scrub_data(log_data)


def _in_worker(sender) -> bool:
    """Return whether the task runs apart from the request that queued it (not immediately)."""
    backend = sender if isinstance(sender, type) else type(sender)
    return backend.__name__ != "ImmediateBackend"


# The receivers only note and log: whatever happens, they must not fail the task.


def _on_enqueued(sender, task_result, **kwargs) -> None:
    request_id = REQUEST_ID.get()
    if request_id and _in_worker(sender):
        # The cache down: the task's lines will carry an id of their own.
        with contextlib.suppress(Exception):
            cache.set(f"{_TASK_KEY}{task_result.id}", request_id, timeout=_TASK_KEY_SECONDS)


def _on_started(sender, task_result, **kwargs) -> None:
    _task_started_at[str(task_result.id)] = time.monotonic()
    if REQUEST_ID.get() is None or _in_worker(sender):
        # In the worker: take the id of the request that queued the task, or start one.
        try:
            noted = cache.get(f"{_TASK_KEY}{task_result.id}")
        except Exception:  # the cache is down: the task still runs, under an id of its own
            noted = None
        REQUEST_ID.set(noted or f"task-{task_result.id}")


def _on_finished(sender, task_result, **kwargs) -> None:
    started = _task_started_at.pop(str(task_result.id), None)
    seconds = time.monotonic() - started if started is not None else None
    status = str(getattr(task_result.status, "value", task_result.status))
    task_logger.log(
        logging.WARNING if status == "FAILED" else logging.INFO,
        "task %s %s in %s ms",
        task_result.task.module_path,
        status,
        round(seconds * 1000) if seconds is not None else "?",
        extra={
            "task": task_result.task.module_path,
            "task_id": str(task_result.id),
            "status": status,
            "duration_ms": round(seconds * 1000, 1) if seconds is not None else None,
        },
    )
    if _in_worker(sender):
        REQUEST_ID.set(None)


def _on_request_finished(sender, **kwargs) -> None:
    REQUEST_ID.set(None)


def connect_task_signals() -> None:
    request_finished.connect(_on_request_finished, dispatch_uid="operations-request-finished")
    task_enqueued.connect(_on_enqueued, dispatch_uid="operations-task-enqueued")
    task_started.connect(_on_started, dispatch_uid="operations-task-started")
    task_finished.connect(_on_finished, dispatch_uid="operations-task-finished")
