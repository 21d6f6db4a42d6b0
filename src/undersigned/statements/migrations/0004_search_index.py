"""The full-text index over SearchDocument, in each database's own engine."""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE statements_search_fts USING fts5(
        title, body, signatories,
        content='statements_searchdocument', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER statements_search_ai AFTER INSERT ON statements_searchdocument BEGIN
        INSERT INTO statements_search_fts(rowid, title, body, signatories)
        VALUES (new.id, new.title, new.body, new.signatories);
    END""",
    """CREATE TRIGGER statements_search_ad AFTER DELETE ON statements_searchdocument BEGIN
        INSERT INTO statements_search_fts(statements_search_fts, rowid, title, body, signatories)
        VALUES ('delete', old.id, old.title, old.body, old.signatories);
    END""",
    """CREATE TRIGGER statements_search_au AFTER UPDATE ON statements_searchdocument BEGIN
        INSERT INTO statements_search_fts(statements_search_fts, rowid, title, body, signatories)
        VALUES ('delete', old.id, old.title, old.body, old.signatories);
        INSERT INTO statements_search_fts(rowid, title, body, signatories)
        VALUES (new.id, new.title, new.body, new.signatories);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS statements_search_au",
    "DROP TRIGGER IF EXISTS statements_search_ad",
    "DROP TRIGGER IF EXISTS statements_search_ai",
    "DROP TABLE IF EXISTS statements_search_fts",
]


def _config(column: str) -> str:
    # Constant configurations keep the expression immutable, as a generated column needs.
    return (
        "CASE language WHEN 'en' THEN to_tsvector('english'::regconfig, {c}) "
        "WHEN 'ru' THEN to_tsvector('russian'::regconfig, {c}) "
        "ELSE to_tsvector('simple'::regconfig, {c}) END"
    ).format(c=f"coalesce({column}, '')")


POSTGRES_FORWARD = [
    f"""ALTER TABLE statements_searchdocument ADD COLUMN vector tsvector
        GENERATED ALWAYS AS (
            setweight({_config("title")}, 'A')
            || setweight({_config("signatories")}, 'B')
            || setweight({_config("body")}, 'C')
        ) STORED""",
    "CREATE INDEX statements_search_vector_gin ON statements_searchdocument USING gin (vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS statements_search_vector_gin",
    "ALTER TABLE statements_searchdocument DROP COLUMN IF EXISTS vector",
]


def forward(apps, schema_editor):
    statements = {"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}.get(
        schema_editor.connection.vendor, []
    )
    for sql in statements:
        schema_editor.execute(sql)


def backward(apps, schema_editor):
    statements = {"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}.get(
        schema_editor.connection.vendor, []
    )
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("statements", "0003_search_document")]

    operations = [migrations.RunPython(forward, backward)]
