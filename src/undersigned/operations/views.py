"""Health checks for load balancers and monitors, and the metrics for Prometheus."""

import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from undersigned.operations import health, metrics


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Answer that the process runs; nothing else is checked."""
    return JsonResponse({"status": "ok"})


@require_GET
@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """Answer 200 when every check passes, else 503 naming the checks that failed.

    `?skip=worker,outbox` leaves out the checks that concern the whole site rather than this
    app server, for a load balancer that should keep serving readers while the worker is down.
    """
    skip = frozenset(part for part in request.GET.get("skip", "").split(",") if part)
    unknown = sorted(skip - health.CHECKS.keys())
    if unknown:
        return JsonResponse(
            {
                "status": "error",
                "error": "unknown checks",
                "unknown": unknown,
                "known": list(health.CHECKS),
            },
            status=400,
        )
    checks = health.readiness(skip=skip)
    failed = sorted(name for name, outcome in checks.items() if outcome != "ok")
    response = JsonResponse(
        {"status": "fail" if failed else "ok", "failed": failed, "checks": checks},
        status=503 if failed else 200,
    )
    # A 503 here is an answer, not an error of the site: no "Service Unavailable" ERROR line
    # (and error mail) from Django for every probe; the request's own line names the status.
    response._has_been_logged = True  # type: ignore[attr-defined]
    return response


def _token_matches(request: HttpRequest) -> bool:
    expected = settings.METRICS_TOKEN
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    return (
        bool(expected)
        and scheme.lower() == "bearer"
        and constant_time_compare(given.strip(), expected)
    )


@require_GET
@never_cache
def metrics_view(request: HttpRequest) -> HttpResponse:
    """Answer Prometheus's scrape, for staff or for a bearer of METRICS_TOKEN."""
    user = getattr(request, "user", None)
    if not (_token_matches(request) or (user is not None and user.is_active and user.is_staff)):
        response = HttpResponse(
            json.dumps({"error": "staff or a metrics token is required"}),
            status=401,
            content_type="application/json",
        )
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return HttpResponse(metrics.exposition(), content_type=metrics.CONTENT_TYPE)
