import pickle
import re
from datetime import UTC, datetime

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client

from undersigned.engagement import viewcount
from undersigned.engagement.models import StatementEngagement
from undersigned.engagement.services import view_counts_flush

pytestmark = pytest.mark.usefixtures("english", "fast_password_hashing")

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"
CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/141.0 Safari/537.36"


def reader(ip: str = "203.0.113.5", agent: str = FIREFOX) -> Client:
    return Client(REMOTE_ADDR=ip, HTTP_USER_AGENT=agent)


def read(client: Client, url: str, **headers) -> HttpResponse:
    """Load a statement page as a browser does: the page, then the view image it carries."""
    page = client.get(url, **headers)
    assert page.status_code == 200
    [beacon] = re.findall(r'<img class="view-beacon" src="([^"]+)"', page.content.decode())
    image = client.get(beacon, **headers)
    assert image.status_code == 200
    assert image["Content-Type"] == "image/gif"
    assert image["Cache-Control"] == "private, no-store"
    return page


@pytest.fixture
def statement(statement_factory):
    return statement_factory(translation__title="On the freedom of assembly")


def views_in_database(statement) -> int:
    row = StatementEngagement.objects.filter(statement=statement).first()
    return row.view_count if row else 0


def test_views_wait_in_the_cache_and_reach_the_database_in_one_flush(
    statement, django_capture_on_commit_callbacks
):
    url = statement.get_absolute_url()
    for ip in ("203.0.113.5", "203.0.113.6", "198.51.100.7"):
        assert read(reader(ip), url).status_code == 200
    assert views_in_database(statement) == 0
    assert viewcount.buffered_counts([statement.slug]) == {statement.slug: 3}

    with django_capture_on_commit_callbacks(execute=True):
        assert view_counts_flush() == 3
    assert views_in_database(statement) == 3
    assert viewcount.buffered_counts([statement.slug]) == {}
    assert "Read 3 times" in read(reader("192.0.2.1"), url).content.decode()


def test_a_view_of_a_cached_page_writes_nothing_to_the_database(
    statement, django_assert_num_queries
):
    url = statement.get_absolute_url()
    read(reader("203.0.113.5"), url)  # renders the page and books the period's flush
    with django_assert_num_queries(0):
        read(reader("203.0.113.99", CHROME), url)
    assert viewcount.buffered_counts([statement.slug]) == {statement.slug: 2}


def test_the_page_is_the_same_for_every_reader_and_only_its_image_counts(statement):
    url = statement.get_absolute_url()
    first = reader("203.0.113.5").get(url)
    second = reader("198.51.100.7", CHROME).get(url)
    assert first.content == second.content  # nginx or a CDN may hand out either copy
    assert not first.cookies
    assert not second.cookies
    assert viewcount.buffered_counts([statement.slug]) == {}  # loaded, not yet seen

    read(reader("192.0.2.1"), url)
    assert viewcount.buffered_counts([statement.slug]) == {statement.slug: 1}


def test_a_view_image_for_a_made_up_statement_counts_nothing(statement):
    key = viewcount.beacon_key(statement.slug)
    assert reader().get(f"/en/statements/{statement.slug}/seen/{key[::-1]}.gif").status_code == 404
    assert reader().get(f"/en/statements/made-up/seen/{key}.gif").status_code == 404
    assert viewcount.buffered_counts([statement.slug, "made-up"]) == {}


def test_the_same_visitor_on_one_day_is_counted_once(statement):
    url = statement.get_absolute_url()
    visitor = reader()
    for _ in range(3):
        read(visitor, url)
    read(reader("198.51.100.7"), url)  # another address: another reader
    assert viewcount.buffered_counts([statement.slug]) == {statement.slug: 2}


def test_one_address_with_thirty_browsers_is_one_view(statement):
    url = statement.get_absolute_url()
    for number in range(30):
        read(reader(agent=f"Mozilla/5.0 (X11; Linux x86_64; rv:{100 + number}.0) Firefox"), url)
    assert viewcount.buffered_counts([statement.slug]) == {statement.slug: 1}


def test_a_reader_is_remembered_until_the_salt_changes_at_midnight(monkeypatch):
    class LateEvening(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2099, 1, 1, 23, 59, 30, tzinfo=UTC)

    monkeypatch.setattr(viewcount, "datetime", LateEvening)
    assert 30 <= viewcount._seconds_left_today() <= 31


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_USER_AGENT": ""},
        {
            "HTTP_USER_AGENT": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
        },
        {"HTTP_USER_AGENT": "facebookexternalhit/1.1"},
        {"HTTP_USER_AGENT": "TelegramBot (like TwitterBot)"},
        {"HTTP_USER_AGENT": "python-requests/2.32"},
        {"HTTP_USER_AGENT": FIREFOX, "HTTP_SEC_PURPOSE": "prefetch;prerender"},
    ],
    ids=["no agent", "googlebot", "facebook preview", "telegram preview", "script", "prefetch"],
)
def test_bots_and_prefetches_are_not_counted(statement, headers):
    read(Client(REMOTE_ADDR="203.0.113.5"), statement.get_absolute_url(), **headers)
    assert viewcount.buffered_counts([statement.slug]) == {}


def test_staff_looking_at_their_page_are_not_counted(statement, admin_client):
    read(admin_client, statement.get_absolute_url(), HTTP_USER_AGENT=FIREFOX)
    assert viewcount.buffered_counts([statement.slug]) == {}


def test_no_address_is_kept_in_clear_and_the_salt_changes_every_day(statement, monkeypatch):
    read(reader("203.0.113.5"), statement.get_absolute_url())
    stored = pickle.dumps({key: cache.get(key) for key in cache._cache})
    assert b"203.0.113.5" not in stored
    assert not any("203.0.113.5" in key for key in cache._cache)

    request = reader("203.0.113.5").get("/en/").wsgi_request
    today = viewcount.visitor_digest(request, statement.slug)
    assert viewcount.visitor_digest(request, statement.slug) == today

    class Tomorrow(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2099, 1, 2, tzinfo=UTC)

    monkeypatch.setattr(viewcount, "datetime", Tomorrow)
    assert viewcount.visitor_digest(request, statement.slug) != today


@pytest.mark.django_db(transaction=True)
def test_many_waiting_views_are_flushed_at_once_by_the_worker(statement, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.VIEW_COUNT_FLUSH_THRESHOLD = 3
    settings.VIEW_COUNT_FLUSH_SECONDS = 3600
    url = statement.get_absolute_url()
    read(reader("203.0.113.1"), url)  # the first of a period flushes (the backend cannot defer)
    assert views_in_database(statement) == 1
    read(reader("203.0.113.2"), url)
    assert views_in_database(statement) == 1  # waits for the end of the period
    read(reader("203.0.113.3"), url)
    read(reader("203.0.113.4"), url)  # the third waiting view: flushed now
    assert views_in_database(statement) == 4


def test_flush_keeps_views_recorded_while_it_ran(statement):
    read(reader("203.0.113.1"), statement.get_absolute_url())
    counts = viewcount.buffered_counts([statement.slug])
    read(reader("203.0.113.2"), statement.get_absolute_url())  # arrives mid-flush
    viewcount.buffered_take(statement.slug, counts[statement.slug])
    assert viewcount.buffered_counts([statement.slug]) == {statement.slug: 1}


def test_staff_see_view_counts_in_the_admin(statement, admin_client):
    read(reader(), statement.get_absolute_url())
    view_counts_flush()
    page = admin_client.get("/en/admin/engagement/statementengagement/").content.decode()
    assert "On the freedom of assembly" in page
    assert '<td class="field-view_count">1</td>' in page


@pytest.fixture
def redis_cache(settings):
    """The cache of a production deployment: django-redis, here on Redis database 12."""
    import redis

    from tests.conftest import require

    url = "redis://127.0.0.1:6379/12"
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=2)
        reachable = bool(client.ping())
    except redis.RedisError:
        reachable = False
    require(reachable, f"Redis is not reachable at {url}")
    client.flushdb()
    settings.CACHES = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": url}}
    yield client
    client.flushdb()


def test_with_redis_buffered_views_never_expire_and_reach_the_database(
    statement, redis_cache, django_capture_on_commit_callbacks
):
    for number in range(3):
        read(reader(f"203.0.113.{number + 1}"), statement.get_absolute_url())
    assert viewcount.buffered_counts([statement.slug]) == {statement.slug: 3}
    [key] = redis_cache.keys(f"*{viewcount.BUFFER_PREFIX}{statement.slug}")
    assert redis_cache.ttl(key) == -1  # kept until the flush takes it
    with django_capture_on_commit_callbacks(execute=True):
        assert view_counts_flush() == 3
    assert views_in_database(statement) == 3
    assert viewcount.buffered_counts([statement.slug]) == {}
