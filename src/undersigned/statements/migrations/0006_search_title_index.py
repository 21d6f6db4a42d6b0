"""A small full-text index over the titles alone, and narrow rows to find the matches in.

A search ranks the statements whose title matches first, by how well the title matches (see
statements/search.py): that needs an index of its own, a few hundred entries for a word that
the full index holds in tens of thousands of documents. Counting and gathering matches must
not read every document's text either: on SQLite a covering index gives a document's statement
and language without reading its long row; on PostgreSQL long values move out of the row
(toast_tuple_target) so that a row found through the index is a short read.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE statements_search_title_fts USING fts5(
        title,
        content='statements_searchdocument', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    "INSERT INTO statements_search_title_fts(statements_search_title_fts) VALUES('rebuild')",
    """CREATE TRIGGER statements_search_title_ai AFTER INSERT ON statements_searchdocument BEGIN
        INSERT INTO statements_search_title_fts(rowid, title) VALUES (new.id, new.title);
    END""",
    """CREATE TRIGGER statements_search_title_ad AFTER DELETE ON statements_searchdocument BEGIN
        INSERT INTO statements_search_title_fts(statements_search_title_fts, rowid, title)
        VALUES ('delete', old.id, old.title);
    END""",
    """CREATE TRIGGER statements_search_title_au AFTER UPDATE ON statements_searchdocument BEGIN
        INSERT INTO statements_search_title_fts(statements_search_title_fts, rowid, title)
        VALUES ('delete', old.id, old.title);
        INSERT INTO statements_search_title_fts(rowid, title) VALUES (new.id, new.title);
    END""",
    # statement_id is the row's last column, after the long body: reached through this index.
    """CREATE INDEX statements_searchdocument_found
        ON statements_searchdocument (id, statement_id, language)""",
]
SQLITE_BACKWARD = [
    "DROP INDEX IF EXISTS statements_searchdocument_found",
    "DROP TRIGGER IF EXISTS statements_search_title_au",
    "DROP TRIGGER IF EXISTS statements_search_title_ad",
    "DROP TRIGGER IF EXISTS statements_search_title_ai",
    "DROP TABLE IF EXISTS statements_search_title_fts",
]

_TITLE = (
    "CASE language WHEN 'en' THEN to_tsvector('english'::regconfig, title) "
    "WHEN 'ru' THEN to_tsvector('russian'::regconfig, title) "
    "ELSE to_tsvector('simple'::regconfig, title) END"
)

POSTGRES_FORWARD = [
    # One statement, one rewrite of the table: the new column, kept in the row (it is small
    # and read for every title match), and every long value moved out of it.
    f"""ALTER TABLE statements_searchdocument
        ADD COLUMN title_vector tsvector GENERATED ALWAYS AS (setweight({_TITLE}, 'A')) STORED,
        ALTER COLUMN title_vector SET STORAGE MAIN,
        SET (toast_tuple_target = 128)""",
    """CREATE INDEX statements_search_title_gin
        ON statements_searchdocument USING gin (title_vector)""",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS statements_search_title_gin",
    """ALTER TABLE statements_searchdocument DROP COLUMN IF EXISTS title_vector,
        RESET (toast_tuple_target)""",
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
    dependencies = [("statements", "0005_statement_signon_auto_approve")]

    operations = [migrations.RunPython(forward, backward)]
