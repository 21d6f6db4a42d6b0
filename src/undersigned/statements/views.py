from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from undersigned.core.languages import LANGUAGE_CHOICES, LANGUAGE_CODES
from undersigned.core.pagecache import cached_page
from undersigned.core.params import query_page, query_year
from undersigned.core.permissions import staff_permission_required
from undersigned.core.text import render_markdown
from undersigned.organizations import selectors as organization_selectors
from undersigned.organizations.models import Organization
from undersigned.statements import selectors, versions
from undersigned.statements.diff import version_diff
from undersigned.statements.models import Category
from undersigned.statements.search import search_statements


# The home page shows the newest statements and those collecting signatures.
@cached_page(lambda: ["archive"])
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "core/home.html",
        {
            "latest": selectors.statement_archive()[:6],
            "open_statements": selectors.statements_open_for_signature(limit=4),
        },
    )


def _page_number(request: HttpRequest, page: int | None) -> int:
    return page if page is not None else query_page(request)


def _filters_from_query(request: HttpRequest) -> tuple[selectors.ArchiveFilters, dict[str, str]]:
    """Read the archive filters from the query string, ignoring values that match nothing."""
    active: dict[str, str] = {}
    category = organization = None
    if slug := request.GET.get("category", ""):
        category = Category.objects.public().filter(slug=slug).first()
        if category:
            active["category"] = slug
    if (year := query_year(request)) is not None:
        active["year"] = str(year)
    if slug := request.GET.get("organization", ""):
        organization = Organization.objects.public().filter(slug=slug).first()
        if organization:
            active["organization"] = slug
    filters = selectors.ArchiveFilters(category=category, year=year, organization=organization)
    return filters, active


def _paginate(request: HttpRequest, statements, page: int | None):
    paginator = Paginator(statements, settings.ARCHIVE_PAGE_SIZE)
    try:
        page_obj = paginator.page(_page_number(request, page))
    except EmptyPage as error:
        raise Http404("No such page") from error
    return paginator, page_obj


def _archive_url(filters: dict[str, str]) -> str:
    return reverse("statements:archive") + (f"?{urlencode(filters)}" if filters else "")


# The organisation choice prints names and aliases: a change in the registry renews the page.
@cached_page(
    lambda page=None: ["archive", "registry"], query=("category", "year", "organization", "page")
)
def archive(request: HttpRequest, page: int | None = None) -> HttpResponse:
    filters, active = _filters_from_query(request)
    if page == 1:
        return redirect(_archive_url(active), permanent=True)
    statements = selectors.statement_archive(filters=filters)
    paginator, page_obj = _paginate(request, statements, page)
    organizations, more_organizations = selectors.archive_organizations(
        language=get_language() or settings.LANGUAGE_CODE,
        limit=settings.ARCHIVE_FILTER_ORGANIZATIONS,
    )
    if filters.organization and filters.organization not in organizations:
        # Still offered, so that filtering again by year or category keeps it.
        organizations.insert(0, filters.organization)
    return render(
        request,
        "statements/archive.html",
        {
            "page_obj": page_obj,
            "paginator": paginator,
            "statements": page_obj.object_list,
            "filters": filters,
            "active_filters": active,
            "categories": Category.objects.public(),
            "years": selectors.statement_years(),
            "organizations": organizations,
            "more_organizations": more_organizations,
            "without_organization_url": _archive_url(
                {key: value for key, value in active.items() if key != "organization"}
            ),
            "page_url_name": "statements:archive_page",
            "page_url_kwargs": {},
        },
    )


@cached_page(lambda slug, page=None: ["archive"])
def category_detail(request: HttpRequest, slug: str, page: int | None = None) -> HttpResponse:
    category = get_object_or_404(Category.objects.public(), slug=slug)
    if page == 1:
        return redirect(category, permanent=True)
    statements = selectors.statement_archive(filters=selectors.ArchiveFilters(category=category))
    paginator, page_obj = _paginate(request, statements, page)
    return render(
        request,
        "statements/category.html",
        {
            "category": category,
            "page_obj": page_obj,
            "paginator": paginator,
            "statements": page_obj.object_list,
            "page_url_name": "statements:category_page",
            "page_url_kwargs": {"slug": slug},
        },
    )


@cached_page(lambda: ["archive"])
def category_list(request: HttpRequest) -> HttpResponse:
    categories = selectors.categories_with_counts()
    return render(request, "statements/category_list.html", {"categories": categories})


@cached_page(lambda slug: [f"statement:{slug}"])
def statement_detail(request: HttpRequest, slug: str) -> HttpResponse:
    statement = selectors.statement_for_page(slug=slug)
    return _statement_page(request, statement)


@staff_permission_required("statements.view_statement")
@never_cache
def statement_preview(request: HttpRequest, slug: str) -> HttpResponse:
    """Show any statement, a draft too, as its page will look: for coordinators, never cached."""
    statement = selectors.statement_for_preview(slug=slug)
    return _statement_page(
        request,
        statement,
        preview=not statement.is_public,
        staff_preview=True,
    )


def _statement_page(
    request: HttpRequest, statement, *, preview: bool = False, staff_preview: bool = False
) -> HttpResponse:
    language = get_language() or settings.LANGUAGE_CODE
    translation = statement.translation(language)
    if translation is None:
        raise Http404("The statement has no text yet.")
    signatories = selectors.statement_signatories(statement=statement)
    return render(
        request,
        "statements/detail.html",
        {
            "statement": statement,
            "translation": translation,
            "is_fallback": translation.language != language,
            "signatories": signatories,
            "alternate_languages": statement.available_languages(),
            "preview": preview,
            "staff_preview": staff_preview,
        },
    )


SEARCH_PAGE_SIZE = 10


@cached_page(lambda: ["archive"], query=("q", "language", "category", "year", "page"))
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    filters: dict = {}
    if (language := request.GET.get("language", "")) in LANGUAGE_CODES:
        filters["language"] = language
    category = Category.objects.public().filter(slug=request.GET.get("category", "")).first()
    if category:
        filters["category_id"] = category.pk
    if (year := query_year(request)) is not None:
        filters["year"] = year
    page = _page_number(request, None)
    results = search_statements(
        query=query,
        reader_language=get_language() or settings.LANGUAGE_CODE,
        filters=filters,
        offset=(page - 1) * SEARCH_PAGE_SIZE,
        limit=SEARCH_PAGE_SIZE,
    )
    pages = max(1, -(-results.total // SEARCH_PAGE_SIZE))
    return render(
        request,
        "statements/search.html",
        {
            "query": query,
            "results": results,
            "filters": filters,
            "category": category,
            "categories": Category.objects.public(),
            "years": selectors.statement_years(),
            "languages": LANGUAGE_CHOICES,
            "page": page,
            "pages": pages,
            "previous_query": _query_for_page(request, page - 1) if page > 1 else None,
            "next_query": _query_for_page(request, page + 1) if page < pages else None,
        },
    )


def _query_for_page(request: HttpRequest, page: int) -> str:
    params = request.GET.copy()
    params["page"] = str(page)
    return params.urlencode()


# The public version history of a statement's text: every version, and each one's changes.


@cached_page(lambda slug: [f"statement:{slug}"])
def version_list(request: HttpRequest, slug: str) -> HttpResponse:
    statement = selectors.statement_for_page(slug=slug)
    return render(
        request,
        "statements/versions.html",
        {
            "statement": statement,
            "translation": statement.translation(),
            "versions": versions.statement_versions(statement=statement),
        },
    )


@cached_page(lambda slug, number: [f"statement:{slug}"])
def version_detail(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    statement = selectors.statement_for_page(slug=slug)
    version = versions.statement_version(statement=statement, number=number)
    previous = versions.statement_version_before(version=version)
    language = get_language() or settings.LANGUAGE_CODE
    shown_language = next(
        (code for code in (language, statement.original_language) if code in version.texts),
        next(iter(sorted(version.texts)), None),
    )
    shown = version.texts.get(shown_language) if shown_language else None
    later = (
        statement.versions.filter(number__gt=version.number).order_by("number").first()  # type: ignore[attr-defined]
    )
    current = versions.statement_version_of_text(statement=statement)
    return render(
        request,
        "statements/version_diff.html",
        {
            "statement": statement,
            "translation": statement.translation(),
            "version": version,
            "previous": previous,
            "later": later,
            "is_current": current is not None and current.pk == version.pk,
            "diffs": version_diff(previous.texts if previous else None, version.texts, language)
            if previous
            else [],
            "shown_language": shown_language,
            "shown": shown,
            "shown_body_html": render_markdown(shown.get("body", "")) if shown else "",
        },
    )


# An organisation's page: its profile from the registry, and the statements it signed or published.


@cached_page(lambda slug: [f"org:{slug}", "archive"])
def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        organization = organization_selectors.organization_for_page(slug=slug)
    except Http404:
        # A merged duplicate's address keeps working: it leads to the surviving record.
        if survivor := organization_selectors.organization_merged_into(slug=slug):
            return redirect(survivor, permanent=True)
        raise
    statements = selectors.organization_statements(organization=organization)
    return render(
        request,
        "organizations/detail.html",
        {
            "organization": organization,
            "memberships": organization_selectors.organization_memberships(
                organization=organization
            ),
            "members": organization_selectors.organization_members(organization=organization),
            "statements": statements,
            # Statements still collecting signatures are not in the archive yet.
            "in_archive": any(statement.is_listed for statement in statements),
        },
    )
