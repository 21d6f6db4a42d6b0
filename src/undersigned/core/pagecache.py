"""Whole-page caching for anonymous readers, invalidated precisely by generation tags.

Each cached page names the tags its content depends on ("statement:12", "archive", …). Every tag
has a generation, a timestamp kept in the shared cache and bumped after a commit that changes
what the tag covers. The page's cache key and ETag are made from the generations of its tags,
so a change is visible on the next request in every process, and a conditional GET is answered
with 304 before anything is rendered. CSRF tokens are stored as a placeholder and filled in
per request, so cached forms still work for every visitor.
"""

import hashlib
import time
from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language

CSRF_PLACEHOLDER = "__undersigned_csrf_token__"
_PAGE_PREFIX = "page:"
_GENERATION_PREFIX = "gen:"
# Cookies that mean the page may differ for this visitor: signed in, or a message to show.
_PERSONAL_COOKIES = ("sessionid", "messages")


def _generation_keys(tags: Iterable[str]) -> list[str]:
    return [f"{_GENERATION_PREFIX}{tag}" for tag in tags]


def generations(tags: list[str]) -> dict[str, int]:
    """Return the current generation of each tag, starting a generation for unknown ones."""
    keys = _generation_keys(tags)
    found = cache.get_many(keys)
    missing = {key: time.time_ns() for key in keys if key not in found}
    if missing:
        cache.set_many(missing, timeout=None)
        found.update(missing)
    return {tag: found[key] for tag, key in zip(tags, keys, strict=True)}


def invalidate(*tags: str) -> None:
    """Start new generations for the tags once the current transaction commits."""

    def bump() -> None:
        now = time.time_ns()
        cache.set_many(dict.fromkeys(_generation_keys(tags), now), timeout=None)

    transaction.on_commit(bump)


def is_personal(request: HttpRequest) -> bool:
    """Return whether this request must not see or fill the shared cache."""
    return request.method not in ("GET", "HEAD") or any(
        name in request.COOKIES for name in _PERSONAL_COOKIES
    )


def cached_page(tags: Callable[..., list[str]], *, timeout: int | None = None):
    """Cache a public view's response per language and address under the tags it depends on."""

    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if is_personal(request) or not settings.PAGE_CACHE_ENABLED:
                return view(request, *args, **kwargs)
            page_tags = sorted(tags(*args, **kwargs))
            versions = generations(page_tags)
            address = request.get_full_path()
            digest = hashlib.blake2b(
                f"{settings.RELEASE}|{get_language()}|{address}|{sorted(versions.items())}".encode(),
                digest_size=16,
            ).hexdigest()
            etag = quote_etag(digest)
            last_modified = http_date(max(versions.values()) / 1e9)
            if etag in _if_none_match(request):
                response = HttpResponseNotModified()
                _mark(response, etag, last_modified)
                return response

            key = f"{_PAGE_PREFIX}{digest}"
            stored = cache.get(key)
            if stored is None:
                request.csrf_placeholder = True
                response = view(request, *args, **kwargs)
                if response.status_code != 200 or response.streaming:
                    return response
                if hasattr(response, "render") and callable(response.render):
                    response.render()
                stored = (response.content, response.get("Content-Type"))
                cache.set(key, stored, timeout or settings.PAGE_CACHE_SECONDS)
            content, content_type = stored
            if CSRF_PLACEHOLDER.encode() in content:
                content = content.replace(CSRF_PLACEHOLDER.encode(), get_token(request).encode())
            response = HttpResponse(content, content_type=content_type)
            response["Content-Language"] = get_language()
            _mark(response, etag, last_modified)
            return response

        return wrapper

    return decorator


def _if_none_match(request: HttpRequest) -> set[str]:
    header = request.headers.get("If-None-Match", "")
    return {part.strip().removeprefix("W/") for part in header.split(",") if part.strip()}


def _mark(response: HttpResponse, etag: str, last_modified: str) -> None:
    response["ETag"] = etag
    response["Last-Modified"] = last_modified
    # Browsers revalidate every time (a cheap 304); a CDN may serve a second-old copy and
    # refresh it in the background, so a change reaches readers within about a second.
    response["Cache-Control"] = settings.PAGE_CACHE_CONTROL
    patch_vary_headers(response, ["Cookie"])


def csrf_placeholder(request: HttpRequest) -> dict[str, str]:
    """Make the CSRF token a placeholder while a page is rendered for the cache."""
    if getattr(request, "csrf_placeholder", False):
        return {"csrf_token": CSRF_PLACEHOLDER}
    return {}
