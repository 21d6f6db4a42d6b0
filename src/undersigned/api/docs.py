"""The API's documentation for people, and the bulk dump's download."""

from datetime import UTC, datetime

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import condition

from undersigned.api.dump import DUMP_NAME, dump_path
from undersigned.api.http import rate_limited
from undersigned.core.pagecache import cached_page
from undersigned.statements.models import Statement


@cached_page(lambda: ["archive"])
def documentation(request: HttpRequest) -> HttpResponse:
    example = Statement.objects.published().values_list("slug", flat=True).first() or "SLUG"
    base = settings.SITE_URL
    return render(
        request,
        "api/documentation.html",
        {
            "api_root": base + "/api/v1/",
            "openapi_url": base + "/api/v1/openapi.json",
            "example_slug": example,
            "example_page": base + reverse("statements:detail", kwargs={"slug": example}),
            "oembed_url": base + reverse("oembed"),
            "dump_url": base + reverse("api-dump"),
            "license": settings.DATA_LICENSE,
            "rate_limit": settings.API_RATE_LIMIT,
        },
    )


def _dump_modified(request: HttpRequest) -> datetime | None:
    path = dump_path()
    return datetime.fromtimestamp(int(path.stat().st_mtime), tz=UTC) if path.exists() else None


def dump_download(request: HttpRequest) -> HttpResponse:
    """Serve the latest bulk dump the worker wrote; If-Modified-Since gets 304 until the next."""
    if refused := rate_limited(request):
        return refused
    return _dump_file(request)


@condition(last_modified_func=_dump_modified)
def _dump_file(request: HttpRequest) -> HttpResponse:
    path = dump_path()
    if not path.exists():
        return JsonResponse(
            {"detail": _("The dump has not been written yet. Try again later.")}, status=503
        )
    response = FileResponse(path.open("rb"), as_attachment=True, filename=DUMP_NAME)
    response["Content-Type"] = "application/gzip"
    response["Cache-Control"] = "public, max-age=300"
    return response
