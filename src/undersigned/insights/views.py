from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from undersigned.core.pagecache import cached_page
from undersigned.insights import presenters, selectors, services
from undersigned.insights.csvfile import csv_response
from undersigned.organizations.models import Organization
from undersigned.statements.models import Category, Statement


def _overview_filters(request: HttpRequest) -> tuple[int | None, Category | None, list[str]]:
    """Read the year and category asked for; say why one that cannot be used was left out."""
    problems = []
    year = None
    if raw_year := request.GET.get("year", "").strip():
        # ASCII digits only ("²".isdigit() is true too), and never long enough to be costly.
        plain = raw_year.isascii() and raw_year.isdigit() and len(raw_year) <= 4
        if plain and int(raw_year) in selectors.overview_years():
            year = int(raw_year)
        else:
            problems.append(
                _("There are no statements from the year “%(year)s”.") % {"year": raw_year[:20]}
            )
    category = None
    if raw_category := request.GET.get("category", "").strip():
        category = Category.objects.public().filter(slug=raw_category[:80]).first()
        if category is None:
            problems.append(
                _("There is no subject “%(category)s”.") % {"category": raw_category[:80]}
            )
    return year, category, problems


def _query(year: int | None, category: Category | None) -> str:
    params = {"year": year, "category": category.slug if category else None}
    encoded = urlencode({k: v for k, v in params.items() if v})
    return f"?{encoded}" if encoded else ""


# Not "archive": the figures change when the worker has computed them again ("insights").
@cached_page(lambda: ["insights"], query=("year", "category"))
def overview(request: HttpRequest) -> HttpResponse:
    year, category, problems = _overview_filters(request)
    data = selectors.overview(year=year, category=category)
    if not data["requested"]:
        services.overview_request()  # never asked for yet (a fresh site): ask once
    return render(
        request,
        "insights/overview.html",
        {
            "data": data,
            "charts": presenters.overview_charts(data=data, query=_query(year, category)),
            "problems": problems,
        },
    )


@cached_page(lambda chart: ["insights"], query=("year", "category"))
def overview_csv(request: HttpRequest, chart: str) -> HttpResponse:
    year, category, _problems = _overview_filters(request)
    data = selectors.overview(year=year, category=category)
    return _chart_csv(presenters.overview_charts(data=data, query=""), chart, "overview")


def _chart_csv(charts: list[dict], chart: str, name: str) -> HttpResponse:
    for item in charts:
        if item and item["id"] == chart:
            return csv_response(chart=item, filename=f"{name}-{chart}")
    raise Http404("No such chart.")


@cached_page(lambda slug, chart: [f"org:{slug}", "archive", "insights"])
def organization_csv(request: HttpRequest, slug: str, chart: str) -> HttpResponse:
    organization = get_object_or_404(Organization, slug=slug)
    data = selectors.organization_insights(organization=organization)
    charts = presenters.organization_charts(organization=organization, data=data)
    if data["network"] is not None:
        charts.append(presenters.graph_chart(organization=organization, data=data["network"]))
    return _chart_csv(charts, chart, slug)


@cached_page(lambda slug, chart: [f"statement:{slug}"])
def statement_csv(request: HttpRequest, slug: str, chart: str) -> HttpResponse:
    statement = get_object_or_404(Statement.objects.visible(), slug=slug)
    data = selectors.statement_insights(statement=statement)
    return _chart_csv(presenters.statement_charts(statement=statement, data=data), chart, slug)
