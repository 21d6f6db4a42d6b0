"""Safe upgrades: refuse to serve an unmigrated database; flag migrations rewriting big tables.

A migration that rewrites a table holding every sign-up locks it (PostgreSQL: ALTER TABLE …
TYPE, or a RunPython touching each row in one transaction; SQLite: every AlterField copies the
whole table) for as long as it runs: the site stops taking signatures. Such operations on the
tables below are flagged, with how to batch them, by `risky_operations`; the test suite fails
when a migration added since the previous release has one that nobody acknowledged
(src/tests/operations/test_upgrade.py).
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.migration import Migration
from django.db.models.fields import NOT_PROVIDED

from undersigned.operations.health import unapplied_migrations

# Tables that grow with the site's use: one row per sign-up, mail, supporter, audit event, task.
BIG_TABLES = frozenset(
    {
        ("signatures", "signonrequest"),
        ("signatures", "signatory"),
        ("signatures", "signontoken"),
        ("signatures", "outboundemail"),
        ("signatures", "supporter"),
        ("core", "auditentry"),
        ("core", "outgoingmail"),  # the outbox (core.OutgoingMail)
        ("engagement", "comment"),
        ("engagement", "subscriber"),
        ("django_tasks_db", "dbtaskresult"),
    }
)

GUIDANCE = {
    "RunPython": (
        "update the rows in batches of about 1000, each in its own transaction "
        "(operations.upgrades.rows_in_batches, and `atomic = False` on the migration), so "
        "sign-ups keep being written while it runs"
    ),
    "RunSQL": (
        "write the UPDATE in batches by primary-key range, or run it after the release "
        "from a management command; never one statement over the whole table"
    ),
    "AlterField": (
        "a type or constraint change rewrites the table (always on SQLite): add a new "
        "nullable column, fill it in batches, then switch over in a later release"
    ),
    "AddField": (
        "a column without db_default that is NOT NULL is filled row by row: add it "
        "nullable (or with db_default), fill it in batches, then make it required"
    ),
    "RemoveField": "SQLite copies the whole table: schedule it for a quiet hour",
    "RenameField": "SQLite copies the whole table: schedule it for a quiet hour",
}


@dataclass(frozen=True)
class RiskyOperation:
    """An operation of a migration that may rewrite or scan a big table, and what to do."""

    migration: str
    operation: str
    table: str
    guidance: str

    def __str__(self) -> str:
        return f"{self.migration}: {self.operation} on {self.table}: {self.guidance}"


def _touches(operation, app_label: str) -> list[str]:
    """Return the big tables (app.model) an operation changes, as far as can be told."""
    name = getattr(operation, "model_name", None)
    if name is not None:
        key = (app_label, name.lower())
        return [f"{key[0]}.{key[1]}"] if key in BIG_TABLES else []
    # RunPython and RunSQL name no model: whatever they do, they may read every big table of
    # their own app.
    return sorted(f"{app}.{model}" for app, model in BIG_TABLES if app == app_label)


def _is_risky(operation) -> bool:
    kind = type(operation).__name__
    if kind == "AddField":
        field = operation.field
        # Nullable, or filled by the database itself: no rewrite of existing rows.
        return not (field.null or field.db_default is not NOT_PROVIDED)
    return kind in GUIDANCE


def risky_operations(migration_list: list[Migration]) -> list[RiskyOperation]:
    """Return the operations of these migrations that rewrite or scan a big table."""
    found = []
    for migration in migration_list:
        for operation in migration.operations:
            if not _is_risky(operation):
                continue
            for table in _touches(operation, migration.app_label):
                found.append(
                    RiskyOperation(
                        migration=f"{migration.app_label}.{migration.name}",
                        operation=type(operation).__name__,
                        table=table,
                        guidance=GUIDANCE[type(operation).__name__],
                    )
                )
    return found


def migrations_since(previous: dict[str, str]) -> list[Migration]:
    """Return the project's migrations that a database at `previous` (app: leaf) lacks, in order."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    graph = loader.graph
    had = set()
    for app_label, name in previous.items():
        had.update(graph.forwards_plan((app_label, name)))
    wanted: dict[tuple[str, str], None] = {}
    for leaf in graph.leaf_nodes():
        for node in graph.forwards_plan(leaf):
            if node not in had and node[0] in previous:
                wanted[node] = None
    return [loader.get_migration(*node) for node in wanted]


def previous_release(path: Path) -> dict[str, str]:
    """Read a file naming each app's last migration in a release ({"app": "0003_name"})."""
    return json.loads(path.read_text())["leaf_migrations"]


def serving_refusal(*, production: bool) -> str | None:
    """Return why the site must not be served yet (production with unapplied migrations)."""
    if not production:
        return None
    pending = unapplied_migrations()
    if not pending:
        return None
    loader = MigrationLoader(None, ignore_no_migrations=True)
    risky = risky_operations([loader.get_migration(*name.split(".", 1)) for name in pending])
    lines = [
        f"The database lacks {len(pending)} migration(s) of this release: {', '.join(pending)}.",
        "In production they are not applied on start-up. Take a backup, then apply them:",
        "    undersigned backup && undersigned migrate",
        "and start the site again.",
    ]
    if risky:
        lines.append("These rewrite big tables and may take a while:")
        lines += [f"  - {item}" for item in risky]
    return "\n".join(lines)


def rows_in_batches(queryset, *, batch_size: int = 1000):
    """Yield the rows of a queryset in primary-key order, a batch at a time, each in a transaction.

    For data migrations over big tables (with `atomic = False` on the Migration):
        for batch in rows_in_batches(Model.objects.all()):
            for row in batch: ...; Model.objects.bulk_update(batch, ["field"])
    Each batch commits on its own, so the table is never locked for the whole run, and a run
    stopped half-way resumes where it was when the queryset skips rows already done.
    """
    last = None
    while True:
        page = queryset.order_by("pk")
        if last is not None:
            page = page.filter(pk__gt=last)
        with transaction.atomic():
            batch = list(page[:batch_size])
            if not batch:
                return
            yield batch
        last = batch[-1].pk
