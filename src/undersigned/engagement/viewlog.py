"""Count views from nginx's log: a crowd of readers costs the app servers nothing.

Behind nginx (deploy/nginx.conf, deploy/nginx-views.conf) the statement page's view image
never reaches an app server: nginx answers it with an empty GIF and writes one line for it to
a log of its own (VIEWS_LOG), in the format `undersigned_views`:

    $msec <TAB> $remote_addr <TAB> $uri <TAB> $http_user_agent <TAB> $http_sec_purpose
    <TAB> $http_purpose <TAB> $http_x_moz

The worker reads the new lines every VIEWS_LOG_SECONDS (services.views_log_read) and counts
them as the app's own image does (viewcount.py): not bots or prefetches, not an image whose key
does not match its statement, one address one reader per statement and day (UTC).

Exactly once, through rotations and crashes: a file is known by its inode, and how far it has
been read (ViewLogPosition) moves in the transaction that adds the counts of the lines read,
so a worker killed in the middle reads the same lines again and counts them once. Only whole
lines are read; a line nginx is still writing waits for the next run. A rotated file (renamed
`undersigned.views.log.1` or dated, as logrotate does; compressed ones are skipped) is found
in the same folder by its inode and read to its end, lines that nginx wrote to it after the
rename included. That a reader was counted is kept as a salted hash in the database
(ReaderSeen), in the same transaction: the same address reading again that day counts nothing,
even when it is read again after a crash.

Without nginx (`make run`) the app's image counts (viewcount.py), at the app's pace.

Kept here rather than taken from a log shipper: the count needs the position and the counts in
one database transaction, which a shipper (Vector, Fluent Bit, Filebeat) does not give.
"""

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from undersigned.engagement import viewcount

# What nginx writes for `undersigned_views` (deploy/nginx.conf): tab-separated, "-" for a
# header that is absent; nginx escapes tabs, quotes and non-ASCII bytes inside values as \xNN.
_IMAGE = re.compile(r"/statements/([-\w]+)/seen/([0-9a-f]+)\.gif$")
_COMPRESSED = (".gz", ".bz2", ".xz", ".zst", ".lz4", ".Z")
# At most this many bytes are read into one batch (one transaction): some 20,000 lines.
CHUNK_BYTES = 2 * 2**20


@dataclass
class Batch:
    """The readers found in a stretch of one file: per statement slug, each day's addresses."""

    end: int  # the offset after the last whole line read
    lines: int = 0
    readers: dict[tuple[date, str], set[str]] = field(default_factory=dict)


def _field(value: str) -> str:
    return "" if value == "-" else value


class LineReader:
    """Turn log lines into readers to count; the checks that need no database."""

    def __init__(self) -> None:
        self._keys: dict[str, bool] = {}
        self._agents: dict[tuple[str, str, str], bool] = {}

    def _key_valid(self, slug: str, key: str) -> bool:
        valid = self._keys.get(f"{slug}/{key}")
        if valid is None:
            valid = self._keys[f"{slug}/{key}"] = viewcount.beacon_key_valid(slug, key)
        return valid

    def _bot(self, agent: str, purpose: str, moz: str) -> bool:
        # A crowd shares a few dozen browsers' names: each is looked at once.
        found = self._agents.get((agent, purpose, moz))
        if found is None:
            if len(self._agents) > 50_000:
                self._agents.clear()
            found = self._agents[agent, purpose, moz] = viewcount.is_bot_agent(agent, purpose, moz)
        return found

    def add(self, batch: Batch, line: str) -> None:
        """Add the line's reader to the batch, unless the line does not count."""
        batch.lines += 1
        parts = line.rstrip("\n").split("\t")
        if len(parts) != 7:
            return  # not a line of this format (a truncated write, another format)
        moment, address, uri, agent, sec_purpose, purpose, moz = parts
        found = _IMAGE.search(uri)
        if found is None or not address or address == "-":
            return
        slug, key = found.groups()
        if not self._key_valid(slug, key):
            return
        if self._bot(_field(agent), _field(sec_purpose) or _field(purpose), _field(moz)):
            return
        try:
            day = datetime.fromtimestamp(float(moment), tz=UTC).date()
        except (ValueError, OverflowError):
            return
        batch.readers.setdefault((day, slug), set()).add(address)


def read_batch(handle, offset: int, reader: LineReader, limit: int = CHUNK_BYTES) -> Batch:
    """Read whole lines from `offset`, at most about `limit` bytes of them."""
    handle.seek(offset)
    data = handle.read(limit)
    end = data.rfind(b"\n") + 1
    if end == 0 and len(data) == limit:
        # One line longer than a whole batch: nginx never writes one; skip it, once whole.
        rest = handle.readline()
        if rest.endswith(b"\n"):
            return Batch(end=offset + len(data) + len(rest), lines=1)
        return Batch(end=offset)
    batch = Batch(end=offset + end)
    for line in data[:end].decode("ascii", errors="replace").splitlines():
        reader.add(batch, line)
    return batch


def log_files(path: Path) -> Iterator[tuple[Path, os.stat_result]]:
    """Yield the log and its rotated copies that can still be read, oldest data first."""
    found = []
    if path.parent.is_dir():
        for candidate in path.parent.iterdir():
            name = candidate.name
            if name == path.name or (
                name.startswith(f"{path.name}.") or name.startswith(f"{path.name}-")
            ):
                if name.endswith(_COMPRESSED):
                    continue
                try:
                    found.append((candidate, candidate.stat()))
                except OSError:  # rotated away meanwhile
                    continue
    # The file written to now comes last: what a rotated file still holds is older.
    found.sort(key=lambda item: (item[0] == path, item[1].st_mtime))
    yield from found
