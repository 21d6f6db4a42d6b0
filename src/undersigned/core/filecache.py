"""The cache the processes of one machine share when there is no Redis: Django's file cache,
with its writes made safe between processes.

Django's file cache reads, then writes: its add() is has_key() then set(), and incr() is the
generic get() then set(). Two gunicorn workers counting at once both write n + 1, so a rate
limit lets through more than its rate and buffered view counts go missing; and incr() writes the
new value with the default timeout, so a counter kept without expiry (the view buffer) expires
five minutes after its last increment. Here every write of a key holds an exclusive lock on one
of a few lock files chosen by the key, and incr() keeps the key's expiry. Reads take no lock:
a write replaces the whole file at once, so a read sees the old value or the new one.
"""

import os
import pickle
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.files import locks

# Locks are shared by the keys that hash alike: few files, and rarely two hot keys on one.
LOCK_STRIPES = 64


class LockingFileBasedCache(FileBasedCache):
    """FileBasedCache whose add(), set(), incr(), touch() and delete() are atomic per key."""

    @contextmanager
    def _locked(self, key: str, version: int | None) -> Iterator[str]:
        fname = self._key_to_file(key, version)
        # The cache's own files end in .djcache: lock files are neither listed, culled nor read.
        stripe = int(os.path.basename(fname)[:8], 16) % LOCK_STRIPES
        self._createdir()
        # 600 like the cache's own files (mkstemp): the folder holds pages rendered for staff.
        descriptor = os.open(
            os.path.join(self._dir, f"{stripe:02d}.lock"), os.O_WRONLY | os.O_CREAT, 0o600
        )
        with os.fdopen(descriptor, "ab") as lock:
            locks.lock(lock, locks.LOCK_EX)
            try:
                yield fname
            finally:
                locks.unlock(lock)

    # Inside the lock, writes go through FileBasedCache.set: ours would wait for the lock held.

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._locked(key, version):
            if self.has_key(key, version):
                return False
            FileBasedCache.set(self, key, value, timeout, version)
            return True

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._locked(key, version):
            super().set(key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        with self._locked(key, version):
            return super().touch(key, timeout, version)

    def delete(self, key, version=None):
        with self._locked(key, version):
            return super().delete(key, version)

    def incr(self, key, delta=1, version=None):
        with self._locked(key, version) as fname:
            try:
                with open(fname, "rb") as file:
                    expiry = pickle.load(file)  # noqa: S301 - the cache's own file
                    value = pickle.loads(zlib.decompress(file.read()))  # noqa: S301
            except FileNotFoundError:
                expiry, value = 0.0, None
            now = time.time()
            if value is None or (expiry is not None and expiry <= now):
                raise ValueError(f"Key '{key}' not found")
            new_value = value + delta
            # Keep the expiry the key had: None stays None; a window ends when it ended.
            timeout = None if expiry is None else expiry - now
            FileBasedCache.set(self, key, new_value, timeout, version)
            return new_value
