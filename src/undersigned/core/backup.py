"""Back the database up while the site runs, and restore it from such a copy.

SQLite: the online backup API (`sqlite3.Connection.backup`) copies a consistent snapshot page
by page while the web server and the worker go on writing; copying the file would miss what
still waits in the write-ahead log. A restore runs the same API the other way, into the live
file, under SQLite's own lock. PostgreSQL: `pg_dump --format=custom`, restored by
`pg_restore --clean --single-transaction`, so a restore that fails half-way changes nothing.
Backups are written 600: they hold every contact the site knows.
"""

import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.conf import settings
from django.db import connections

from undersigned.core.files import PRIVATE_FILE, private_directory

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class Database:
    vendor: str  # "sqlite" or "postgresql"
    settings: dict

    @property
    def name(self) -> str:
        return str(self.settings["NAME"])


def database_from(*, alias: str = "default", url: str = "") -> Database:
    """Return the database named by a URL, or else the configured one."""
    found = dj_database_url.parse(url) if url else connections[alias].settings_dict
    engine = found["ENGINE"]
    if engine.endswith("sqlite3"):
        return Database("sqlite", dict(found))
    if "postgresql" in engine:
        return Database("postgresql", dict(found))
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {engine}.")


def default_backup_path(database: Database) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    suffix = "sqlite3" if database.vendor == "sqlite" else "dump"
    return settings.VAR_DIR / "backups" / f"undersigned-{stamp}.{suffix}"


def _pg_environment(database: Database) -> dict[str, str]:
    """Pass the connection to pg_dump and pg_restore in their own variables, not argv."""
    env = dict(os.environ)
    values = database.settings
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if values.get(key):
            env[variable] = str(values[key])
    return env


def _pg_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} is not installed: install PostgreSQL's client tools "
            "(Debian: apt-get install postgresql-client), in the server's major version or newer."
        )
    return path


def _run(command: list[str], database: Database) -> None:
    result = subprocess.run(  # noqa: S603 - fixed tools, arguments from settings and the CLI
        command, env=_pg_environment(database), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


def _new_private_file(path: Path) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE))
    path.chmod(PRIVATE_FILE)


def database_backup(*, path: Path | None = None, alias: str = "default") -> Path:
    """Write a consistent copy of the database to the path (600) and return the path."""
    database = database_from(alias=alias)
    path = Path(path) if path else default_backup_path(database)
    if path == settings.VAR_DIR / "backups" / path.name:
        private_directory(path.parent)
    partial = path.with_name(path.name + ".partial")
    _new_private_file(partial)
    try:
        if database.vendor == "sqlite":
            source = sqlite3.connect(database.name)
            target = sqlite3.connect(partial)
            try:
                with target:
                    source.backup(target)
                (verdict,) = target.execute("PRAGMA integrity_check").fetchone()
            finally:
                target.close()
                source.close()
            if verdict != "ok":
                raise BackupError(f"The copy failed SQLite's integrity check: {verdict}")
        else:
            _run(
                [_pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(partial)],
                database,
            )
        partial.replace(path)  # a backup is either whole or absent
    finally:
        partial.unlink(missing_ok=True)
    return path


def backup_kind(path: Path) -> str:
    """Return "sqlite" or "postgresql" from the file's first bytes."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise BackupError(f"Cannot read {path}: {error.strerror}.") from error
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    raise BackupError(f"{path} is neither a SQLite backup nor a pg_dump custom-format archive.")


def database_restore(*, path: Path, alias: str = "default", url: str = "") -> Database:
    """Replace the database's content with the backup's; return the database restored into."""
    path = Path(path)
    database = database_from(alias=alias, url=url)
    kind = backup_kind(path)
    if kind != database.vendor:
        raise BackupError(
            f"{path} is a {kind} backup; the database to restore into is {database.vendor}."
        )
    connections[alias].close()  # no connection of ours holds the old content open
    if database.vendor == "sqlite":
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            (verdict,) = source.execute("PRAGMA integrity_check").fetchone()
            if verdict != "ok":
                raise BackupError(f"{path} failed SQLite's integrity check: {verdict}")
            target = sqlite3.connect(database.name, timeout=60)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
    else:
        name = database.name
        _run(
            [
                _pg_tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--exit-on-error",
                "--dbname",
                name,
                str(path),
            ],
            database,
        )
    return database


def describe(database: Database) -> str:
    """Name the database for a message, without its password."""
    if database.vendor == "sqlite":
        return database.name
    host = database.settings.get("HOST") or "localhost"
    return f"{database.name} on {urlsplit(f'//{host}').hostname or host}"
