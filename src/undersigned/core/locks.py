"""A lock that one process at a time holds, across every machine sharing the database.

On PostgreSQL it is a session advisory lock: the server lets it go the moment its holder's
connection ends, so a worker killed in the middle of its work (SIGKILL, a lost machine) holds
nobody up. A lock kept in the shared cache, with an expiry, would hold everyone up until it
expired, and one whose expiry is shorter than the work would let two workers in at once.
Elsewhere (SQLite: one machine) it is a cache entry that expires after `seconds` unless its
holder renews it.

Kept here, not taken from a library: django-tasks-db has no locks of its own, and the packages
that offer advisory locks wrap the same two SQL functions for PostgreSQL alone.
"""

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.core.cache import cache
from django.db import DatabaseError, connection

# The first of the two keys of this project's advisory locks (core/periodic.py takes
# transaction-level ones with one 64-bit key, which never meet these).
_LOCK_CLASS = 0x756E6473  # "unds"


def _key(name: str) -> int:
    digest = hashlib.blake2b(name.encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big", signed=True)


@contextmanager
def held(name: str, *, seconds: int = 30) -> Iterator[Callable[[], None] | None]:
    """Hold the lock called name for the block; yield None when another process holds it.

    Otherwise yield a function that the holder calls now and then during long work: it keeps
    a cache lock from expiring (an advisory lock needs nothing).
    """
    if connection.vendor == "postgresql":
        keys = [_LOCK_CLASS, _key(name)]
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", keys)
            (taken,) = cursor.fetchone()
        if not taken:
            yield None
            return
        try:
            yield lambda: None
        finally:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s, %s)", keys)
            except DatabaseError:
                connection.close()  # a lost connection took the lock with it
        return
    key = f"lock:{name}"
    if not cache.add(key, 1, timeout=seconds):
        yield None
        return
    try:
        yield lambda: cache.touch(key, seconds)
    finally:
        cache.delete(key)
