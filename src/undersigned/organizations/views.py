from django.core.paginator import EmptyPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

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


@cached_page(lambda slug: [f"org:{slug}", "archive"])
def organization_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        organization = selectors.organization_for_page(slug=slug)
    except Http404:
        # A merged duplicate's address keeps working: it leads to the surviving record.
        if survivor := selectors.organization_merged_into(slug=slug):
            return redirect(survivor, permanent=True)
        raise
    statements = selectors.organization_statements(organization=organization)
    return render(
        request,
        "organizations/detail.html",
        {
            "organization": organization,
            "memberships": selectors.organization_memberships(organization=organization),
            "members": selectors.organization_members(organization=organization),
            "statements": statements,
            # Statements still collecting signatures are not in the archive yet.
            "in_archive": any(statement.is_listed for statement in statements),
        },
    )
