"""Full-text search over statements in all three languages, on SQLite (FTS5) and PostgreSQL.

Each statement has one SearchDocument per translation holding its title, its body as plain text
and its signatories' names. The database indexes them itself (see migrations 0004 and 0006):
the whole documents, and the titles alone in a small index of their own. This module keeps the
documents up to date and runs ranked queries with highlighted snippets.

A search does a bounded amount of work, however common the words: a word in half the documents
would otherwise have every match scored (reading its whole text or vector) and counted.

- The statements whose title matches come first, best title match first (bm25 on the title
  index; ts_rank over the title's own vector, stored in the row). Their number is small even
  for a common word, and a word in the title says more than many in the body.
- The other matches follow, read in the index's own order without sorting (SQLite: newest
  document first; PostgreSQL: the order of the GIN bitmap). When the title matches do not fill
  the page asked for, the first SCORED_OTHERS of them are ranked by relevance over the whole
  document (bm25 weighting the title 10, the names 4 and the body 1; ts_rank with the weights
  A title, B names, C body); any further ones follow in the index's order.
- Reading stops at RANKED_AT_MOST statements (a hundred, ten pages): up to there the total is
  exact, past it the page says "more than" that many (`more`) and shows no further pages. The
  API's list of ids reads on to IDS_AT_MOST.

Whether a statement may be found is kept in its documents (`searchable_from`, see
search_searchable_from), so that a match is kept or dropped without looking its statement up:
the statement is joined only for a filter on its categories or its year.
"""

import re
import threading
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from functools import lru_cache, partial

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from undersigned.core.languages import LANGUAGE_CODES
from undersigned.core.text import markdown_to_text
from undersigned.organizations.models import Organization, OrganizationAlias
from undersigned.statements.models import SearchDocument, Statement, StatementTranslation

_START, _STOP = "\x02", "\x03"  # highlight markers that cannot occur in statement text
_WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_TERMS = 12


def _organization_names(statement_id: int) -> list[str]:
    """Every name of the statement's signatories and publishers, in every language, once.

    The signatories (signatures.Signatory) through the registry's relation: signatures sits
    above statements.
    """
    organizations = Organization.objects.filter(
        Q(signatures__statement_id=statement_id) | Q(published_statements__id=statement_id)
    ).distinct()
    names: list[str] = []
    for own in organizations.order_by("pk").values_list("name", "name_en", "name_hy", "name_ru"):
        names += [name for name in own if name]
    aliases = OrganizationAlias.objects.filter(organization__in=organizations, is_acronym=False)
    names += aliases.order_by("pk").values_list("name", flat=True)
    return list(dict.fromkeys(names))


def search_searchable_from(statement: Statement):
    """When the statement may be found: never (None) unless open, published or closed.

    As Statement.objects.visible() without the withdrawn: an open statement at once (since it
    was created), a published or closed one from its date of publication, which may still be
    to come (scheduled): the search compares it with the time of the search.
    """
    if statement.status == Statement.Status.OPEN:
        return statement.created_at
    if statement.status in (Statement.Status.PUBLISHED, Statement.Status.CLOSED):
        return statement.published_at
    return None


def search_visibility_update(statement: Statement) -> None:
    """Bring the documents' `searchable_from` in step with the statement's status and date."""
    value = search_searchable_from(statement)
    documents = SearchDocument.objects.filter(statement_id=statement.pk)
    # Only the documents that differ: on SQLite an update rewrites the full-text entries.
    if value is None:
        documents = documents.filter(searchable_from__isnull=False)
    else:
        documents = documents.exclude(searchable_from=value)
    documents.update(searchable_from=value)


def search_index_statement(*, statement_id: int) -> None:
    """Rewrite the statement's search documents from its translations and signatories."""
    statement = Statement.objects.filter(pk=statement_id).first()
    if statement is None:
        return
    searchable_from = search_searchable_from(statement)
    translations = list(StatementTranslation.objects.filter(statement_id=statement_id))
    names = " · ".join(_organization_names(statement_id))
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
                defaults={
                    "title": translation.title,
                    "body": body,
                    "signatories": names,
                    "searchable_from": searchable_from,
                },
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
    # More statements match than were counted: `total` is then RANKED_AT_MOST, a lower bound.
    more: bool = False


# The search page counts and ranks at most this many statements; past them it says "more
# than". Counting further costs a document read for each one (a thousand took 26 ms on
# PostgreSQL for a common word, see docs/performance.md), ten pages are more than anyone reads.
RANKED_AT_MOST = 100
# The API's search lists up to this many statements' ids, for its own filters and pages.
IDS_AT_MOST = 1000
# After the title matches, this many other statements are scored, the first the index yields.
SCORED_OTHERS = 100


def _terms(query: str) -> list[str]:
    # lower(), not casefold(): casefold splits the Armenian ligature "և" into two letters.
    return _WORD.findall(query.lower())[:MAX_QUERY_TERMS]


def _highlight(text: str) -> SafeString:
    return mark_safe(escape(text).replace(_START, "<mark>").replace(_STOP, "</mark>"))


def _filter_sql(filters: dict) -> tuple[str, str, list]:
    """Return the join to the statements `s` a filter needs, the WHERE clauses, their parameters.

    The documents say themselves whether they may be found now; the statement is joined only
    to filter on its categories or its year.
    """
    clauses = ["d.searchable_from <= %s"]
    params: list = [connection.ops.adapt_datetimefield_value(timezone.now())]
    if filters.get("language"):
        clauses.append("d.language = %s")
        params.append(filters["language"])
    if filters.get("category_id"):
        # Asked per match found, not as a list: SQLite would look every listed statement up
        # in the document index for each match.
        clauses.append(
            "EXISTS (SELECT 1 FROM statements_statement_categories c "
            "WHERE c.statement_id = s.id AND c.category_id = %s)"
        )
        params.append(filters["category_id"])
    if filters.get("year"):
        # Compared as a date range so that both engines can use the index on published_at.
        clauses.append("s.published_at >= %s AND s.published_at < %s")
        year = filters["year"]
        end = f"{year + 1:04d}-01-01" if year < 9999 else "9999-12-31 23:59:59.999999"
        params += [f"{year:04d}-01-01", end]
    joined = filters.get("category_id") or filters.get("year")
    join = "JOIN statements_statement s ON s.id = d.statement_id" if joined else ""
    return join, " AND ".join(clauses), params


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
    ranked, total, more = _search_ranked(terms, filters or {}, offset, limit, RANKED_AT_MOST)
    if not ranked:
        return SearchResults(query=query, hits=[], total=total, more=more)
    statements = Statement.objects.with_signatory_count().in_bulk(
        [statement_id for statement_id, _rank in ranked]
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
    return SearchResults(query=query, hits=hits, total=total, more=more)


def _search_ranked(terms: list[str], filters: dict, offset: int, limit: int, at_most: int):
    """Rank the matching statements on this database's engine: (ranked, total, more)."""
    join, where, params = _filter_sql(filters)
    if connection.vendor == "postgresql":
        planned, text = _index_preferred(), _pg_text(terms)
        titles, everywhere = _postgres_titles, _postgres_everywhere
    else:
        planned, text = nullcontext(), _fts5_query(terms)
        titles, everywhere = _sqlite_titles, _sqlite_everywhere
    with planned, connection.cursor() as cursor:
        search = (cursor, text, join, where, params)
        return _ranked(
            partial(titles, *search), partial(everywhere, *search), offset, limit, at_most
        )


def search_statement_ids(*, query: str, filters: dict | None = None) -> list[int]:
    """Return the ids of matching statements, best first, at most IDS_AT_MOST of them."""
    terms = _terms(query)
    if not terms:
        return []
    ranked, _total, _more = _search_ranked(terms, filters or {}, 0, IDS_AT_MOST, IDS_AT_MOST)
    return [statement_id for statement_id, _rank in ranked]


def _ranked(
    titles, everywhere, offset: int, limit: int, at_most: int
) -> tuple[list[tuple[int, float]], int, bool]:
    """Return the page's (statement id, rank), how many statements match, whether more do.

    `titles(count)` returns up to `count` statements whose title matches, with their scores;
    `everywhere(count, scored)` up to `count` statements matching anywhere, in the index's
    order, the first `scored` of them with their scores and the rest with None.
    """
    titled = titles(at_most + 1)
    scored: dict[int, float] = {}
    others: list[int] = []
    if len(titled) <= at_most:
        # Other matches are scored only when the title matches do not fill the page.
        window = len(titled) + SCORED_OTHERS if len(titled) < offset + limit else 0
        for pk, score in everywhere(at_most + 1, window).items():
            if pk in titled:
                continue
            if score is None or len(scored) == SCORED_OTHERS:
                others.append(pk)
            else:
                scored[pk] = score
    # Title matches first, ranked 1 and more; then the scored others below 1 (a score s >= 0
    # maps to [0, 1)); then the rest, at 0, in the index's order.
    order = [
        (pk, tier + score / (1 + score))
        for tier, scores in ((1, titled), (0, scored))
        for pk, score in sorted(scores.items(), key=lambda item: (-item[1], -item[0]))
    ] + [(pk, 0.0) for pk in others]
    matching = len(order)
    return (
        order[:at_most][offset : offset + limit],
        min(matching, at_most),
        matching > at_most,
    )


@dataclass
class _Found:
    """Matching statements read from (statement id, document id, score) rows, in their order."""

    scores: dict[int, float | None] = field(default_factory=dict)
    documents: dict[int, list[int]] = field(default_factory=dict)
    last_document: int | None = None

    def read(self, cursor, count: int) -> bool:
        """Read rows until `count` statements are found; return whether the rows ran out first."""
        while rows := cursor.fetchmany(max(count - len(self.scores), 100)):
            for statement_id, document_id, score in rows:
                if statement_id not in self.scores:
                    if len(self.scores) == count:
                        return False
                    self.scores[statement_id] = score
                    self.documents[statement_id] = []
                elif score is not None and score > (self.scores[statement_id] or 0.0):
                    self.scores[statement_id] = score
                self.documents[statement_id].append(document_id)
                self.last_document = document_id
        return True


# A statement has at most one document per language: this many documents hold `count` statements.
def _documents_for(count: int) -> int:
    return count * len(LANGUAGE_CODES)


# SQLite: FTS5 with bm25 and the Porter stemmer, which knows English only. Armenian and Russian
# words change at the end: a long one matches as a prefix without its last letters. An English
# word matches by its stem, as on PostgreSQL, never as a prefix: FTS5 reads a term's matches
# newest first and stops at the LIMIT, but a prefix's only after merging those of every word it
# begins ("union"* took 5.9 ms on the bench corpus, "union" 0.2, with the same matches).
_LATIN = re.compile(r"^[a-z0-9_]+$")


def _fts5_term(term: str) -> str:
    if not _LATIN.match(term) and len(term) >= 5:
        return f'"{term[: -1 if len(term) <= 6 else -2]}"*'
    return f'"{term}"'


def _fts5_query(terms: list[str]) -> str:
    return " ".join(_fts5_term(term) for term in terms)


def _sqlite_matches(cursor, table, score, match, join, where, params, count, below=None):
    # FTS5 yields its matches newest document first without sorting, and computes bm25 only
    # for the rows read; each one's document gives its statement and whether it may be found.
    cursor.execute(
        f"""SELECT d.statement_id, f.rowid, {score}
            FROM {table} f
            JOIN statements_searchdocument d ON d.id = f.rowid
            {join}
            WHERE {table} MATCH %s AND {where} {"" if below is None else "AND f.rowid < %s"}
            ORDER BY f.rowid DESC LIMIT %s""",  # noqa: S608 - only our own clauses
        [match, *params, *([] if below is None else [below]), _documents_for(count)],
    )


def _sqlite_titles(cursor, match, join, where, params, count):
    # bm25 is lower for better matches; turn it into "higher is better".
    table = "statements_search_title_fts"
    _sqlite_matches(cursor, table, f"-bm25({table})", match, join, where, params, count)
    found = _Found()
    found.read(cursor, count)
    return found.scores


def _sqlite_everywhere(cursor, match, join, where, params, count, scored):
    table = "statements_search_fts"
    found = _Found()
    if scored:
        score = f"-bm25({table}, 10.0, 1.0, 4.0)"
        _sqlite_matches(cursor, table, score, match, join, where, params, scored)
        if found.read(cursor, scored):
            return found.scores
    # The rest unscored, from where the scored ones stopped.
    _sqlite_matches(
        cursor, table, "NULL", match, join, where, params, count, below=found.last_document
    )
    found.read(cursor, count)
    return found.scores


# PostgreSQL: the words as each configuration the documents are indexed in reads them (English
# and Russian stems, the word itself for Armenian), one tsquery the GIN index serves for all.
_PG_CONFIGS = ("english", "russian", "simple")
_PG_QUERY = "%s::tsquery"


@lru_cache(maxsize=4096)
def _pg_readings(words: str) -> tuple[str, ...]:
    """Return the words as a tsquery in each configuration ('' where all are stop words)."""
    readings = ", ".join(f"websearch_to_tsquery('{config}', %s)::text" for config in _PG_CONFIGS)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {readings}", [words] * len(_PG_CONFIGS))
        return tuple(cursor.fetchone())


def _pg_text(terms: list[str]) -> str:
    """One tsquery for the words in every configuration, each word's readings OR-ed once.

    "human rights" reads 'human' & 'right' in English and Russian and 'human' & 'rights' as it
    is: asked as 'human' & ('right' | 'rights'), the GIN index builds its bitmap in about half
    the time it takes for the three configurations' queries OR-ed whole, which repeat the same
    readings (docs/performance.md). A word that some configuration drops (a stop word there)
    is required by none, as that configuration's own query would not require it; when every
    word is dropped so, the configurations' queries are OR-ed whole.
    """
    words = []
    for term in terms:
        readings = _pg_readings(term)
        if "" in readings:
            continue
        distinct = list(dict.fromkeys(readings))
        words.append(distinct[0] if len(distinct) == 1 else " | ".join(distinct))
    if not words:
        return " | ".join(f"( {reading} )" for reading in _pg_readings(" ".join(terms)) if reading)
    return " & ".join(f"( {word} )" for word in words)


@contextmanager
def _index_preferred():
    """Have PostgreSQL find the matches through the GIN index, even for a common word.

    The planner counts a vector as cheap to read, but a document's vector is compressed and
    stored out of line: for a common word it would rather read the documents one by one in
    some index's order, testing (and decompressing) each vector, to stop early at the limit,
    than build the GIN index's bitmap first, which makes such a search ten times slower. The
    documents found are then few: each one's statement is looked up, not hashed or merged
    with every statement, and one process does it all. Inside someone else's transaction the
    settings would outlive the search, so there the planner decides alone.
    """
    if connection.in_atomic_block:
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT "
            + ", ".join(
                f"set_config('{name}', '{value}', true)"
                for name, value in (
                    ("enable_seqscan", "off"),
                    ("enable_indexscan", "off"),
                    ("enable_hashjoin", "off"),
                    ("enable_mergejoin", "off"),
                    ("max_parallel_workers_per_gather", "0"),
                )
            )
        )
        yield


def _postgres_matches(vector, score, text, join, where, params, count) -> _Found:
    # The documents come in the order of the index's bitmap; a cursor on the server stops the
    # scan once `count` statements are read.
    found = _Found()
    selected = "NULL::real" if score is None else score
    with connection.chunked_cursor() as lazy:
        lazy.execute(
            f"""SELECT d.statement_id, d.id, {selected}
                FROM statements_searchdocument d
                {join}
                WHERE {vector} @@ {_PG_QUERY} AND {where}
                LIMIT %s""",  # noqa: S608 - only our own clauses
            [text] * (1 if score is None else 2) + params + [_documents_for(count)],
        )
        found.read(lazy, count)
    return found


def _postgres_titles(cursor, text, join, where, params, count):
    score = f"ts_rank(d.title_vector, {_PG_QUERY})"
    found = _postgres_matches("d.title_vector", score, text, join, where, params, count)
    return {pk: float(score) for pk, score in found.scores.items()}


def _postgres_everywhere(cursor, text, join, where, params, count, scored):
    found = _postgres_matches("d.vector", None, text, join, where, params, count)
    if scored:
        # Only the first statements' vectors are read to score them, by their documents' ids.
        documents = [
            pk for statement in list(found.documents)[:scored] for pk in found.documents[statement]
        ]
        cursor.execute(
            f"""SELECT d.statement_id, ts_rank(d.vector, {_PG_QUERY})
                FROM statements_searchdocument d WHERE d.id = ANY(%s)""",  # noqa: S608 - ours
            [text, documents],
        )
        for statement_id, score in cursor.fetchall():
            found.scores[statement_id] = max(float(score), found.scores[statement_id] or 0.0)
    return found.scores


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
