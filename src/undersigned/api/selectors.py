"""Reads for the public API, the bulk dump and the embeds, built on the apps' own selectors."""

from dataclasses import dataclass

from django.db.models import F, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from undersigned.organizations import selectors as organization_selectors
from undersigned.organizations.models import Membership, Organization
from undersigned.signatures import selectors as signature_selectors
from undersigned.signatures.models import Signatory
from undersigned.statements import selectors as statement_selectors
from undersigned.statements import versions
from undersigned.statements.models import Category, Statement, StatementTranslation
from undersigned.statements.search import search_statement_ids

NAME_LANGUAGES = ("en", "hy", "ru")


@dataclass(frozen=True)
class StatementFilters:
    category: str | None = None
    year: int | None = None
    organization: str | None = None
    status: str | None = None
    language: str | None = None
    query: str | None = None


@dataclass(frozen=True)
class StatementPage:
    statements: list[Statement]
    count: int


def _listing(statements: QuerySet[Statement]) -> QuerySet[Statement]:
    return statements.with_signatory_count().prefetch_related(  # type: ignore[attr-defined]
        "translations", "categories", "publishers"
    )


def _listed() -> QuerySet[Statement]:
    """Return the statements with a public page, less those whose publication is still ahead:
    a list must not announce a statement before its time (its page needs its address)."""
    scheduled = Q(
        status__in=[Statement.Status.PUBLISHED, Statement.Status.CLOSED],
        published_at__gt=timezone.now(),
    )
    return Statement.objects.visible().exclude(scheduled)


def public_statements() -> QuerySet[Statement]:
    """Return every listed public statement, newest first, in an order that never ties."""
    return _listed().order_by(F("published_at").desc(nulls_first=True), "-created_at", "-pk")


def statement_page(*, filters: StatementFilters, offset: int, limit: int) -> StatementPage:
    """Return one page of public statements matching the filters, and how many match in all."""
    statements = public_statements()
    category = None
    if filters.category is not None:
        category = Category.objects.public().filter(slug=filters.category).first()
        if category is None:
            return StatementPage(statements=[], count=0)
        statements = statements.filter(categories=category)
    if filters.year is not None:
        statements = statements.filter(published_at__year=filters.year)
    if filters.organization is not None:
        organization = Organization.objects.public().filter(slug=filters.organization).first()
        if organization is None:
            return StatementPage(statements=[], count=0)
        signed_or_published = statement_selectors.organization_statements(organization=organization)
        statements = statements.filter(pk__in=signed_or_published.values("pk"))
    if filters.status is not None:
        statements = statements.filter(status=filters.status)
    if filters.language is not None:
        statements = statements.filter(
            pk__in=StatementTranslation.objects.filter(language=filters.language).values(
                "statement_id"
            )
        )
    if not filters.query:
        return StatementPage(
            statements=list(_listing(statements)[offset : offset + limit]),
            count=statements.count(),
        )
    # Relevance first: the search ranks, the filters above keep or drop its matches.
    search_filters = {"language": filters.language, "year": filters.year}
    if category is not None:
        search_filters["category_id"] = category.pk
    ranked = search_statement_ids(query=filters.query, filters=search_filters)
    kept = set(statements.filter(pk__in=ranked).values_list("pk", flat=True))
    matching = [pk for pk in ranked if pk in kept]
    page_ids = matching[offset : offset + limit]
    found = _listing(Statement.objects.filter(pk__in=page_ids)).in_bulk()
    return StatementPage(statements=[found[pk] for pk in page_ids], count=len(matching))


def statement_for_api(*, slug: str) -> Statement:
    """Return a public statement with what its record holds, or raise Http404."""
    statement = statement_selectors.statement_for_page(slug=slug)
    if not statement.translations.all():
        # The page answers 404 too: a statement without any text has nothing to show.
        get_object_or_404(Statement.objects.none())
    return statement


def statement_signatories(*, statement: Statement) -> list[signature_selectors.ExportLine]:
    """Return the public list, as the statement's page shows it: numbered, in its order."""
    return signature_selectors.statement_export_lines(statement=statement)


def statement_versions(*, statement: Statement) -> list[versions.VersionSummary]:
    return versions.statement_versions(statement=statement)


def organization_names(organizations: list[Organization]) -> dict[int, dict[str, str | None]]:
    """Return each organisation's registered name in every language, None where it has none.

    The registry's rule (organizations.models.Organization.in_language): the name given for a
    language, else the organisation's own name; English falls back to the own name here too.
    """
    return {
        o.pk: {
            "en": o.name_en or o.name,
            "hy": o.name_hy or None,
            "ru": o.name_ru or None,
        }
        for o in organizations
    }


def organizations_page(*, offset: int, limit: int, kind: str | None) -> tuple[list, int]:
    """Return one page of the registry by name, and the registry's size."""
    organizations = Organization.objects.public().order_by("name", "pk")
    if kind is not None:
        organizations = organizations.filter(kind=kind)
    return list(organizations[offset : offset + limit]), organizations.count()


def organization_for_api(*, slug: str) -> Organization:
    return organization_selectors.organization_for_page(slug=slug)


def organization_memberships(*, organization: Organization) -> list[Membership]:
    return list(organization_selectors.organization_memberships(organization=organization))


def organization_members(*, organization: Organization) -> list[Membership]:
    return list(organization_selectors.organization_members(organization=organization))


def organization_signed(*, organization: Organization) -> list[Statement]:
    """Return the public statements the organisation signed, newest first."""
    signed = Signatory.objects.filter(organization=organization).values("statement_id")
    return list(
        statement_selectors.organization_statements(organization=organization).filter(pk__in=signed)
    )


def organization_published(*, organization: Organization) -> list[Statement]:
    """Return the public statements the organisation published, newest first."""
    return list(
        statement_selectors.organization_statements(organization=organization).filter(
            publishers=organization
        )
    )


def categories() -> QuerySet[Category]:
    return statement_selectors.categories_with_counts()


def statements_for_dump() -> QuerySet[Statement]:
    """Return every public statement, oldest first, ready to be written out one by one."""
    return _listing(_listed().order_by(F("published_at").asc(nulls_last=True), "pk"))
