"""The public pages to check, found from the URL configuration so that no kind is forgotten."""

from django.urls import URLPattern, URLResolver, get_resolver

from undersigned.organizations.models import Organization
from undersigned.statements.models import Category, Statement

LANGUAGES = ("en", "hy", "ru")

# Routes that answer no HTML page of their own to check: staff pages (behind a login), files,
# feeds, POST-only actions, and private links whose pages the browser tests open with real tokens.
NOT_PUBLIC_HTML = {
    "admin",
    "staff",
    "feed",
    ".csv",
    ".json",
    ".pdf",
    ".docx",
    ".atom",
    ".rss",
    ".xml",
    ".txt",
    ".ico",
    "jsi18n",
    "i18n/",
    "<str:token>",
    "<str:key>",
    ".gif",
    "/comment/",
    "/send/",
    "/sent/",
    "new-link",
    "/api/v1",
    "(?P<rest>",
    "api/dump",
    "oembed",
    ".md",
    ".jsonl",
    "healthz",
    "readyz",
    "metrics",
}


def public_routes() -> list[str]:
    """Return the route of every URL pattern, joined from the root, that serves a public page."""
    routes = []

    def walk(patterns, prefix: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern, URLPattern) and not any(
                part in route for part in NOT_PUBLIC_HTML
            ):
                routes.append(route.replace("^", "").replace("$", ""))

    walk(get_resolver().url_patterns, "/")
    return routes


def example_paths() -> dict[str, list[str]]:
    """Return, for every public route, real addresses in every language (with data to show)."""
    statement = Statement.objects.visible().order_by("-published_at", "pk").first()
    with_footnotes = (
        Statement.objects.visible().filter(translations__body__contains="[1]").first() or statement
    )
    category = Category.objects.order_by("pk").first()
    organization = Organization.objects.filter(signatures__isnull=False).order_by("pk").first()
    network = Organization.objects.filter(member_links__isnull=False).order_by("pk").first()
    for found in (statement, category, organization, network):
        assert found is not None, "the demo content is missing"
    values = {
        "<slug:slug>": [statement.slug, with_footnotes.slug],
        "<int:page>": ["2"],
        "<int:number>": ["1"],
    }
    examples: dict[str, list[str]] = {}
    for route in public_routes():
        paths = [route]
        for placeholder, choices in values.items():
            if placeholder in route:
                if "categories/" in route:
                    choices = [category.slug] if placeholder == "<slug:slug>" else choices
                if "organisations/" in route:
                    choices = [organization.slug, network.slug]
                paths = [p.replace(placeholder, c, 1) for p in paths for c in choices]
        if "<" in "".join(paths):
            raise AssertionError(f"no example value for {route}: add one in {__name__}")
        examples[route] = [
            path.replace("/<language>/", f"/{language}/", 1)
            if "/<language>/" in path
            else f"/{language}{path}"
            if not path.startswith(("/en/", "/hy/", "/ru/"))
            else path.replace("/en/", f"/{language}/", 1)
            for path in paths
            for language in LANGUAGES
        ]
    return examples
