"""Search over 100,000 statements and 1,000,000 signatories, on SQLite (FTS5) and PostgreSQL.

Run from the repository root: ``python bench/bench_search.py`` (``--statements``,
``--signatories``, ``--repeat`` change the sizes; ``--database sqlite`` or ``postgres`` runs one).
The corpus is generated from a fixed seed: statements in English, Armenian and Russian mixes
(real words of each language, frequent ones more often, see textgen.py), signed by 20,000
organisations. It is loaded in bulk, without signals: executemany in one transaction on SQLite,
COPY on PostgreSQL, the SearchDocument rows written directly and the full-text index built
once at the end (FTS5 'rebuild'; the GIN indexes created after the COPY).

Both are kept for the next run while the seed, the sizes, the generator and the migrations
are the same: the SQLite file under var/bench/, the PostgreSQL database undersigned_bench_search
(its comment names the corpus); ``--fresh`` generates them again. Each database runs in a
child process of its own, as Django's settings are per process. Every query of the mix is
timed through `search_statements()` as the search page calls it (ten hits with snippets),
after one warm-up pass.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
CACHE_DIR = ROOT / "var" / "bench"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
# BENCH_DB_PREFIX names the scratch databases (say, per person on a shared server).
PG_NAME = f"{os.environ.get('BENCH_DB_PREFIX', 'undersigned')}_bench_search"
SEED = 20260302

# (language of the reader, words typed): frequent and rare topics, phrases, places, names.
QUERIES = [
    ("en", "human rights"),
    ("en", "elections"),
    ("en", "journalists"),
    ("en", "freedom of expression"),
    ("en", "lake sevan mining"),
    ("en", "torture in detention"),
    ("en", "Gyumri"),
    ("en", "Youth Union"),
    ("en", "curfew"),
    ("en", "police violence protest"),
    ("hy", "մարդու իրավունքներ"),
    ("hy", "ընտրություններ"),
    ("hy", "լրագրողներ"),
    ("hy", "Սևան"),
    ("hy", "խոշտանգում"),
    ("hy", "Գյումրի"),
    ("hy", "կամուրջ"),
    ("hy", "ոստիկանություն բռնություն"),
    ("hy", "հանքարդյունաբերություն"),
    ("hy", "կանայք երեխաներ"),
    ("ru", "права человека"),
    ("ru", "выборы"),
    ("ru", "журналистов"),
    ("ru", "свобода слова"),
    ("ru", "Севан"),
    ("ru", "пытки заключенные"),
    ("ru", "Гюмри"),  # replaced below by the generator's own spelling
    ("ru", "комендантский час"),
    ("ru", "озера"),
    ("ru", "полиция насилие"),
]


def _spelled_places() -> None:
    """Spell the place queries as the generator spells them in each script."""
    import textgen

    gyumri = textgen.PLACES.index("Gyumri")
    for i, (language, words) in enumerate(QUERIES):
        if words in ("Gyumri", "Գյումրի", "Гюмри"):
            QUERIES[i] = (language, textgen.PLACE_NAMES[language][gyumri])


# Bump when the corpus below changes in a way the sizes and textgen.py do not show.
CORPUS_VERSION = 1


def fingerprint(args) -> str:
    """Identify a generated corpus: seed, sizes, generator and migrations (a new schema)."""
    migrations = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "src").glob("undersigned/*/migrations/0*.py")
    )
    material = (
        json.dumps([SEED, CORPUS_VERSION, args.statements, args.signatories, migrations])
        + (BENCH / "textgen.py").read_text()
    )
    return hashlib.blake2b(material.encode(), digest_size=8).hexdigest()


# --- the corpus ---


def corpus(args):
    """Yield the generated rows, table by table, the same for every database."""
    import textgen
    from bench_matching import make_registry

    rng = random.Random(SEED)
    registry = make_registry(20_000, rng)
    organizations = [(i + 1, org.name, org.place or "") for i, org in enumerate(registry)]

    mixes = [
        ("en",),
        ("hy",),
        ("ru",),
        ("en", "hy"),
        ("en", "ru"),
        ("hy", "ru"),
        ("en", "hy", "ru"),
    ]
    weights = [25, 15, 10, 15, 10, 5, 20]
    counts = [rng.randint(1, 19) for _ in range(args.statements)]
    # Exactly the number of signatories asked for, spread as drawn.
    while (difference := args.signatories - sum(counts)) != 0:
        i = rng.randrange(args.statements)
        counts[i] = max(1, counts[i] + (1 if difference > 0 else -1))

    statements, translations, documents, signatories = [], [], [], []
    statuses = ["published"] * 93 + ["closed"] * 3 + ["draft"] * 2 + ["withdrawn"] * 2
    start = 946_684_800  # 2000-01-01
    for i in range(args.statements):
        pk = i + 1
        status = rng.choice(statuses)
        published = None if status == "draft" else start + rng.randrange(26 * 365 * 86400)
        statements.append((pk, f"statement-{pk:06d}", status, published))
        signed = rng.sample(organizations, counts[i])
        names = " · ".join(org[1] for org in signed)
        signatories += [(statement_org[0], pk, n) for n, statement_org in enumerate(signed, 1)]
        for language in rng.choices(mixes, weights)[0]:
            title = textgen.title(rng, language)
            body = textgen.body(rng, language, rng.randint(60, 300))
            translations.append((pk, language, title, body))
            documents.append((pk, language, title, body, names))
    return organizations, statements, translations, documents, signatories


# --- load


def _rows(model, columns: dict[str, object], varying: list[str], values):
    """Return the table, its columns and full rows: constants for what does not vary."""
    from django.db import connection
    from django.utils import timezone

    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if not f.primary_key or f.attname in varying]
    constants = {}
    for field in fields:
        if field.attname in varying:
            continue
        if field.attname in columns:
            value = columns[field.attname]
        elif getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            value = now
        else:
            value = field.get_default()
        constants[field.attname] = field.get_db_prep_save(value, connection)
    positions = {name: i for i, name in enumerate(varying)}
    order = [(positions.get(f.attname), constants.get(f.attname)) for f in fields]
    rows = (
        tuple(constant if index is None else row[index] for index, constant in order)
        for row in values
    )
    return model._meta.db_table, [f.column for f in fields], rows


def load(args) -> dict:
    """Generate the corpus and load it into the (migrated, empty) database; return timings."""
    from datetime import UTC, datetime

    from django.db import connection, transaction

    from undersigned.organizations.models import Organization
    from undersigned.signatures.models import Signatory
    from undersigned.statements.models import SearchDocument, Statement, StatementTranslation

    started = time.perf_counter()
    organizations, statements, translations, documents, signatories = corpus(args)
    generated = time.perf_counter() - started

    published_field = Statement._meta.get_field("published_at")

    def published(ts):
        if ts is None:
            return None
        moment = datetime.fromtimestamp(ts, tz=UTC)
        return published_field.get_db_prep_save(moment, connection)

    searchable = {
        pk: published(ts)
        for pk, _slug, status, ts in statements
        if status in {"published", "closed"}
    }
    tables = [
        _rows(
            Organization,
            {},
            ["id", "name", "slug", "city"],
            ((pk, name, f"org-{pk}", city) for pk, name, city in organizations),
        ),
        _rows(
            Statement,
            {},
            ["id", "slug", "status", "published_at"],
            ((pk, slug, status, published(ts)) for pk, slug, status, ts in statements),
        ),
        _rows(
            StatementTranslation,
            {},
            ["statement_id", "language", "title", "body"],
            translations,
        ),
        _rows(
            SearchDocument,
            {},
            ["statement_id", "language", "title", "body", "signatories", "searchable_from"],
            # Whether it may be found, as statements.search.search_searchable_from (the corpus
            # has no open statements).
            ((*document, searchable.get(document[0])) for document in documents),
        ),
        _rows(Signatory, {}, ["organization_id", "statement_id", "position"], signatories),
    ]
    started = time.perf_counter()
    if connection.vendor == "postgresql":
        _load_postgres(tables)
    else:
        with connection.cursor() as cursor:
            # A file built from scratch needs no journal: a failed build is thrown away.
            cursor.execute("PRAGMA journal_mode=OFF")
            cursor.execute("PRAGMA synchronous=OFF")
        with transaction.atomic():
            _load_sqlite(tables)
    return {
        "generate_s": generated,
        "load_s": time.perf_counter() - started,
        "documents": len(documents),
        "statements": len(statements),
        "signatories": len(signatories),
    }


def _load_sqlite(tables) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        # The indexes are built once from all documents, not row by row through the triggers.
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
            "AND tbl_name = 'statements_searchdocument' AND name LIKE '%%_ai'"
        )
        triggers = cursor.fetchall()
        for name, _sql in triggers:
            cursor.execute(f"DROP TRIGGER {name}")
        for table, columns, rows in tables:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",  # noqa: S608
                list(rows),
            )
        for index in ("statements_search_fts", "statements_search_title_fts"):
            cursor.execute(f"INSERT INTO {index}({index}) VALUES('rebuild')")
            cursor.execute(f"INSERT INTO {index}({index}) VALUES('optimize')")
        for _name, sql in triggers:
            cursor.execute(sql)
        cursor.execute("ANALYZE")


def _load_postgres(tables) -> None:
    from django.db import connection

    connection.ensure_connection()
    raw = connection.connection
    raw.autocommit = True
    with raw.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '512MB'")
        # The GIN indexes are built once after the COPY, much faster than row by row.
        indexes = cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE tablename = 'statements_searchdocument' AND indexdef LIKE '%% USING gin %%'"
        ).fetchall()
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {name}")
        for table, columns, rows in tables:
            started = time.perf_counter()
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            print(f"COPY {table}: {time.perf_counter() - started:.1f} s", file=sys.stderr)
        started = time.perf_counter()
        for _name, definition in indexes:
            cursor.execute(definition)
        for table, _columns, _rows in tables:
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608 - ours
                f"(SELECT max(id) FROM {table}))"
            )
            cursor.execute(f"VACUUM ANALYZE {table}")
        print(f"index and vacuum: {time.perf_counter() - started:.1f} s", file=sys.stderr)


# --- measure ---


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _ticks(pid: int | str) -> int:
    """CPU time (user and system, in clock ticks) a process has used."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def _busy() -> int:
    with open("/proc/stat") as stat:
        ticks = [int(n) for n in stat.readline().split()[1:]]
    return sum(ticks) - ticks[3] - ticks[4]  # all but idle and iowait


def measure(args) -> dict:
    """Time every query of the mix `repeat` times; check that results come ranked."""
    from django.db import connection

    from undersigned.statements.search import search_statements

    for language, words in QUERIES:  # warm-up: caches, prepared plans, pages in memory
        search_statements(query=words, reader_language=language)
    # The machine is shared: the others' share of all cores while this measures (this process
    # and, on PostgreSQL, its server process are ours).
    ours = ["self"]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            ours.append(cursor.fetchone()[0])
    mark = (_busy(), sum(_ticks(pid) for pid in ours), time.monotonic())
    timings: dict[str, list[float]] = {words: [] for _language, words in QUERIES}
    totals, unranked = {}, []
    for _round in range(args.repeat):
        for language, words in QUERIES:
            started = time.perf_counter()
            results = search_statements(query=words, reader_language=language)
            timings[words].append((time.perf_counter() - started) * 1000)
            totals[words] = results.total
            ranks = [hit.rank for hit in results.hits]
            if ranks != sorted(ranks, reverse=True) and words not in unranked:
                unranked.append(words)
    elapsed = time.monotonic() - mark[2]
    others = (_busy() - mark[0]) - (sum(_ticks(pid) for pid in ours) - mark[1])
    others_share = max(0.0, others / (elapsed * os.sysconf("SC_CLK_TCK") * (os.cpu_count() or 1)))
    sample = search_statements(query="lake sevan mining", reader_language="en")
    slowest = max(timings, key=lambda words: percentile(timings[words], 0.95))
    return {
        "vendor": connection.vendor,
        "others": others_share,
        "load": os.getloadavg()[0],
        "timings": timings,
        "totals": totals,
        "unranked": unranked,
        "sample": [(hit.language, str(hit.title), round(hit.rank, 3)) for hit in sample.hits[:3]],
        "explained": explained(slowest) if connection.vendor == "postgresql" else [],
    }


def _heaviest(top: dict) -> str:
    """Name the plan node that spent the most time of its own (its children's excluded)."""

    def total(node: dict) -> float:
        return node.get("Actual Total Time", 0.0) * node.get("Actual Loops", 1)

    nodes, stack = [], [top]
    while stack:
        node = stack.pop()
        own = total(node) - sum(total(child) for child in node.get("Plans", []))
        nodes.append((own, node))
        stack += node.get("Plans", [])
    own, node = max(nodes, key=lambda item: item[0])
    where = f" on {node['Index Name']}" if "Index Name" in node else ""
    rows = node.get("Actual Rows", 0) * node.get("Actual Loops", 1)
    return f"{node['Node Type']}{where}: {own:.1f} ms of its own, {rows:,.0f} rows"


def explained(words: str) -> list[dict]:
    """Run EXPLAIN (ANALYZE, BUFFERS) on each query a search for the words makes (PostgreSQL)."""
    from django.db import connection

    from undersigned.statements import search

    captured: list[tuple[str, list]] = []

    def capture(execute, sql, params, many, context):
        captured.append((sql, params))
        return execute(sql, params, many, context)

    language = next(language for language, text in QUERIES if text == words)
    with connection.execute_wrapper(capture):
        search.search_statements(query=words, reader_language=language)
    plans = []
    for sql, params in captured:
        if not sql.lstrip().upper().startswith("SELECT") or "set_config" in sql:
            continue
        # The planner's settings of the search itself (search._index_preferred).
        with search._index_preferred(), connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + sql, params)
            plan = cursor.fetchone()[0]
        plan = plan[0] if isinstance(plan, list) else json.loads(plan)[0]
        top = plan["Plan"]
        plans.append(
            {
                "query": " ".join(sql.split())[:90],
                "ms": plan["Execution Time"],
                "rows": top.get("Actual Rows", 0),
                "hit": top.get("Shared Hit Blocks", 0),
                "read": top.get("Shared Read Blocks", 0),
                "heaviest": _heaviest(top),
            }
        )
    return plans


def child(args) -> int:
    """Prepare one database (reusing a cached SQLite file) and print the figures as JSON."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "undersigned.settings")
    loaded: dict = {}
    if args.database == "sqlite":
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        target = CACHE_DIR / f"search-{fingerprint(args)}.sqlite3"
        building = target.with_suffix(".building")
        if not target.exists():
            for stale in CACHE_DIR.glob("search-*.sqlite3*"):
                stale.unlink()
            building.unlink(missing_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{target if target.exists() else building}"
        django.setup()
        from django.core.management import call_command

        if not target.exists():
            call_command("migrate", verbosity=0)
            loaded = load(args)
            from django.db import connection

            connection.close()
            building.rename(target)
            os.environ["DATABASE_URL"] = f"sqlite:///{target}"
            from django.db import connections

            connections["default"].settings_dict["NAME"] = str(target)
        else:
            loaded = {"cached": str(target.relative_to(ROOT))}
    else:
        os.environ["DATABASE_URL"] = f"{PG_SERVER}/{PG_NAME}"
        django.setup()
        from django.core.management import call_command
        from django.db import connection

        if args.reuse:
            loaded = {"cached": f"database {PG_NAME}"}
        else:
            call_command("migrate", verbosity=0)
            loaded = load(args)
            with connection.cursor() as cursor:
                # Marks the corpus as complete: the next run reuses it.
                cursor.execute(f"COMMENT ON DATABASE {PG_NAME} IS '{fingerprint(args)}'")
    figures = measure(args)
    figures["loaded"] = loaded
    print(json.dumps(figures))
    return 0


def postgres_prepared(args) -> bool:
    """Return whether the database already holds this corpus; else make it empty, afresh."""
    import psycopg

    with psycopg.connect(f"{PG_SERVER.replace('postgres:', 'postgresql:')}/postgres") as c:
        c.autocommit = True
        row = c.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            [PG_NAME],
        ).fetchone()
        if row and row[0] == fingerprint(args) and not args.fresh:
            return True
        c.execute(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")
        c.execute(f"CREATE DATABASE {PG_NAME}")
        return False


# The targets (issue 17): p95 over every query of the mix, and each query's own p95.
TARGET_P95_MS = {"PostgreSQL": 15, "SQLite": 10}
TARGET_EVERY_MS = 30

# What EXPLAIN (ANALYZE, BUFFERS) showed on this corpus (2026-12-07, after the search came to
# count up to 100 and to keep whether a statement may be found in its documents); kept beside
# the figures it explains.
WHAT_HOLDS_POSTGRES = """\
What holds PostgreSQL (EXPLAIN (ANALYZE, BUFFERS), 2026-12-07): the GIN index's bitmap of \
every match, built before the first row comes, for queries whose titles match fewer than \
100 statements and whose words are common (“Youth Union”: no title match, 42,028 documents \
in the bitmap; “human rights”: 69,463 documents of 43,365 statements). Most of those match \
by their signatories' names, which every language's document of a statement repeats (63,625 \
of the 69,463 for “human rights”, 40,498 of the 42,028 for “Youth Union”). The bitmap's \
time grew with the query's size as well as with the matches: the three configurations' \
queries OR-ed whole ('human' & 'right' | 'human' & 'right' | 'human' & 'rights') took \
28 ms for “human rights” on a slow hour of this machine, each word's readings OR-ed once \
('human' & ('right' | 'rights'), as search.py now asks) 16 ms for the same 69,463 matches. \
A common word's page and count come from the title index alone (“озера”: 303 documents), and \
no match's statement is looked up (searchable_from). What would shrink the bitmap further: \
the names indexed once per statement instead of in each language's document (here 1.7 \
documents a statement: the names' entries to 59%), or not reading the other matches when \
the titles fill the page."""


def report(results: dict[str, dict], args) -> None:
    documents = next(
        (f["loaded"]["documents"] for f in results.values() if "documents" in f["loaded"]), None
    )
    print(
        f"{args.statements:,} statements ({f'{documents:,} ' if documents else ''}"
        f"search documents in en/hy/ru mixes) and {args.signatories:,} signatories of 20,000 "
        f"organisations, generated from seed {SEED}. {len(QUERIES)} queries "
        f"(ten in each language), each timed {args.repeat} times through search_statements() "
        "with ten ranked hits and snippets, after a warm-up pass."
    )
    print()
    print(
        "| database | load | others' CPU (load average) | p50 | p95 | p95 en | p95 hy | p95 ru "
        "| slowest query (p95) | target |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, figures in results.items():
        timings = figures["timings"]
        every = [t for values in timings.values() for t in values]
        by_language = {
            code: [t for language, words in QUERIES if language == code for t in timings[words]]
            for code in ("en", "hy", "ru")
        }
        slowest = max(timings, key=lambda words: percentile(timings[words], 0.95))
        loaded = figures["loaded"]
        load_text = (
            "kept from an earlier run"
            if "cached" in loaded
            else f"{loaded['generate_s']:.0f} s + {loaded['load_s']:.0f} s"
        )
        p95 = percentile(every, 0.95)
        target = TARGET_P95_MS["PostgreSQL" if name.startswith("PostgreSQL") else "SQLite"]
        worst = percentile(timings[slowest], 0.95)
        met = p95 <= target and worst < TARGET_EVERY_MS
        print(
            f"| {name} | {load_text} | {figures['others']:.0%} ({figures['load']:.1f}) "
            f"| {statistics.median(every):.1f} ms | {p95:.1f} ms "
            + "".join(f"| {percentile(by_language[c], 0.95):.1f} ms " for c in ("en", "hy", "ru"))
            + f"| {slowest} ({worst:.1f} ms, {figures['totals'][slowest]:,} found) "
            f"| {'met' if met else 'missed'}: p95 ≤ {target} ms, every query < "
            f"{TARGET_EVERY_MS} ms |"
        )
    print()
    for name, figures in results.items():
        ranked = (
            "all ranked best first"
            if not figures["unranked"]
            else (f"NOT ranked: {', '.join(figures['unranked'])}")
        )
        top = "; ".join(f"[{lang}] {title} ({rank})" for lang, title, rank in figures["sample"])
        print(f"- {name}: {ranked}. Top hits for “lake sevan mining”: {top}.")
    for name, figures in results.items():
        if not figures.get("explained"):
            continue
        slowest = max(
            figures["timings"], key=lambda words: percentile(figures["timings"][words], 0.95)
        )
        print()
        print(
            f"{name}, the slowest query (“{slowest}”) under EXPLAIN (ANALYZE, BUFFERS), each "
            "statement the search runs (the ranked matches' cursor runs here to its LIMIT):"
        )
        print()
        print("| statement | time | rows | buffers hit / read | heaviest node |")
        print("| --- | --- | --- | --- | --- |")
        for plan in figures["explained"]:
            print(
                f"| `{plan['query']}…` | {plan['ms']:.1f} ms | {plan['rows']:,} "
                f"| {plan['hit']:,} / {plan['read']:,} | {plan['heaviest']} |"
            )
    if any(figures.get("explained") for figures in results.values()):
        print()
        print(WHAT_HOLDS_POSTGRES)
    print()
    print("Per query, p95 in ms (statements found):")
    print()
    print("| query | " + " | ".join(results) + " |")
    print("| --- | " + " | ".join("---" for _ in results) + " |")
    for _language, words in QUERIES:
        cells = [
            f"{percentile(f['timings'][words], 0.95):.1f} ({f['totals'][words]:,})"
            for f in results.values()
        ]
        print(f"| {words} | " + " | ".join(cells) + " |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--signatories", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--database", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument(
        "--fresh", action="store_true", help="generate the corpus again, even if one is kept"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--reuse", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(BENCH))
    _spelled_places()
    if args.child:
        return child(args)

    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_"))
    }
    env["PYTHONPATH"] = os.pathsep.join([str(BENCH), str(ROOT / "src")])
    env["DEBUG"] = "0"
    env["UNDERSIGNED_VAR_DIR"] = tempfile.mkdtemp(prefix="undersigned-bench-search-")
    databases = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    results = {}
    if args.fresh:
        for cached in CACHE_DIR.glob("search-*.sqlite3*"):
            cached.unlink()
    for database in databases:
        reuse = database == "postgres" and postgres_prepared(args)
        output = subprocess.run(  # noqa: S603 - this script
            [
                sys.executable, __file__, "--child", "--database", database,
                "--statements", str(args.statements), "--signatories", str(args.signatories),
                "--repeat", str(args.repeat), *(["--reuse"] if reuse else []),
            ],
            cwd=ROOT, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if output.returncode != 0:
            print(output.stderr, file=sys.stderr)
            return 1
        label = {"sqlite": "SQLite (FTS5)", "postgres": "PostgreSQL (tsvector + GIN)"}[database]
        results[label] = json.loads(output.stdout.strip().splitlines()[-1])
    report(results, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
