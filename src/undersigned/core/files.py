"""Files only the site's own user may read: the database, its journal, the cache, secrets.

The database holds the contacts of organisations and their people; the cache holds pages
rendered for staff and rate-limit keys. Everything under `var/` is the site's alone: the
folder is 700 and the files in it 600, whatever the umask of the shell that started the site.
"""

import os
from pathlib import Path

PRIVATE_DIRECTORY = 0o700
PRIVATE_FILE = 0o600
# SQLite writes beside its database a write-ahead log and an index of it.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def private_directory(path: Path) -> None:
    """Create the folder (and its parents) if needed and make it readable by its owner only."""
    path.mkdir(mode=PRIVATE_DIRECTORY, parents=True, exist_ok=True)
    if path.stat().st_mode & 0o777 != PRIVATE_DIRECTORY:
        path.chmod(PRIVATE_DIRECTORY)


def private_file_write(path: Path, text: str) -> None:
    """Write the text to a file that is never readable by others, not even for an instant."""
    path.parent.mkdir(mode=PRIVATE_DIRECTORY, parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        os.fchmod(handle.fileno(), PRIVATE_FILE)  # an existing file keeps its mode otherwise
        handle.write(text)


def sqlite_files_private(database: Path) -> None:
    """Create the SQLite file as 600 before SQLite does, and tighten it and its companions.

    SQLite creates its -wal and -shm files with the database file's permissions, so a
    database created 600 keeps its journal private too.
    """
    # A new folder is private; an existing one (it may be shared, such as /tmp) is left as it is.
    database.parent.mkdir(mode=PRIVATE_DIRECTORY, parents=True, exist_ok=True)
    if not database.exists():
        os.close(os.open(database, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
    for path in (database, *(Path(f"{database}{suffix}") for suffix in SQLITE_COMPANIONS)):
        try:
            if path.stat().st_mode & 0o077:
                path.chmod(PRIVATE_FILE)
        except FileNotFoundError:
            continue


def on_connection_created(sender, connection, **kwargs) -> None:
    """Keep a SQLite database private however it was created (tests, `migrate`, a restore)."""
    name = str(connection.settings_dict.get("NAME") or "")
    if connection.vendor == "sqlite" and name and not name.startswith(("file:", ":memory:")):
        sqlite_files_private(Path(name))
