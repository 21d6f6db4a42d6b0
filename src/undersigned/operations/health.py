"""Is this app server ready for readers, and is the site's background work flowing?

Each check returns None when all is well, or a short reason code: no hosts, paths, versions
or exception texts (the answer is public). The checks are cheap enough for a load balancer to
call every few seconds: one query each, and the migration check is remembered once it passed
(a new release is a new process).
"""

import logging
import time
import uuid
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from undersigned.operations import outbox

logger = logging.getLogger("undersigned.operations")

# The key under which the worker records its last sign of life (core/heartbeat.py, a float
# Unix time written at least every 15 s); read here directly so this app needs only the cache.
HEARTBEAT_KEY = "worker:heartbeat"

_migrations_applied = False


def worker_heartbeat() -> float | None:
    """Return the Unix time of the worker's last heartbeat, or None if none is known."""
    value = cache.get(HEARTBEAT_KEY)
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def unapplied_migrations() -> list[str]:
    """Return the migrations the code has and the database lacks, as "app.name"."""
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _backwards in plan]


def check_database() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.warning("Readiness: the database does not answer.", exc_info=True)
        return "unreachable"
    return None


def check_cache() -> str | None:
    probe = f"readyz:{uuid.uuid4().hex}"
    try:
        cache.set(probe, 1, timeout=10)
        found = cache.get(probe)
        cache.delete(probe)
    except Exception:  # every backend raises its own (redis, OSError for files)
        logger.warning("Readiness: the cache does not answer.", exc_info=True)
        return "unreachable"
    return None if found == 1 else "not storing"


def check_migrations() -> str | None:
    global _migrations_applied
    if _migrations_applied:
        return None
    try:
        pending = unapplied_migrations()
    except DatabaseError:
        return "unknown"
    if pending:
        return "unapplied"
    _migrations_applied = True
    return None


def check_worker() -> str | None:
    beat = worker_heartbeat()
    if beat is None:
        return "no heartbeat"
    if time.time() - beat > settings.WORKER_HEARTBEAT_MAX_AGE:
        return "heartbeat too old"
    return None


def check_outbox() -> str | None:
    """Fail when a mail is stuck in sending, or a due task has waited too long for a worker."""
    try:
        mail = outbox.outbox_state()
        queue = outbox.queue_state()
    except DatabaseError:
        return "unknown"
    limit = timezone.now() - timedelta(minutes=settings.OUTBOX_STUCK_MINUTES)
    if mail.oldest_sending_at is not None and mail.oldest_sending_at < limit:
        return "mail stuck in sending"
    if queue.oldest_due_at is not None and queue.oldest_due_at < limit:
        return "tasks waiting"
    return None


CHECKS: dict[str, Callable[[], str | None]] = {
    "database": check_database,
    "cache": check_cache,
    "migrations": check_migrations,
    "worker": check_worker,
    "outbox": check_outbox,
}
# Checks that say nothing more about the database once it is unreachable.
_NEEDS_DATABASE = ("migrations", "outbox")


def readiness(*, skip: frozenset[str] = frozenset()) -> dict[str, str]:
    """Run the checks not skipped; return each one's outcome ("ok" or a reason code)."""
    results: dict[str, str] = {}
    for name, check in CHECKS.items():
        if name in skip:
            continue
        if name in _NEEDS_DATABASE and results.get("database", "ok") != "ok":
            results[name] = "unknown"
            continue
        results[name] = check() or "ok"
    return results
