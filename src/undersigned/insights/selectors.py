"""Reads behind the insight charts: plain dicts and lists, aggregated in the database.

Every figure counts statements in the public archive (published or closed, publication date
passed), dated by their publication in the site's time zone. The functions return data only,
no chart geometry or wording (charts.py draws, the templates word), so the CSV downloads and a
future API can serve the very same figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import ExtractYear, TruncDate
from django.urls import reverse
from django.utils import timezone

from undersigned.insights.models import NetworkSnapshot, OverviewSnapshot
from undersigned.organizations.models import Membership, Organization
from undersigned.signatures.models import Signatory, Supporter
from undersigned.statements.models import Category, Statement

CO_SIGNERS_SHOWN = 10
SUGGESTIONS_SHOWN = 10
OVERVIEW_PK = 1  # the overview's figures are a single row


def archive_ids() -> QuerySet:
    """Return the ids of the statements in the public archive, as a subquery."""
    return Statement.objects.published().order_by().values("pk")


def _statement_link(statement: Statement | None) -> dict | None:
    if statement is None:
        return None
    translation = statement.translation()
    return {
        "slug": statement.slug,
        "title": translation.title if translation else statement.slug,
        "url": statement.get_absolute_url(),
        "published_at": statement.published_at,
    }


def _organization_row(values: Mapping[str, Any], prefix: str, **figures: Any) -> dict:
    slug = values[f"{prefix}slug"]
    return {
        "slug": slug,
        "name": values[f"{prefix}name"],
        "url": reverse("organizations:detail", kwargs={"slug": slug}),
        **figures,
    }


def _fill_years(counts: dict[int, int]) -> list[dict]:
    """Return one row per year from the first to the last, zero where nothing happened."""
    if not counts:
        return []
    return [
        {"year": year, "statements": counts.get(year, 0)}
        for year in range(min(counts), max(counts) + 1)
    ]


# --- Organisation -------------------------------------------------------------------------


def organization_statements_per_year(*, organization: Organization) -> list[dict]:
    rows = (
        Statement.objects.published()
        .filter(signatories__organization=organization)
        .order_by()
        .annotate(year=ExtractYear("published_at"))
        .values("year")
        .annotate(n=Count("pk", distinct=True))
    )
    return _fill_years({row["year"]: row["n"] for row in rows})


def organization_co_signers(
    *, organization: Organization, limit: int | None = CO_SIGNERS_SHOWN
) -> list[dict]:
    """Return the organisations that signed the most archive statements with this one."""
    together = Statement.objects.published().filter(signatories__organization=organization)
    rows = (
        Signatory.objects.filter(statement__in=together.order_by().values("pk"))
        .exclude(organization=organization)
        .values("organization__slug", "organization__name")
        .annotate(n=Count("statement_id", distinct=True))
        .order_by("-n", "organization__name")
    )
    if limit is not None:
        rows = rows[:limit]
    return [_organization_row(row, "organization__", statements=row["n"]) for row in rows]


def organization_insights(*, organization: Organization) -> dict:
    """Return everything the organisation's page shows about its signing, and its network's."""
    signed = (
        Statement.objects.published()
        .filter(signatories__organization=organization)
        .prefetch_related("translations")
    )
    per_year = organization_statements_per_year(organization=organization)
    return {
        "per_year": per_year,
        "total": sum(row["statements"] for row in per_year),
        "co_signers": organization_co_signers(organization=organization),
        "first": _statement_link(signed.order_by("published_at", "pk").first()),
        "latest": _statement_link(signed.order_by("-published_at", "-pk").first()),
        "network": network_insights(network=organization) if organization.is_network else None,
    }


# --- Network ------------------------------------------------------------------------------


def network_member_activity(*, network: Organization) -> list[dict]:
    """Return the members, most active first: archive statements signed and the latest date.

    Grouped from the signatures alone (one per organisation and statement, so no DISTINCT),
    for the worker (graph.py); the page reads the stored result.
    """
    members = dict(
        Organization.objects.filter(memberships__network=network).values_list("pk", "name")
    )
    slugs = dict(
        Organization.objects.filter(memberships__network=network).values_list("pk", "slug")
    )
    figures = {
        row["organization_id"]: row
        for row in Signatory.objects.filter(
            organization_id__in=list(members),
            statement__status__in=[Statement.Status.PUBLISHED, Statement.Status.CLOSED],
            statement__published_at__lte=timezone.now(),
        )
        .values("organization_id")
        .annotate(n=Count("statement_id"), latest=Max("statement__published_at"))
        .order_by()
    }
    rows: list[dict[str, Any]] = [
        {
            "slug": slugs[pk],
            "name": name,
            "statements": figures[pk]["n"] if pk in figures else 0,
            "latest": figures[pk]["latest"] if pk in figures else None,
        }
        for pk, name in members.items()
    ]
    rows.sort(key=lambda row: (-row["statements"], row["name"]))
    return rows


def network_subject_counts(*, network: Organization) -> list[list]:
    """Return [year, category slug, statements] for the network's own archive statements."""
    through: Any = Statement.categories.through
    rows = (
        through.objects.filter(statement_id__in=network_statement_ids(network=network))
        .annotate(year=ExtractYear("statement__published_at"))
        .values("year", "category__slug")
        .annotate(n=Count("statement_id", distinct=True))
        .order_by("year", "category__slug")
    )
    return [[r["year"], r["category__slug"], r["n"]] for r in rows]


def network_statement_ids(*, network: Organization) -> QuerySet:
    """Return the ids of the archive statements the network signed or published itself."""
    return (
        Statement.objects.published()
        .filter(Q(signatories__organization=network) | Q(publishers=network))
        .order_by()
        .values("pk")
        .distinct()
    )


def categories_by_year(*, statement_ids: QuerySet) -> dict:
    """Return statements per category and year among the given ones, with the categories."""
    through: Any = Statement.categories.through  # the plugin cannot follow annotations on it
    rows = (
        through.objects.filter(statement_id__in=statement_ids)
        .annotate(year=ExtractYear("statement__published_at"))
        .values("year", "category__slug")
        .annotate(n=Count("statement_id", distinct=True))
        .order_by()
    )
    return subjects_table({(r["year"], r["category__slug"]): r["n"] for r in rows})


def subjects_table(counts: dict[tuple[int, str], int]) -> dict:
    """Turn counts per (year, category slug) into a table: every year, the categories used."""
    categories = list(
        Category.objects.filter(slug__in={slug for _, slug in counts}).order_by("name_en")
    )
    years = sorted({year for year, _ in counts})
    years = list(range(years[0], years[-1] + 1)) if years else []
    return {
        "categories": [{"slug": c.slug, "name": c.name} for c in categories],
        "years": [
            {"year": year, "counts": [counts.get((year, c.slug), 0) for c in categories]}
            for year in years
        ],
    }


def network_snapshot(*, network: Organization) -> NetworkSnapshot | None:
    return NetworkSnapshot.objects.filter(network=network).first()


def network_insights(*, network: Organization) -> dict:
    """Return the network's figures as the worker last computed them (graph.py)."""
    snapshot = network_snapshot(network=network)
    payload = snapshot.payload if snapshot else None
    members = [
        {
            "slug": slug,
            "name": name,
            "url": reverse("organizations:detail", kwargs={"slug": slug}),
            "statements": n,
            "latest": datetime.fromisoformat(latest) if latest else None,
        }
        for slug, name, n, latest in (payload or {}).get("activity", [])
    ]
    subjects = (payload or {}).get("subjects", [])
    return {
        "members": members,
        "active_members": sum(1 for member in members if member["statements"]),
        "subjects": subjects_table({(year, slug): n for year, slug, n in subjects}),
        "graph": payload,
        "graph_computed_at": snapshot.computed_at if snapshot else None,
        "graph_stale": snapshot.is_stale if snapshot else True,
        "graph_requested": snapshot is not None,
    }


# --- Statement ----------------------------------------------------------------------------


def _cumulative(counts: dict[date, int], days: list[date]) -> list[int]:
    total, out = 0, []
    for day in days:
        total += counts.get(day, 0)
        out.append(total)
    return out


def statement_growth(*, statement: Statement) -> list[dict]:
    """Return, for each day something was added, the organisations and supporters so far."""
    organizations = {
        row["signed_on"]: row["n"]
        for row in Signatory.objects.filter(statement=statement)
        .values("signed_on")
        .annotate(n=Count("pk"))
        .order_by()
    }
    # Supporters as the shown count has them: confirmed and counted by the batch.
    supporters = {
        row["day"]: row["n"]
        for row in Supporter.objects.filter(statement=statement, counted_at__isnull=False)
        .annotate(day=TruncDate("confirmed_at", tzinfo=timezone.get_current_timezone()))
        .values("day")
        .annotate(n=Count("pk"))
        .order_by()
    }
    days = sorted(set(organizations) | set(supporters))
    return [
        {"date": day, "organizations": o, "supporters": s}
        for day, o, s in zip(
            days, _cumulative(organizations, days), _cumulative(supporters, days), strict=True
        )
    ]


def statement_networks(*, statement: Statement) -> list[dict]:
    """Return the networks its signatories belong to, with how many of them are members."""
    rows = (
        Membership.objects.filter(member__signatures__statement=statement)
        .values("network__slug", "network__name")
        .annotate(n=Count("member_id", distinct=True))
        .order_by("-n", "network__name")
    )
    return [_organization_row(row, "network__", members=row["n"]) for row in rows]


def statement_usual_co_signers_missing(
    *, statement: Statement, limit: int = SUGGESTIONS_SHOWN
) -> list[dict]:
    """Return organisations that often signed with its signatories but have not signed it.

    For coordinators only. Scored by the archive statements signed together with any of its
    signatories (a statement counts once per signatory met on it).
    """
    signers = Signatory.objects.filter(statement=statement).values("organization_id")
    rows = (
        Signatory.objects.filter(
            statement__in=archive_ids(), statement__signatories__organization_id__in=signers
        )
        .exclude(organization_id__in=signers)
        .exclude(statement=statement)
        .values("organization__slug", "organization__name")
        .annotate(
            n=Count("statement__signatories", distinct=True),
            met=Count("statement__signatories__organization_id", distinct=True),
        )
        .order_by("-n", "organization__name")[:limit]
    )
    return [
        _organization_row(row, "organization__", together=row["n"], met=row["met"]) for row in rows
    ]


def statement_insights(*, statement: Statement, staff: bool = False) -> dict:
    return {
        "growth": statement_growth(statement=statement),
        "networks": statement_networks(statement=statement),
        "missing": statement_usual_co_signers_missing(statement=statement) if staff else None,
    }


# --- Archive overview ---------------------------------------------------------------------


def overview_snapshot() -> OverviewSnapshot | None:
    return OverviewSnapshot.objects.filter(pk=OVERVIEW_PK).first()


def overview_years(snapshot: OverviewSnapshot | None = None) -> list[int]:
    snapshot = snapshot or overview_snapshot()
    return list(snapshot.payload["years"]) if snapshot and snapshot.payload else []


def _fill_months(counts: dict[tuple[int, int], int], year: int | None) -> list[dict]:
    if not counts:
        return []
    (first_year, first_month), (last_year, last_month) = min(counts), max(counts)
    if year is not None:
        first_month, last_month = 1, 12
    months = []
    y, m = first_year, first_month
    while (y, m) <= (last_year, last_month):
        months.append({"year": y, "month": m, "statements": counts.get((y, m), 0)})
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def overview(*, year: int | None = None, category: Category | None = None) -> dict:
    """Return the overview's figures for the filters, from the worker's last computation."""
    snapshot = overview_snapshot()
    payload = snapshot.payload if snapshot else None
    slug = category.slug if category else None
    data: dict[str, Any] = {
        "computed": payload is not None,
        "computed_at": snapshot.computed_at if snapshot else None,
        "stale": snapshot.is_stale if snapshot else True,
        "requested": snapshot is not None,
        "years": overview_years(snapshot),
        "categories": list(Category.objects.public().order_by("name_en")),
        "year": year,
        "category": category,
    }
    if payload is None:
        return {**data, "per_month": [], "total": 0, "by_category": subjects_table({}),
                "top_co_signers": []}  # fmt: skip
    months = payload["months"] if slug is None else payload["months_by_category"].get(slug, [])
    per_month = _fill_months({(y, m): n for y, m, n in months if year is None or y == year}, year)
    subjects = payload["subjects"].get(slug or "", [])
    top = payload["top"].get(f"{year or ''}|{slug or ''}", [])
    return {
        **data,
        "per_month": per_month,
        "total": sum(row["statements"] for row in per_month),
        "by_category": subjects_table(
            {(y, c): n for y, c, n in subjects if year is None or y == year}
        ),
        "top_co_signers": [
            {
                "slug": org_slug,
                "name": name,
                "url": reverse("organizations:detail", kwargs={"slug": org_slug}),
                "statements": n,
            }
            for org_slug, name, n in top
        ],
    }


def as_local_date(moment: datetime | None) -> date | None:
    return timezone.localtime(moment).date() if moment else None
