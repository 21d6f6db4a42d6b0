"""Full-text search over statements in all three languages, on SQLite (FTS5) and PostgreSQL.

Each statement has one SearchDocument per translation holding its title, its body as plain text
and its signatories' names. The database indexes them itself (see migration 0004); this module
keeps the documents up to date and runs ranked queries with highlighted snippets.
"""

import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from undersigned.core.text import markdown_to_text
from undersigned.signatures.models import Signatory
from undersigned.statements.models import SearchDocument, Statement, StatementTranslation

SEARCHABLE_STATUSES = (Statement.Status.OPEN, Statement.Status.PUBLISHED, Statement.Status.CLOSED)
_START, _STOP = "\x02", "\x03"  # highlight markers that cannot occur in statement text
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_TERMS = 12


def search_index_statement(*, statement_id: int) -> None:
    """Rewrite the statement's search documents from its translations and signatories."""
    translations = list(StatementTranslation.objects.filter(statement_id=statement_id))
    names = " · ".join(
        Signatory.objects.filter(statement_id=statement_id)
        .order_by("position", "pk")
        .values_list("organization__name", flat=True)
    )
    with transaction.atomic():
        SearchDocument.objects.filter(statement_id=statement_id).exclude(
            language__in=[t.language for t in translations]
        ).delete()
        for translation in translations:
            body = " ".join(
                part for part in (translation.summary, markdown_to_text(translation.body)) if part
            )
            SearchDocument.objects.update_or_create(
                statement_id=statement_id,
                language=translation.language,
                defaults={"title": translation.title, "body": body, "signatories": names},
            )


class _ReindexBatch:
    """Statements to reindex when one transaction commits."""

    def __init__(self, statement_id: int):
        self.ids = {statement_id}

    def __call__(self) -> None:
        for pk in sorted(self.ids):
            if Statement.objects.filter(pk=pk).exists():
                search_index_statement(statement_id=pk)


_local = threading.local()


def search_index_later(*, statement_id: int) -> None:
    """Reindex the statement once when the current transaction commits, however often asked."""
    batch: _ReindexBatch | None = getattr(_local, "batch", None)
    connection_ = transaction.get_connection()
    # The batch is still waiting only while its callback is queued on this transaction; after
    # a commit or a rollback a new batch starts.
    if batch is not None and any(
        func is batch for _ids, func, _robust in connection_.run_on_commit
    ):
        batch.ids.add(statement_id)
        return
    batch = _local.batch = _ReindexBatch(statement_id)
    # Outside a transaction this runs at once; inside, after the commit (never on rollback).
    transaction.on_commit(batch)


def search_rebuild() -> int:
    """Reindex every statement; return how many."""
    ids = list(Statement.objects.values_list("pk", flat=True))
    for pk in ids:
        search_index_statement(statement_id=pk)
    return len(ids)


@dataclass(frozen=True)
class SearchHit:
    statement: Statement
    language: str
    title: SafeString
    snippet: SafeString
    rank: float


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: list[SearchHit]
    total: int


def _terms(query: str) -> list[str]:
    # lower(), not casefold(): casefold splits the Armenian ligature "և" into two letters.
    return _WORD.findall(query.lower())[:MAX_QUERY_TERMS]


def _highlight(text: str) -> SafeString:
    return mark_safe(escape(text).replace(_START, "<mark>").replace(_STOP, "</mark>"))


def _filter_sql(filters: dict) -> tuple[str, list]:
    """Return extra WHERE clauses over the statement table `s` and their parameters."""
    clauses = [f"s.status IN ({', '.join(['%s'] * len(SEARCHABLE_STATUSES))})"]
    params: list = [str(status) for status in SEARCHABLE_STATUSES]
    if filters.get("language"):
        clauses.append("d.language = %s")
        params.append(filters["language"])
    if filters.get("category_id"):
        clauses.append(
            "s.id IN (SELECT statement_id FROM statements_statement_categories "
            "WHERE category_id = %s)"
        )
        params.append(filters["category_id"])
    if filters.get("year"):
        # Compared as a date range so that both engines can use the index on published_at.
        clauses.append("s.published_at >= %s AND s.published_at < %s")
        params += [f"{filters['year']}-01-01", f"{filters['year'] + 1}-01-01"]
    return " AND ".join(clauses), params


def search_statements(
    *,
    query: str,
    reader_language: str,
    filters: dict | None = None,
    offset: int = 0,
    limit: int = 10,
) -> SearchResults:
    """Return statements matching the words, best first, with highlighted snippets."""
    terms = _terms(query)
    if not terms:
        return SearchResults(query=query, hits=[], total=0)
    where, params = _filter_sql(filters or {})
    if connection.vendor == "postgresql":
        ranked, total = _postgres_ranked(terms, where, params, offset, limit)
    else:
        ranked, total = _sqlite_ranked(terms, where, params, offset, limit)
    if not ranked:
        return SearchResults(query=query, hits=[], total=total)
    statements = (
        Statement.objects.with_signatory_count()
        .prefetch_related("categories")
        .in_bulk([statement_id for statement_id, _rank in ranked])
    )
    snippets = _snippets(terms, [pk for pk, _r in ranked], reader_language, filters or {})
    hits = []
    for statement_id, rank in ranked:
        language, title, snippet = snippets[statement_id]
        hits.append(
            SearchHit(
                statement=statements[statement_id],
                language=language,
                title=_highlight(title),
                snippet=_highlight(snippet),
                rank=rank,
            )
        )
    return SearchResults(query=query, hits=hits, total=total)


# SQLite: FTS5 with bm25 and the Porter stemmer, which knows English only. Armenian and Russian
# words change at the end: a long one matches as a prefix without its last letters.
_LATIN = re.compile(r"^[a-z0-9_]+$")


def _fts5_term(term: str, last: bool) -> str:
    if not _LATIN.match(term) and len(term) >= 5:
        return f'"{term[: -1 if len(term) <= 6 else -2]}"*'
    return f'"{term}"*' if last else f'"{term}"'


def _fts5_query(terms: list[str]) -> str:
    return " ".join(_fts5_term(term, i == len(terms) - 1) for i, term in enumerate(terms))


def _sqlite_ranked(terms, where, params, offset, limit):
    match = _fts5_query(terms)
    base = f"""
        FROM statements_search_fts f
        JOIN statements_searchdocument d ON d.id = f.rowid
        JOIN statements_statement s ON s.id = d.statement_id
        WHERE statements_search_fts MATCH %s AND {where}
    """
    with connection.cursor() as cursor:
        # One pass over the matches ranks them and counts the statements (the window runs
        # after the grouping). FTS5 allows bm25() only in the matching query itself: group over
        # a materialised result.
        cursor.execute(
            f"""WITH matched AS MATERIALIZED (
                    SELECT d.statement_id, bm25(statements_search_fts, 10.0, 1.0, 4.0) AS score
                    {base}
                )
                SELECT statement_id, min(score) AS rank, count(*) OVER () FROM matched
                GROUP BY statement_id ORDER BY rank, statement_id DESC LIMIT %s OFFSET %s""",  # noqa: S608 - only our own clauses
            [match, *params, limit, offset],
        )
        rows = cursor.fetchall()
        if rows:
            total = rows[0][2]
        else:  # past the last page (or nothing found): count on its own
            cursor.execute(f"SELECT count(DISTINCT d.statement_id) {base}", [match, *params])
            total = cursor.fetchone()[0]
    # bm25 is lower for better matches; turn it into "higher is better".
    return [(row[0], -row[1]) for row in rows], total


# PostgreSQL: one constant tsquery per configuration, OR-ed, so the GIN index serves them all.
_PG_QUERY = (
    "(websearch_to_tsquery('english', %s) || websearch_to_tsquery('russian', %s) "
    "|| websearch_to_tsquery('simple', %s))"
)


def _pg_text(terms: list[str]) -> str:
    return " ".join(terms)


@contextmanager
def _index_preferred():
    """Have PostgreSQL find the matches through the GIN index, even for a common word.

    The planner counts a vector as cheap to read, but a document's vector is compressed and
    stored out of line: for a word in a fifth of the documents it would rather read every
    document (and decompress every vector, matching or not) than go through the index, which
    makes such a search several times slower. Inside someone else's transaction the setting
    would outlive the search, so there the planner decides alone.
    """
    if connection.in_atomic_block:
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        yield


def _postgres_ranked(terms, where, params, offset, limit):
    text = _pg_text(terms)
    base = f"""
        FROM statements_searchdocument d
        JOIN statements_statement s ON s.id = d.statement_id
        WHERE d.vector @@ {_PG_QUERY} AND {where}
    """
    with _index_preferred(), connection.cursor() as cursor:
        # One pass ranks the matches and counts the statements (the window runs after the
        # grouping): every matching vector is read once, not once to count and again to rank.
        # ts_rank weighs the title (A), names (B) and body (C) as ts_rank_cd does, at half the
        # cost per match: it counts the words' weights rather than measuring their distances.
        cursor.execute(
            f"""SELECT d.statement_id, max(ts_rank(d.vector, {_PG_QUERY})) AS rank,
                    count(*) OVER ()
                {base} GROUP BY d.statement_id ORDER BY rank DESC, d.statement_id DESC
                LIMIT %s OFFSET %s""",
            [text] * 3 + [text] * 3 + params + [limit, offset],
        )
        rows = cursor.fetchall()
        if rows:
            total = rows[0][2]
        else:  # past the last page (or nothing found): count on its own
            cursor.execute(f"SELECT count(DISTINCT d.statement_id) {base}", [text] * 3 + params)
            total = cursor.fetchone()[0]
    return [(row[0], float(row[1])) for row in rows], total


def _snippets(terms, statement_ids, reader_language, filters):
    """Return (language, title, snippet) per statement, in the reader's language when it matches."""
    documents = SearchDocument.objects.filter(statement_id__in=statement_ids)
    if filters.get("language"):
        documents = documents.filter(language=filters["language"])
    chosen: dict[int, SearchDocument] = {}
    for document in documents:
        current = chosen.get(document.statement_id)
        if current is None or _preference(document, terms, reader_language) > _preference(
            current, terms, reader_language
        ):
            chosen[document.statement_id] = document
    return {pk: _snippet_of(chosen[pk], terms) for pk in statement_ids if pk in chosen}


def _preference(document: SearchDocument, terms: list[str], reader_language: str) -> tuple:
    text = f"{document.title} {document.body} {document.signatories}".lower()
    found = sum(1 for term in terms if term in text)
    return (found, document.language == reader_language, document.language == "en")


def _snippet_of(document: SearchDocument, terms: list[str], width: int = 240):
    """Mark the terms in the title and cut the body around the first match."""
    title = _mark(document.title, terms)
    for source in (document.body, document.signatories):
        folded = source.lower()
        positions = [folded.find(term) for term in terms if folded.find(term) >= 0]
        if positions:
            start = max(0, min(positions) - width // 3)
            if start:
                space = source.find(" ", start)
                start = space + 1 if 0 <= space < start + 30 else start
            piece = source[start : start + width]
            cut = piece.rfind(" ") if start + width < len(source) else len(piece)
            piece = piece[: cut if cut > width // 2 else len(piece)]
            prefix = "…" if start else ""
            suffix = "…" if start + len(piece) < len(source) else ""
            return document.language, title, prefix + _mark(piece, terms) + suffix
    return (
        document.language,
        title,
        document.body[:width] + ("…" if len(document.body) > width else ""),
    )


def _mark(text: str, terms: list[str]) -> str:
    """Wrap every occurrence of a term (or a word starting with it) in highlight markers."""
    if not terms:
        return text
    pattern = re.compile(
        r"(?<!\w)("
        + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
        + r")\w*",
        re.IGNORECASE,
    )
    return pattern.sub(lambda m: f"{_START}{m.group(0)}{_STOP}", text)
