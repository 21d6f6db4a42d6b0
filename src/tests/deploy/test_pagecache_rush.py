"""The page cache under a rush: one render per change, and never stale for long."""

import time

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token
from django.template import engines
from django.test import RequestFactory

from undersigned.core import pagecache
from undersigned.core.pagecache import CSRF_PLACEHOLDER, cached_page

ADDRESS = "/en/rush/"


@pytest.fixture
def page(db):
    """A cached view whose content is whatever `page.text` holds; counts its renders."""

    class Page:
        text = "first"
        renders = 0

    @cached_page(lambda: ["rush"])
    def view(request):
        Page.renders += 1
        return HttpResponse(Page.text)

    Page.view = view
    return Page


def get(view):
    return view(RequestFactory().get(ADDRESS))


def change(tag: str, *, seconds_ago: float = 0.0) -> None:
    """Bump the tag's generation as a commit would, dated some time ago."""
    cache.set(f"gen:{tag}", time.time_ns() - int(seconds_ago * 1e9), timeout=None)


def rendering_elsewhere() -> None:
    """Hold the render lock of the page, as another process rendering it would."""
    cache.add(f"pages-rendering:{pagecache._slot('en', ADDRESS)}", 1, timeout=30)


def test_a_cached_page_is_served_without_rendering_again(page):
    assert get(page.view).content == b"first"
    assert get(page.view).content == b"first"
    assert page.renders == 1


def test_a_change_is_shown_at_once_when_nobody_else_renders_it(page):
    before = get(page.view)
    page.text = "second"
    change("rush")
    after = get(page.view)
    assert after.content == b"second"
    assert after["ETag"] != before["ETag"]


def test_while_another_request_renders_a_change_readers_get_the_page_from_before(page, settings):
    settings.PAGE_CACHE_STALE_MS = 500
    before = get(page.view)
    page.text = "second"
    change("rush")
    rendering_elsewhere()
    during = get(page.view)
    assert during.content == b"first"
    assert during["ETag"] == before["ETag"]  # names what it is: the page from before
    assert page.renders == 1


def test_the_page_from_before_is_never_served_longer_than_the_limit_after_a_change(page, settings):
    settings.PAGE_CACHE_STALE_MS = 500
    get(page.view)
    page.text = "second"
    change("rush", seconds_ago=0.6)
    rendering_elsewhere()
    assert get(page.view).content == b"second"


def test_the_render_lock_is_released_when_the_view_fails(page):
    get(page.view)
    change("rush")

    def failing(request):
        raise RuntimeError("database gone")

    broken = cached_page(lambda: ["rush"])(failing)
    with pytest.raises(RuntimeError):
        get(broken)
    assert cache.get(f"pages-rendering:{pagecache._slot('en', ADDRESS)}") is None


def test_a_page_that_is_not_cached_gets_the_visitors_own_csrf_token(db):
    template = engines["django"].from_string("<form>{% csrf_token %}</form>")

    @cached_page(lambda: ["missing"])
    def view(request):
        return HttpResponse(template.render({}, request), status=404)

    request = RequestFactory().get("/en/missing/")
    content = view(request).content.decode()
    assert CSRF_PLACEHOLDER not in content
    token = content.split('value="')[1].split('"')[0]
    assert _unmask_cipher_token(token) == request.META["CSRF_COOKIE"]


def test_a_revalidation_is_answered_not_modified_without_reading_the_page(page):
    first = get(page.view)
    cache.delete(f"pages:{pagecache._slot('en', ADDRESS)}")  # the page itself is not needed
    again = page.view(RequestFactory().get(ADDRESS, headers={"If-None-Match": first["ETag"]}))
    assert again.status_code == 304
    assert page.renders == 1
