"""The public, read-only JSON API (django-ninja): statements, organisations, categories.

Every operation documents each status it can answer with, so that a client generated from the
OpenAPI document (and Schemathesis, which tests it) meets no surprise: 304 for a conditional
request whose validators match, 404 for an unknown slug, 422 for a malformed parameter, 429
with Retry-After past the rate limit.
"""

import re
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Path, Query
from ninja.decorators import decorate_view
from ninja.renderers import JSONRenderer

from undersigned.api import records, schemas, selectors
from undersigned.api.http import public_read

SLUG = r"^[-a-zA-Z0-9_]+$"
_SLUG = re.compile(SLUG)
MAX_PAGE = 100_000
# 400: the site's input guard refuses text that is no text (a NUL byte, broken UTF-8) before
# any view runs; it answers the API in JSON, as the API's own errors.
ERRORS = {304: None, 400: schemas.Error, 422: schemas.ValidationError, 429: schemas.Error}


class Utf8Renderer(JSONRenderer):
    """Write Armenian and Cyrillic as themselves, not as \\u escapes: half the size, readable."""

    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    renderer=Utf8Renderer(),
    title="Undersigned API",
    version="1",
    description=(
        "Read-only data of the statements archive: statements with their texts and "
        "signatories, the organisation registry and the categories. No authentication; "
        "rate-limited per client address. See /api/ on this site for the documentation."
    ),
    urls_namespace="api-v1",
    docs_url=None,
    openapi_extra={"info": {"license": {"name": settings.DATA_LICENSE}}},
)


def _tagged(prefix: str, slug: str, *others: str) -> list[str]:
    """Return the tags of an address naming a slug; a malformed one (answered 422) has none,
    so that no generation is ever stored for it in the shared cache."""
    return [f"{prefix}:{slug}", *others] if _SLUG.fullmatch(slug) and len(slug) <= 160 else []


def _page_links(request: HttpRequest, page: int, pages: int) -> tuple[str | None, str | None]:
    def link(number: int) -> str:
        params = request.GET.copy()
        params["page"] = str(number)
        return f"{settings.SITE_URL}{request.path}?{urlencode(sorted(params.items()))}"

    return (link(page + 1) if page < pages else None, link(page - 1) if page > 1 else None)


def _page(request, *, count: int, page: int, page_size: int, results: list) -> dict:
    pages = max(1, -(-count // page_size))
    next_url, previous_url = _page_links(request, page, pages)
    return {
        "count": count,
        "page": page,
        "pages": pages,
        "next": next_url,
        "previous": previous_url,
        "results": results,
    }


@api.get(
    "/statements/",
    response={200: schemas.StatementPage, **ERRORS},
    url_name="statements",
    summary="List statements",
    tags=["statements"],
)
@decorate_view(public_read(lambda: ["archive", "registry"]))
def statement_list(
    request: HttpRequest,
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(20, ge=1, le=100),
    category: str | None = Query(None, pattern=SLUG, max_length=80, description="Category slug."),
    year: int | None = Query(None, ge=1900, le=2100, description="Year of publication."),
    organization: str | None = Query(
        None, pattern=SLUG, max_length=120, description="Signed or published by (slug)."
    ),
    status: schemas.StatementStatus | None = Query(None),
    language: schemas.Language | None = Query(None, description="Has a text in the language."),
    q: str | None = Query(None, max_length=200, description="Full-text search: best first."),
):
    """Public statements, newest first (best match first with `q`), 20 to a page."""
    filters = selectors.StatementFilters(
        category=category,
        year=year,
        organization=organization,
        status=status,
        language=language,
        query=(q or "").strip() or None,
    )
    found = selectors.statement_page(
        filters=filters, offset=(page - 1) * page_size, limit=page_size
    )
    results = records.statement_summaries(found.statements)
    return _page(request, count=found.count, page=page, page_size=page_size, results=results)


@api.get(
    "/statements/{slug}/",
    response={200: schemas.StatementDetail, 404: schemas.Error, **ERRORS},
    url_name="statement",
    summary="One statement",
    tags=["statements"],
)
@decorate_view(public_read(lambda slug: _tagged("statement", slug, "registry")))
def statement_detail(request: HttpRequest, slug: str = Path(..., pattern=SLUG, max_length=160)):
    """A statement with its texts, footnotes, versions and public list of signatories."""
    statement = selectors.statement_for_api(slug=slug)
    return records.statement_record(statement)


@api.get(
    "/organizations/",
    response={200: schemas.OrganizationPage, **ERRORS},
    url_name="organizations",
    summary="List organisations",
    tags=["organizations"],
)
@decorate_view(public_read(lambda: ["registry"]))
def organization_list(
    request: HttpRequest,
    page: int = Query(1, ge=1, le=MAX_PAGE),
    page_size: int = Query(50, ge=1, le=200),
    kind: schemas.OrganizationKind | None = Query(None),
):
    """The registry by name, with each organisation's names in English, Armenian and Russian."""
    organizations, count = selectors.organizations_page(
        offset=(page - 1) * page_size, limit=page_size, kind=kind
    )
    names = selectors.organization_names(organizations)
    results = [records.organization_record(o, names) for o in organizations]
    return _page(request, count=count, page=page, page_size=page_size, results=results)


@api.get(
    "/organizations/{slug}/",
    response={200: schemas.OrganizationDetail, 404: schemas.Error, **ERRORS},
    url_name="organization",
    summary="One organisation",
    tags=["organizations"],
)
@decorate_view(public_read(lambda slug: _tagged("org", slug, "registry", "archive")))
def organization_detail(request: HttpRequest, slug: str = Path(..., pattern=SLUG, max_length=120)):
    """An organisation: names, aliases, memberships and the statements it signed or published."""
    organization = selectors.organization_for_api(slug=slug)
    return records.organization_detail_record(organization)


@api.get(
    "/categories/",
    response={200: schemas.CategoryList, 304: None, 400: schemas.Error, 429: schemas.Error},
    url_name="categories",
    summary="List categories",
    tags=["categories"],
)
@decorate_view(public_read(lambda: ["archive"]))
def category_list(request: HttpRequest):
    """Every category, with its names and how many published statements it holds."""
    return {"results": [records.category_record(c) for c in selectors.categories()]}


def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Answer an address under the API that names nothing, in JSON like the API's own 404."""
    return JsonResponse({"detail": _("Not found.")}, status=404)
