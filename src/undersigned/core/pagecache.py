"""Whole-page caching for anonymous readers, invalidated precisely by generation tags.

Each cached page names the tags its content depends on ("statement:12", "archive", …). Every tag
has a generation, a timestamp kept in the shared cache and bumped after a commit that changes
what the tag covers. A page is stored under its address and language together with the ETag
made from the generations it was rendered at; one round trip to the cache brings the page and
the current generations, and the page is served only while they still match, so a change is
visible on the next request in every process. A conditional GET is answered with 304 from the
generations alone, by Django's get_conditional_response, before any page is read or rendered.
CSRF tokens are stored as a placeholder and filled in per request, so cached forms still work
for every visitor. The placeholder is made anew for each rendering and kept with the page:
text a reader wrote (a comment quoting a placeholder) can never be mistaken for it, so only
the site's own forms get the token.

A page is stored per address with only the query parameters its view reads (`query=`); the
view sees only those too. Other parameters (trackers' tags, a fuzzer's noise) neither bypass
the cache nor fill it with copies of one page.

When a busy page changes, one request renders it again while the others keep getting the
previous version, for at most PAGE_CACHE_STALE_MS after the change: a page is rendered once
per change, not once per reader who asks while it renders.

nginx in front keeps what the app marks as shared to the end of the current second and then
revalidates (deploy/nginx-page-cache.conf): readers of a busy page are served by nginx alone.

Kept here rather than Django's cache_page or UpdateCacheMiddleware: those expire pages by time
and cannot drop the pages a change touches, fill CSRF tokens in per visitor, nor let one request
render while others get the page from before.
"""

import hashlib
import secrets
import time
from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, QueryDict
from django.middleware.csrf import get_token
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language

# Every placeholder starts so; a random part, new for each rendering, follows.
CSRF_PLACEHOLDER = "__undersigned_csrf_token__"
_PAGE_PREFIX = "pages:"
_STORED_FIELDS = 5
_RENDER_LOCK_PREFIX = "pages-rendering:"
_RENDER_LOCK_SECONDS = 30
_GENERATION_PREFIX = "gen:"
# Cookies that mean the page may differ for this visitor: signed in, or a message to show.
_PERSONAL_COOKIES = ("sessionid", "messages")


def _generation_keys(tags: Iterable[str]) -> list[str]:
    return [f"{_GENERATION_PREFIX}{tag}" for tag in tags]


def _read(tags: list[str], page_key: str | None) -> tuple[dict[str, int], tuple | None]:
    """Return the tags' generations (starting unknown ones) and the stored page, in one trip."""
    keys = _generation_keys(tags)
    found = cache.get_many([*keys, page_key] if page_key else keys)
    stored = found.pop(page_key, None) if page_key else None
    missing = {key: time.time_ns() for key in keys if key not in found}
    if missing:
        cache.set_many(missing, timeout=None)
        found.update(missing)
    return {tag: found[key] for tag, key in zip(tags, keys, strict=True)}, stored


def generations(tags: list[str]) -> dict[str, int]:
    """Return the current generation of each tag, starting a generation for unknown ones."""
    return _read(tags, None)[0]


def invalidate(*tags: str) -> None:
    """Start new generations for the tags once the current transaction commits."""

    def bump() -> None:
        now = time.time_ns()
        cache.set_many(dict.fromkeys(_generation_keys(tags), now), timeout=None)

    transaction.on_commit(bump)


def is_personal(request: HttpRequest) -> bool:
    """Return whether this request must not see or fill the shared cache."""
    return request.method not in ("GET", "HEAD") or has_personal_cookie(request)


def has_personal_cookie(request: HttpRequest) -> bool:
    """Return whether the visitor is signed in or has a message waiting: a page of their own."""
    return any(name in request.COOKIES for name in _PERSONAL_COOKIES)


def _slot(language: str, address: str) -> str:
    """Name the place of a page in the cache: one per release, language and address."""
    return hashlib.blake2b(
        f"{settings.RELEASE}|{language}|{address}".encode(), digest_size=16
    ).hexdigest()


def _may_serve_stale(versions: dict[str, int]) -> bool:
    """Return whether the latest change is recent enough to serve the page from before it."""
    age_ns = time.time_ns() - max(versions.values())
    # A negative age is another machine's clock running ahead: render rather than guess.
    return 0 <= age_ns < getattr(settings, "PAGE_CACHE_STALE_MS", 0) * 1_000_000


def _keep_known_query(request: HttpRequest, names: Iterable[str]) -> None:
    """Leave the request only the query parameters the view reads, in a fixed order."""
    known = QueryDict(mutable=True)
    for name in sorted(names):
        if values := request.GET.getlist(name):
            known.setlist(name, values)
    known._mutable = False
    request.GET = known
    request.META["QUERY_STRING"] = known.urlencode()


def cached_page(
    tags: Callable[..., list[str]], *, query: Iterable[str] = (), timeout: int | None = None
):
    """Cache a public view's response per language, path and known query under its tags.

    `query` names the parameters the view reads; the others are dropped before the view runs.
    """
    query = tuple(query)

    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            _keep_known_query(request, query)
            if is_personal(request) or not settings.PAGE_CACHE_ENABLED:
                return view(request, *args, **kwargs)
            page_tags = sorted(tags(*args, **kwargs))
            language = get_language()
            address = request.get_full_path()
            slot = _slot(language, address)
            key = f"{_PAGE_PREFIX}{slot}"
            # A revalidation (nginx's, a browser's) usually ends in 304: it need not bring the
            # page along.
            revalidating = "If-None-Match" in request.headers
            versions, stored = _read(page_tags, None if revalidating else key)
            digest = hashlib.blake2b(
                f"{settings.RELEASE}|{language}|{address}|{sorted(versions.items())}".encode(),
                digest_size=16,
            ).hexdigest()
            etag = quote_etag(digest)
            last_modified = http_date(max(versions.values()) / 1e9)
            # Django's conditional GET (what condition() and ConditionalGetMiddleware run)
            # answers from the generations' ETag before any page is read or rendered: both of
            # those would first run the view. The ETag alone decides: Last-Modified counts
            # whole seconds, so a change in the second a reader last fetched would look like none.
            answered = get_conditional_response(request, etag=etag)
            if answered is not None:  # 304 Not Modified (or 412 to a failed If-Match)
                request.page_cache = "not_modified"  # counted by operations' metrics
                _mark(answered, etag, last_modified)  # nginx renews its copy from these
                return answered
            if revalidating:
                stored = cache.get(key)
            if stored is not None and len(stored) != _STORED_FIELDS:
                stored = None  # kept by an earlier version of this module
            if stored is not None and stored[0] == etag:
                request.page_cache = "hit"
                return _respond(request, stored, language)

            lock = f"{_RENDER_LOCK_PREFIX}{slot}"
            locked = stored is not None and cache.add(lock, 1, timeout=_RENDER_LOCK_SECONDS)
            if stored is not None and not locked and _may_serve_stale(versions):
                request.page_cache = "hit"
                return _respond(request, stored, language)  # another request renders it
            request.page_cache = "miss"
            placeholder = f"{CSRF_PLACEHOLDER}{secrets.token_hex(16)}"
            request.csrf_placeholder = placeholder
            try:
                response = view(request, *args, **kwargs)
                if response.status_code != 200 or response.streaming:
                    return _fill_csrf(request, response, placeholder)
                if hasattr(response, "render") and callable(response.render):
                    response.render()
                content = response.content
                stored = (
                    etag,
                    last_modified,
                    content,
                    response.get("Content-Type"),
                    # Kept only when the page has a form: the others set no CSRF cookie.
                    placeholder if placeholder.encode() in content else "",
                )
                cache.set(key, stored, timeout or settings.PAGE_CACHE_SECONDS)
            finally:
                # An error page rendered after an exception gets the visitor's real token.
                request.csrf_placeholder = ""
                if locked:
                    cache.delete(lock)
            return _respond(request, stored, language)

        return wrapper

    return decorator


def _respond(request: HttpRequest, stored: tuple, language: str) -> HttpResponse:
    etag, last_modified, content, content_type, placeholder = stored
    if placeholder:
        content = content.replace(placeholder.encode(), get_token(request).encode())
    response = HttpResponse(content, content_type=content_type)
    response["Content-Language"] = language
    _mark(response, etag, last_modified)
    return response


def _fill_csrf(request: HttpRequest, response: HttpResponse, placeholder: str) -> HttpResponse:
    """Give a response that is not cached (an error page, say) the visitor's own token."""
    if getattr(response, "is_rendered", True) is False:
        response.render()
    if not response.streaming and placeholder.encode() in response.content:
        response.content = response.content.replace(
            placeholder.encode(), get_token(request).encode()
        )
    return response


def _mark(response: HttpResponse, etag: str, last_modified: str) -> None:
    response["ETag"] = etag
    response["Last-Modified"] = last_modified
    # Browsers revalidate every time (a cheap 304); a CDN may serve a second-old copy and
    # refresh it in the background, so a change reaches readers within about a second.
    response["Cache-Control"] = settings.PAGE_CACHE_CONTROL
    # nginx in front (deploy/nginx-page-cache.conf) keeps the page to the end of this second:
    # its own clock counts whole seconds, and "s-maxage=1" could keep a page for almost two.
    response["X-Accel-Expires"] = f"@{int(time.time())}"
    patch_vary_headers(response, ["Cookie"])


def csrf_placeholder(request: HttpRequest) -> dict[str, str]:
    """Make the CSRF token this rendering's placeholder while a page is rendered for the cache."""
    if placeholder := getattr(request, "csrf_placeholder", ""):
        return {"csrf_token": placeholder}
    return {}
