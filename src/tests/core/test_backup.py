"""`undersigned backup` and `undersigned restore`: every confirmed signature comes back."""

import os
import stat
from datetime import UTC, datetime

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from undersigned.signatures.models import Signatory, Supporter
from undersigned.statements.models import Statement

SIGNATORIES = """
    SELECT s.id, st.slug, o.name FROM signatures_signatory s
    JOIN statements_statement st ON st.id = s.statement_id
    JOIN organizations_organization o ON o.id = s.organization_id
"""
SUPPORTERS = "SELECT id, email FROM signatures_supporter WHERE confirmed_at IS NOT NULL"


def rows(cursor_source, query: str) -> set[tuple]:
    with cursor_source.cursor() as cursor:
        cursor.execute(query)
        return set(cursor.fetchall())


@pytest.fixture
def signed_statements(statement_factory, signatory_factory):
    """Three statements with four organisations each, and confirmed and pending supporters."""
    for number in range(3):
        statement = statement_factory(slug=f"statement-kept-{number}")
        for _ in range(4):
            signatory_factory(statement=statement)
        for person in range(2):
            Supporter.objects.create(
                statement=statement,
                name=f"Supporter {number}-{person}",
                place="Gyumri",
                email=f"supporter{number}-{person}@example.am",
                language="hy",
                confirmed_at=datetime(2026, 5, 1, tzinfo=UTC) if person == 0 else None,
            )
    return rows(connection, SIGNATORIES), rows(connection, SUPPORTERS)


def wipe() -> None:
    Supporter.objects.all().delete()
    Signatory.objects.all().delete()
    Statement.objects.all().delete()
    assert not Signatory.objects.exists()


@pytest.fixture
def scratch_database():
    """On PostgreSQL, an empty database of our own beside the test database, dropped after."""
    if connection.vendor != "postgresql":
        yield ""
        return
    settings_dict = connection.settings_dict
    name = f"{settings_dict['NAME'].removeprefix('test_')}_restore"
    server = {
        "host": settings_dict["HOST"] or None,
        "port": settings_dict["PORT"] or None,
        "user": settings_dict["USER"] or None,
        "password": settings_dict["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    user = settings_dict["USER"] or ""
    password = f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else ""
    host = settings_dict["HOST"] or "localhost"
    port = settings_dict["PORT"] or 5432
    yield f"postgres://{user}{password}@{host}:{port}/{name}"
    with psycopg.connect(**server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_a_backup_wiped_and_restored_brings_back_every_confirmed_signature(
    signed_statements, scratch_database, tmp_path
):
    signatories, supporters = signed_statements
    assert len(signatories) == 12
    assert len(supporters) == 3
    path = tmp_path / "site.backup"
    call_command("backup", str(path))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600

    wipe()
    if connection.vendor == "sqlite":
        call_command("restore", str(path), yes=True)
        assert rows(connection, SIGNATORIES) == signatories
        assert rows(connection, SUPPORTERS) == supporters
        assert Signatory.objects.count() == 12
    else:
        # Into a database of its own: the test database of others is never touched.
        call_command("restore", str(path), yes=True, database_url=scratch_database)
        with psycopg.connect(scratch_database.replace("postgres://", "postgresql://")) as restored:
            assert rows(restored, SIGNATORIES) == signatories
            assert rows(restored, SUPPORTERS) == supporters
        # A second restore over the restored content (--clean) leaves the same rows.
        call_command("restore", str(path), yes=True, database_url=scratch_database)
        with psycopg.connect(scratch_database.replace("postgres://", "postgresql://")) as restored:
            assert rows(restored, SIGNATORIES) == signatories


@pytest.mark.django_db
def test_a_file_that_is_no_backup_is_refused_and_nothing_changes(signed_statements, tmp_path):
    signatories, _supporters = signed_statements
    junk = tmp_path / "notes.txt"
    junk.write_text("not a backup")
    with pytest.raises(CommandError, match="neither a SQLite backup nor a pg_dump"):
        call_command("restore", str(junk), yes=True)
    assert rows(connection, SIGNATORIES) == signatories


@pytest.mark.django_db
def test_a_restore_must_be_confirmed(signed_statements, tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(CommandError, match="add --yes"):
        call_command("restore", str(tmp_path / "any.backup"))


@pytest.mark.django_db
def test_a_backup_of_the_other_kind_of_database_is_refused(signed_statements, tmp_path):
    other = tmp_path / "other.backup"
    if connection.vendor == "sqlite":
        other.write_bytes(b"PGDMP\x01\x0e\x00")
        expected = "is a postgresql backup"
    else:
        other.write_bytes(b"SQLite format 3\x00" + bytes(100))
        expected = "is a sqlite backup"
    with pytest.raises(CommandError, match=expected):
        call_command("restore", str(other), yes=True)
