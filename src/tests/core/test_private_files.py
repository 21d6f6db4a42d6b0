"""The database, its journal, the cache and the admin's password are the site's user's alone."""

import io
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.backends.sqlite3.base import DatabaseWrapper

from undersigned.core.accounts import admin_login_show
from undersigned.core.files import private_directory, sqlite_files_private
from undersigned.core.services import admin_account_ensure


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def loose_umask():
    """Start files as a shell with the usual umask would: readable by everyone."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_the_var_folder_is_private():
    assert mode(settings.VAR_DIR) == 0o700


def test_a_loose_var_folder_is_tightened(tmp_path, loose_umask):
    folder = tmp_path / "var"
    folder.mkdir(mode=0o755)
    private_directory(folder)
    assert mode(folder) == 0o700


def test_a_new_sqlite_database_and_its_journal_are_600(tmp_path, loose_umask):
    database = tmp_path / "var" / "site.sqlite3"
    sqlite_files_private(database)
    assert mode(database.parent) == 0o700
    db = sqlite3.connect(database)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE signature (id INTEGER PRIMARY KEY)")
    db.execute("INSERT INTO signature DEFAULT VALUES")
    db.commit()
    for path in (database, f"{database}-wal", f"{database}-shm"):
        assert mode(path) == 0o600, path
    db.close()


def test_an_existing_world_readable_database_is_tightened(tmp_path, loose_umask):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    database = shared / "site.sqlite3"
    sqlite3.connect(database).close()
    assert mode(database) == 0o644
    sqlite_files_private(database)
    assert mode(database) == 0o600
    assert mode(shared) == 0o755  # a folder it did not create (/tmp, say) is left alone


@pytest.mark.django_db
def test_a_sqlite_database_django_creates_is_600_with_its_journal(tmp_path, loose_umask):
    """As the test runner, `migrate` on a fresh machine or a restore create it."""
    name = tmp_path / "made-by-django.sqlite3"
    wrapper = DatabaseWrapper(
        {
            **connection.settings_dict,
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(name),
            "OPTIONS": settings.SQLITE_OPTIONS,
        },
        alias="private-files-test",
    )
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
            cursor.execute("PRAGMA synchronous")
            assert cursor.fetchone()[0] == 2  # FULL: a commit is on disk when it returns
        for path in (name, f"{name}-wal", f"{name}-shm"):
            assert mode(path) == 0o600, path
    finally:
        wrapper.close()


def test_sqlite_runs_with_synchronous_full():
    assert "PRAGMA synchronous=FULL" in settings.SQLITE_OPTIONS["init_command"]
    if connection.vendor == "sqlite":
        assert settings.DATABASES["default"]["OPTIONS"] == settings.SQLITE_OPTIONS


def test_the_local_cache_lives_inside_the_private_folder(tmp_path, loose_umask):
    """diskcache writes its files with the umask's modes: the 700 folder keeps them private."""
    from diskcache import DjangoCache

    import undersigned.settings as site_settings

    location = Path(site_settings.CACHES["default"]["LOCATION"]).resolve()
    if site_settings.CACHES["default"]["BACKEND"] == "diskcache.DjangoCache":
        assert location.is_relative_to(Path(site_settings.VAR_DIR).resolve())
    var = tmp_path / "var"
    private_directory(var)
    cache = DjangoCache(str(var / "cache"), {})
    cache.set("pages:x", b"a page for staff")
    assert mode(var) == 0o700
    assert [path for path in (var / "cache").rglob("*") if path.is_file()]


@pytest.fixture
def var_dir(settings, tmp_path, monkeypatch, loose_umask):
    settings.VAR_DIR = tmp_path / "var"
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    monkeypatch.setenv("ADMIN_USERNAME", "admin")
    return settings.VAR_DIR


@pytest.mark.django_db
def test_a_new_admin_password_is_shown_once_on_the_terminal_and_kept_in_a_600_file(var_dir):
    username, password, created = admin_account_ensure()
    assert created
    assert password
    kept = var_dir / "admin-password.txt"
    assert kept.read_text().strip() == password
    assert mode(kept) == 0o600
    assert get_user_model().objects.get(username="admin").check_password(password)

    out, screen = io.StringIO(), io.StringIO()
    screen.close = lambda: None  # read it afterwards
    admin_login_show(
        username=username, password=password, created=created, out=out, terminal=lambda: screen
    )
    assert password in screen.getvalue()
    assert password not in out.getvalue()

    # The next start neither returns nor prints it: the file says where it is.
    username, again, created = admin_account_ensure()
    assert (again, created) == ("", False)
    out = io.StringIO()
    admin_login_show(username=username, password=again, created=created, out=out)
    assert password not in out.getvalue()
    assert str(kept) in out.getvalue()


@pytest.mark.django_db
def test_without_a_terminal_the_password_stays_in_its_file(var_dir):
    username, password, created = admin_account_ensure()
    out = io.StringIO()
    admin_login_show(
        username=username, password=password, created=created, out=out, terminal=lambda: None
    )
    assert password not in out.getvalue()
    assert "admin-password.txt" in out.getvalue()
