"""The worker's sign of life, kept in the default cache for health checks such as /readyz.

The worker writes the time now (a float Unix timestamp, `time.time()`) under
HEARTBEAT_KEY every HEARTBEAT_SECONDS while it runs, idle or busy, from a thread beside its
loop (core/worker.py). A reader compares it with its own clock: a heartbeat older than a few
intervals means no worker is running. The default cache is shared by the processes of one
machine (diskcache) or by every machine (Redis), so the web processes see it.
"""

import time

from django.core.cache import cache

HEARTBEAT_KEY = "worker:heartbeat"
# The worker writes at least this often; a reader may call a worker gone after a few of these.
HEARTBEAT_SECONDS = 5.0


def record_heartbeat() -> None:
    """Record that a worker is alive now."""
    # No expiry: a stopped worker leaves its last heartbeat, whose age tells how long ago.
    cache.set(HEARTBEAT_KEY, time.time(), timeout=None)


def last_heartbeat() -> float | None:
    """Return when a worker last said it was alive (Unix time), or None if none ever did."""
    value = cache.get(HEARTBEAT_KEY)
    return float(value) if value is not None else None
