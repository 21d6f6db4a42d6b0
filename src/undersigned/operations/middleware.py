"""One log line and the metrics for every request, under the request's id."""

import logging
import time

from undersigned.operations import logs, metrics

logger = logging.getLogger("undersigned.request")
# Labels are few and known: a client's made-up method must not make a new series.
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


class RequestObservationMiddleware:
    """Give the request an id, answer with it, then log and count what the request did.

    First in MIDDLEWARE, so the time and status are those the client sees. Only the route
    (the URL pattern, no tokens or query strings) and the view are logged, never the address.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = logs.request_id_from(request.headers.get("X-Request-ID"))
        request.request_id = request_id
        # Kept until the response is closed (logs.py), so that Django's own line for an
        # error response, written after the middleware returned, carries the id too.
        logs.REQUEST_ID.set(request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        seconds = time.perf_counter() - started
        response["X-Request-ID"] = request_id
        match = getattr(request, "resolver_match", None)
        view = match.view_name if match and match.view_name else "unresolved"
        route = match.route if match else ""
        page_cache = getattr(request, "page_cache", None)
        metrics.request_observed(
            view=view,
            method=request.method if request.method in _METHODS else "other",
            status=response.status_code,
            seconds=seconds,
            page_cache=page_cache,
        )
        logger.info(
            "%s %s %s %d %.1f ms",
            request.method,
            route or "-",
            view,
            response.status_code,
            seconds * 1000,
            extra={
                "method": request.method,
                "route": route,
                "view": view,
                "status": response.status_code,
                "duration_ms": round(seconds * 1000, 1),
                "page_cache": page_cache,
            },
        )
        return response


def observe_lean(route: str, view: str):
    """Return what logs and counts a request answered before Django (signatures/rush.py)."""

    def observe(environ: dict, status: str, headers: list[tuple[str, str]], seconds: float):
        request_id = logs.request_id_from(environ.get("HTTP_X_REQUEST_ID"))
        code = int(status.split(" ", 1)[0])
        method = environ.get("REQUEST_METHOD", "")
        metrics.request_observed(
            view=view,
            method=method if method in _METHODS else "other",
            status=code,
            seconds=seconds,
            page_cache=None,
        )
        logger.info(
            "%s %s %s %d %.1f ms (lean path)",
            method,
            route,
            view,
            code,
            seconds * 1000,
            extra={
                "method": method,
                "route": route,
                "view": view,
                "status": code,
                "duration_ms": round(seconds * 1000, 1),
            },
        )
        return [*headers, ("X-Request-ID", request_id)]

    return observe
