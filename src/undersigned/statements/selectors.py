"""Reads for statements: the archive, a statement page, feeds and sitemaps use these."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.shortcuts import get_object_or_404

from undersigned.organizations.models import Organization
from undersigned.statements.models import Category, Statement

# The list of signatories (signatures.Signatory) is read through its relations, `signatories`
# on Statement and `signatures` on Organization: signatures sits above statements.


def _with_listing_data(queryset: QuerySet[Statement]) -> QuerySet[Statement]:
    return queryset.with_signatory_count().prefetch_related(  # type: ignore[attr-defined]
        "translations", "categories", "updates"
    )


def _signed_or_published_by(organization: Organization) -> Q:
    signed = Statement.objects.filter(signatories__organization=organization)
    published = Statement.objects.filter(publishers=organization)
    return Q(pk__in=signed.values("pk")) | Q(pk__in=published.values("pk"))


@dataclass(frozen=True)
class ArchiveFilters:
    category: Category | None = None
    year: int | None = None
    organization: Organization | None = None


def statement_archive(*, filters: ArchiveFilters | None = None) -> QuerySet[Statement]:
    """Return published statements, newest first, filtered and ready to list."""
    filters = filters or ArchiveFilters()
    statements = Statement.objects.published()
    if filters.category is not None:
        statements = statements.filter(categories=filters.category)
    if filters.year is not None:
        statements = statements.filter(published_at__year=filters.year)
    if filters.organization is not None:
        # Subqueries, not joins: a join would also narrow the signatory count to one.
        statements = statements.filter(_signed_or_published_by(filters.organization))
    return _with_listing_data(statements)


def _name_order(name: str) -> str:
    # «Ակադեմիական…» and "Civic…" sort by their first letter, ё with е as Russian readers expect.
    return name.lstrip("«»\"'“”„‘’([").casefold().replace("ё", "е")


def archive_organizations(*, language: str, limit: int) -> tuple[list[Organization], bool]:
    """Return the organisations offered by the archive's filter, by local name, and whether
    others were left out: those that signed or published the most published statements.

    A choice of thousands helps nobody (and weighs hundreds of kilobytes on every archive page);
    the registry lists every organisation, and each one's page links to its statements.
    """
    published = Statement.objects.published().values("pk")
    counts: Counter[int] = Counter()
    # A statement an organisation signed and published counts twice, as both.
    for relation in ("signatures__statement", "published_statements"):
        rows = (
            Organization.objects.public()
            .filter(**{f"{relation}__in": published})
            .values("pk")
            .annotate(n=Count(relation, distinct=True))
            .order_by()
        )
        for row in rows:
            counts[row["pk"]] += row["n"]
    chosen = [pk for pk, _n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    organizations = (
        Organization.objects.public()
        .filter(pk__in=chosen[:limit])
        .only("pk", "slug", "name", "name_en", "name_hy", "name_ru")
    )
    offered = sorted(
        organizations, key=lambda o: (_name_order(o.in_language("name", language)), o.slug)
    )
    return offered, len(chosen) > limit


def statement_years() -> list[int]:
    """Return the years that have published statements, newest first."""
    dates = Statement.objects.published().dates("published_at", "year", order="DESC")
    return [d.year for d in dates]


def statements_open_for_signature(*, limit: int = 5) -> QuerySet[Statement]:
    """Return statements collecting signatures now, nearest deadline first."""
    # No deadline comes last on every database (SQLite would put NULL first).
    statements = Statement.objects.open_for_signature().order_by(
        F("signature_deadline").asc(nulls_last=True), "-published_at", "-created_at"
    )
    return _with_listing_data(statements)[:limit]


def statement_for_page(*, slug: str) -> Statement:
    """Return a publicly visible statement with everything its page shows, or raise Http404."""
    statements = Statement.objects.visible().prefetch_related(
        "translations",
        "categories",
        "publishers",
        "updates",
    )
    return get_object_or_404(statements, slug=slug)


def statement_for_preview(*, slug: str) -> Statement:
    """Return any statement, public or not (a draft to review), or raise Http404."""
    statements = Statement.objects.prefetch_related(
        "translations", "categories", "publishers", "updates"
    )
    return get_object_or_404(statements, slug=slug)


def statement_signatories(*, statement: Statement) -> list:
    """Return the statement's signatories in its chosen order, organisations loaded."""
    signatories = statement.signatories.select_related("organization")  # type: ignore[attr-defined]
    if statement.signatory_order == Statement.SignatoryOrder.ALPHABETICAL:
        rows = list(signatories)
        rows.sort(key=lambda s: _name_order(s.organization.local_name))
        return rows
    # Position 0 means "not placed": those go last, in the order they signed.
    return sorted(signatories, key=lambda s: (s.position == 0, s.position, s.created_at, s.pk))


def statements_for_feed(
    *, category: Category | None = None, organization: Organization | None = None, limit: int = 30
) -> QuerySet[Statement]:
    """Return the newest published statements for a feed."""
    filters = ArchiveFilters(category=category, organization=organization)
    # Each entry names its publishers as its authors.
    return statement_archive(filters=filters).prefetch_related("publishers")[:limit]


def categories_with_counts() -> QuerySet[Category]:
    """Return categories with the number of published statements in each."""
    published = Statement.objects.published().values("pk")
    return (
        Category.objects.public()
        .annotate(statement_count=Count("statements", filter=Q(statements__in=published)))
        .order_by("name_en")
    )


def organization_statements(*, organization: Organization) -> QuerySet[Statement]:
    """Return every public statement the organisation signed or published, newest first."""
    return (
        Statement.objects.visible()
        .filter(_signed_or_published_by(organization))
        # Not yet published (open for signature) first on every database, as on PostgreSQL.
        .order_by(F("published_at").desc(nulls_first=True), "-created_at")
        .with_signatory_count()
        .prefetch_related("translations", "categories", "updates")
    )
