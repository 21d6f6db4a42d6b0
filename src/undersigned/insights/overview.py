"""The archive overview's figures for every filter at once, computed by the worker.

A few grouped queries over the whole archive (statements per month and subject, subjects that
go together, joint signatures per organisation, year and subject) give every combination of
the year and subject filters; the page then only picks its combination from the stored JSON,
so a reader's filter never scans the archive. Kept small: the twenty organisations of each
combination, not all of them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from django.db.models import Count, Max, Min
from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone

from undersigned.organizations.models import Organization
from undersigned.signatures.models import Signatory
from undersigned.statements.models import Category, Statement

TOP_SHOWN = 20
ALL = ""  # the key part for "every year" or "every subject"


def top_key(year: int | None, category: str | None) -> str:
    return f"{year or ALL}|{category or ALL}"


def overview_payload() -> dict:
    """Compute the overview's figures for every combination of year and subject."""
    archive = Statement.objects.published().order_by()
    through: Any = Statement.categories.through
    slugs = dict(Category.objects.values_list("pk", "slug"))
    bounds = archive.aggregate(first=Min("published_at"), last=Max("published_at"))
    years = (
        list(
            range(
                timezone.localtime(bounds["last"]).year,
                timezone.localtime(bounds["first"]).year - 1,
                -1,
            )
        )
        if bounds["first"]
        else []
    )

    months = [
        [row["y"], row["m"], row["n"]]
        for row in archive.annotate(y=ExtractYear("published_at"), m=ExtractMonth("published_at"))
        .values("y", "m")
        .annotate(n=Count("pk"))
        .order_by("y", "m")
    ]
    in_archive = through.objects.filter(statement_id__in=archive.values("pk"))
    months_by_category: dict[str, list] = defaultdict(list)
    for row in (
        in_archive.annotate(
            y=ExtractYear("statement__published_at"), m=ExtractMonth("statement__published_at")
        )
        .values("y", "m", "category_id")
        .annotate(n=Count("statement_id"))
        .order_by("y", "m")
    ):
        months_by_category[slugs[row["category_id"]]].append([row["y"], row["m"], row["n"]])

    # Subjects per year among the statements of one subject (itself included): one self-join.
    subjects: dict[str, list] = defaultdict(list)
    for row in (
        in_archive.annotate(y=ExtractYear("statement__published_at"))
        .values("y", "category_id", "statement__categories")
        .annotate(n=Count("statement_id"))
        .order_by("y")
    ):
        subjects[slugs[row["category_id"]]].append(
            [row["y"], slugs[row["statement__categories"]], row["n"]]
        )
    subjects[ALL] = [
        [row["y"], slugs[row["category_id"]], row["n"]]
        for row in in_archive.annotate(y=ExtractYear("statement__published_at"))
        .values("y", "category_id")
        .annotate(n=Count("statement_id"))
        .order_by("y")
    ]

    return {
        "years": years,
        "months": months,
        "months_by_category": dict(months_by_category),
        "subjects": dict(subjects),
        "top": _top_co_signers(archive, slugs),
    }


def _top_co_signers(archive, slugs: dict[int, str]) -> dict[str, list]:
    """Return the organisations with the most joint statements, for every filter combination."""
    joint = archive.annotate(signers=Count("signatories")).filter(signers__gte=2).values("pk")
    signed = Signatory.objects.filter(statement__in=joint).annotate(
        y=ExtractYear("statement__published_at")
    )
    counts: dict[str, Counter] = defaultdict(Counter)
    for row in signed.values("organization_id", "y").annotate(n=Count("pk")).order_by():
        counts[top_key(row["y"], None)][row["organization_id"]] += row["n"]
        counts[top_key(None, None)][row["organization_id"]] += row["n"]
    for row in (
        signed.filter(statement__categories__isnull=False)
        .values("organization_id", "y", "statement__categories")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        slug = slugs[row["statement__categories"]]
        counts[top_key(row["y"], slug)][row["organization_id"]] += row["n"]
        counts[top_key(None, slug)][row["organization_id"]] += row["n"]
    # The ties are broken by name, as on the page; only the candidates' names are fetched.
    candidates: set[int] = set()
    for counter in counts.values():
        floor = sorted(counter.values(), reverse=True)[:TOP_SHOWN][-1]
        candidates.update(pk for pk, n in counter.items() if n >= floor)
    names = dict(
        Organization.objects.filter(pk__in=candidates).values_list("pk", "name").order_by()
    )
    orgs = dict(Organization.objects.filter(pk__in=candidates).values_list("pk", "slug"))
    top = {}
    for key, counter in counts.items():
        ranked = sorted(
            (pk for pk in counter if pk in names), key=lambda pk: (-counter[pk], names[pk])
        )[:TOP_SHOWN]
        top[key] = [[orgs[pk], names[pk], counter[pk]] for pk in ranked]
    return top
