"""The registry's directory; an organisation's own page lists statements: see statements.views."""

from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from undersigned.core.pagecache import cached_page
from undersigned.core.params import query_page
from undersigned.organizations import selectors
from undersigned.organizations.models import Organization


@cached_page(lambda: ["registry", "archive"], query=("q", "kind", "page"))
def directory(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("kind", "")
    if kind not in Organization.Kind.values:
        kind = ""
    organizations = selectors.organization_directory(query=query, kind=kind)
    paginator = Paginator(organizations, 60)
    try:
        page_obj = paginator.page(query_page(request))
    except EmptyPage as error:
        raise Http404("No such page") from error
    return render(
        request,
        "organizations/directory.html",
        {"page_obj": page_obj, "query": query, "kind": kind, "kinds": Organization.Kind.choices},
    )
