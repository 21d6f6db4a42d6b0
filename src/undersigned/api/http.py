"""What every public read (API, oEmbed, dump) does around its view: rate limits and validators.

One rate limiter serves the whole site; this is the only module of the public reads that
imports it, so that its move into `core` (issue 10) changes one line here.

Validators come from the page cache's generation tags (core/pagecache.py): a response's ETag
is made of the release, its address and the generations of the tags its content depends on,
and its Last-Modified is the latest of those generations. Django's own `condition` decorator
then answers If-None-Match and If-Modified-Since with 304. Unlike the readers' page cache, an
API answer is the same whoever asks, signed in or not, so cookies make no difference here.
"""

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import condition

from undersigned.core.pagecache import generations
from undersigned.core.ratelimit import client_ip, hit

_VALIDATORS = "_undersigned_validators"


def rate_limited(request: HttpRequest) -> HttpResponse | None:
    """Count a public read; return a 429 answer with Retry-After when the client went over."""
    limited = hit(scope="public-read", identity=client_ip(request), rate=settings.API_RATE_LIMIT)
    if limited is None:
        return None
    response = JsonResponse(
        {
            "detail": _("Too many requests. Try again in %(seconds)s seconds.")
            % {"seconds": limited.retry_after}
        },
        status=429,
    )
    response["Retry-After"] = str(limited.retry_after)
    return response


def _validators(request: HttpRequest, tags: list[str]) -> tuple[str, datetime]:
    """Return the ETag and Last-Modified of this address, computed once per request."""
    cached = getattr(request, _VALIDATORS, None)
    if cached is None:
        versions = generations(sorted(set(tags))) if tags else {}
        digest = hashlib.blake2b(
            f"{settings.RELEASE}|{request.get_full_path()}|{sorted(versions.items())}".encode(),
            digest_size=16,
        ).hexdigest()
        # Without tags (the OpenAPI document) only a new release changes the answer.
        newest = max(versions.values()) / 1e9 if versions else 0
        cached = (digest, datetime.fromtimestamp(int(newest), tz=UTC))
        setattr(request, _VALIDATORS, cached)
    return cached


def public_read(tags: Callable[..., list[str]]):
    """Rate-limit a public read and answer conditional requests from its tags' generations."""

    def decorator(view):
        def etag(request, *args, **kwargs):
            return _validators(request, tags(*args, **kwargs))[0]

        def last_modified(request, *args, **kwargs):
            return _validators(request, tags(*args, **kwargs))[1]

        conditional = condition(etag_func=etag, last_modified_func=last_modified)(view)

        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if refused := rate_limited(request):
                return refused
            response = conditional(request, *args, **kwargs)
            if response.status_code in (200, 304):
                # Clients revalidate each time; a 304 costs one cache read, no query.
                response["Cache-Control"] = "public, max-age=0, must-revalidate"
            return response

        return wrapper

    return decorator
