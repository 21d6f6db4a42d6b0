"""Insights at scale: the co-signing maps computed in the background, the pages served from cache.

Run from the repository root: ``python bench/bench_insights.py`` (``--organizations``,
``--statements``, ``--networks`` change the sizes; ``--database sqlite`` runs on a scratch
SQLite file instead of PostgreSQL). The archive is generated from a fixed seed: organisations
of Zipf-like activity, networks of 10 to several hundred members, statements mostly signed
around one network's members (so that clusters exist) with 1 to 30 signatories, 1 or 2
categories each, over ten years. It is loaded in bulk, without signals, into a fresh database
(PostgreSQL ``undersigned_bench_insights``, dropped and created again), then analysed.

Then, in one process with the app's settings (DEBUG off, the file cache of a single machine):
the overview's figures and every network's map are noted out of date and computed as the
worker's task does (``insights_compute_due``), timed in all, for the overview alone and for
the largest network alone; the archive
overview, a filtered overview and the largest network's page are rendered once (a cache
miss, as after a change) and then timed from the page cache through Django's whole request
path. Targets (issue 16): the computation under a minute, pages from cache under 50 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_NAME = "undersigned_bench_insights"
SEED = 20261207
BATCH = 5000


def fresh_postgres() -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER.replace('postgres:', 'postgresql:')}/postgres") as c:
        c.autocommit = True
        c.execute(f"DROP DATABASE IF EXISTS {PG_NAME} WITH (FORCE)")
        c.execute(f"CREATE DATABASE {PG_NAME}")


def setup(args) -> None:
    var = tempfile.mkdtemp(prefix="undersigned-bench-insights-")
    for key in [k for k in os.environ if k.startswith(("DJANGO_", "DATABASE_", "REDIS_"))]:
        del os.environ[key]
    os.environ["UNDERSIGNED_VAR_DIR"] = var
    os.environ["DEBUG"] = "0"
    os.environ["ALLOWED_HOSTS"] = "localhost"
    os.environ["DJANGO_SETTINGS_MODULE"] = "undersigned.settings"
    if args.database == "postgres":
        fresh_postgres()
        os.environ["DATABASE_URL"] = f"{PG_SERVER}/{PG_NAME}"
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{var}/bench.sqlite3"
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def load(args) -> dict:
    """Generate the archive and insert it in bulk; return its sizes."""
    from django.db import connection, transaction

    from undersigned.organizations.models import Membership, Organization
    from undersigned.signatures.models import Signatory
    from undersigned.statements.models import Category, Statement, StatementTranslation

    rng = random.Random(SEED)
    started = time.monotonic()
    with transaction.atomic():
        categories = Category.objects.bulk_create(
            Category(slug=f"subject-{i}", name_en=f"Subject {i}", name_hy=f"Թեմա {i}",
                     name_ru=f"Тема {i}")
            for i in range(14)
        )  # fmt: skip
        organizations = Organization.objects.bulk_create(
            (
                Organization(name=f"Organisation {i:05d}", slug=f"organisation-{i:05d}")
                for i in range(args.organizations)
            ),
            batch_size=BATCH,
        )
        networks = Organization.objects.bulk_create(
            Organization(name=f"Network {i:03d}", slug=f"network-{i:03d}", kind="network")
            for i in range(args.networks)
        )
        # Network sizes fall off like Zipf's law: a few large coalitions, many small ones.
        member_lists = []
        memberships = []
        for rank, network in enumerate(networks, start=1):
            size = max(10, min(len(organizations), int(args.largest_network / rank**0.8)))
            members = rng.sample(organizations, size)
            member_lists.append(members)
            memberships += [Membership(network=network, member=m) for m in members]
        Membership.objects.bulk_create(memberships, batch_size=BATCH)

        weights = [1 / (i + 1) ** 0.7 for i in range(len(organizations))]
        start = datetime(2016, 1, 1, 9, tzinfo=UTC)
        span = (datetime(2026, 1, 1, tzinfo=UTC) - start).total_seconds()
        statement_count = signatory_count = 0
        for offset in range(0, args.statements, BATCH):
            n = min(BATCH, args.statements - offset)
            statements = Statement.objects.bulk_create(
                Statement(
                    slug=f"statement-{offset + i:06d}",
                    status="published",
                    published_at=start + timedelta(seconds=rng.random() * span),
                )
                for i in range(n)
            )
            StatementTranslation.objects.bulk_create(
                StatementTranslation(
                    statement=s, language="en", title=f"Statement {s.slug}",
                    body="We, the undersigned.", body_html="<p>We, the undersigned.</p>",
                )
                for s in statements
            )  # fmt: skip
            links, signatories = [], []
            for statement in statements:
                for category in rng.sample(categories, rng.choice((1, 1, 2))):
                    links.append(
                        Statement.categories.through(statement=statement, category=category)
                    )
                size = min(30, 1 + int(rng.expovariate(1 / 5)))
                if rng.random() < 0.7:
                    pool = member_lists[min(int(rng.expovariate(1 / 6)), len(networks) - 1)]
                    chosen = set(rng.sample(pool, min(size, len(pool))))
                else:
                    chosen = set(rng.choices(organizations, weights=weights, k=size))
                day = statement.published_at.date()
                signatories += [
                    Signatory(statement=statement, organization=o, position=p, signed_on=day)
                    for p, o in enumerate(chosen, start=1)
                ]
            Statement.categories.through.objects.bulk_create(links)
            Signatory.objects.bulk_create(signatories)
            statement_count += n
            signatory_count += len(signatories)
    # Statistics, as autovacuum keeps them on a live database: without them the planner
    # takes the freshly loaded tables for empty and joins them row by row.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "organizations": len(organizations) + len(networks),
        "networks": len(networks),
        "memberships": len(memberships),
        "statements": statement_count,
        "signatories": signatory_count,
        "seconds": time.monotonic() - started,
    }


def time_request(client, path: str, repeat: int) -> dict:
    first = time.perf_counter()
    response = client.get(path)
    miss = (time.perf_counter() - first) * 1000
    assert response.status_code == 200, (path, response.status_code)
    hits = []
    for _ in range(repeat):
        began = time.perf_counter()
        response = client.get(path)
        hits.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200
    hits.sort()
    return {
        "miss": miss,
        "median": statistics.median(hits),
        "p95": hits[min(len(hits) - 1, int(len(hits) * 0.95))],
    }


def measure(args, sizes: dict) -> dict:
    from django.db.models import Count
    from django.test import Client

    from undersigned.insights import services
    from undersigned.insights.graph import network_graph
    from undersigned.insights.models import NetworkSnapshot
    from undersigned.organizations.models import Organization

    networks = Organization.objects.networks().annotate(n=Count("member_links")).order_by("-n")
    largest = networks.first()
    NetworkSnapshot.objects.all().delete()
    services.network_graphs_request(network_ids=networks.values_list("pk", flat=True))
    services.overview_request()
    began = time.perf_counter()
    computed = services.insights_compute_due()  # what the worker's task runs
    all_seconds = time.perf_counter() - began
    began = time.perf_counter()
    services.overview_compute()
    overview_seconds = time.perf_counter() - began
    began = time.perf_counter()
    payload = network_graph(network=largest)
    largest_seconds = time.perf_counter() - began

    client = Client(HTTP_HOST="localhost")
    year = 2021
    pages = {
        "overview": time_request(client, "/en/insights/", args.repeat),
        "overview, one year and subject": time_request(
            client, f"/hy/insights/?year={year}&category=subject-3", args.repeat
        ),
        f"network page ({largest.n} members)": time_request(
            client, f"/ru/organisations/{largest.slug}/", args.repeat
        ),
    }
    return {
        "computed": computed,
        "all_seconds": all_seconds,
        "overview_seconds": overview_seconds,
        "largest": {
            "members": largest.n,
            "pairs": payload["pairs"],
            "clusters": len(payload["clusters"]),
            "seconds": largest_seconds,
        },
        "pages": pages,
    }


def report(args, sizes: dict, figures: dict) -> None:
    database = {"postgres": "PostgreSQL", "sqlite": "SQLite"}[args.database]
    print(
        f"{sizes['statements']:,} statements and {sizes['signatories']:,} signatories of "
        f"{sizes['organizations']:,} organisations, {sizes['networks']} networks "
        f"({sizes['memberships']:,} memberships), on {database}, seed {SEED}; loaded in "
        f"{sizes['seconds']:.0f} s.\n"
    )
    largest = figures["largest"]
    target = "under" if figures["all_seconds"] < 60 else "**over**"
    print("| background computation | time |\n| --- | --- |")
    print(
        f"| everything at once, as the worker's task: the overview's figures and "
        f"{figures['computed'] - 1} networks' maps and figures | "
        f"{figures['all_seconds']:.1f} s ({target} the 1 min target) |"
    )
    print(f"| the overview's figures alone | {figures['overview_seconds']:.1f} s |")
    print(
        f"| the largest network alone: {largest['members']} members, {largest['pairs']:,} "
        f"pairs, {largest['clusters']} clusters | {largest['seconds']:.2f} s |\n"
    )
    print(
        f"| page | first render (cache miss) | from cache, median of {args.repeat} | p95 |\n"
        "| --- | --- | --- | --- |"
    )
    for name, t in figures["pages"].items():
        flag = "" if t["median"] < 50 else " (**over** 50 ms)"
        print(f"| {name} | {t['miss']:.0f} ms | {t['median']:.1f} ms{flag} | {t['p95']:.1f} ms |")
    print(
        "\nPages are timed through Django's whole request path in one process (test client, "
        "the file cache of a single machine); the map is computed as the worker does."
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--organizations", type=int, default=5_000)
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--networks", type=int, default=40)
    parser.add_argument("--largest-network", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    args = parser.parse_args()
    setup(args)
    sizes = load(args)
    figures = measure(args, sizes)
    report(args, sizes, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
