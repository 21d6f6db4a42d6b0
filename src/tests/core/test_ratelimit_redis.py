"""Rate limits counted in Redis in one round trip (ratelimit.hits_at_once), as hit() counts."""

import pytest

from tests.conftest import require
from undersigned.core import ratelimit

URL = "redis://127.0.0.1:6379/11"


@pytest.fixture
def redis_cache(settings):
    import redis

    try:
        client = redis.Redis.from_url(URL, socket_connect_timeout=2)
        reachable = bool(client.ping())
    except redis.RedisError:
        reachable = False
    require(reachable, f"Redis is not reachable at {URL}")
    client.flushdb()
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": URL,
            "KEY_PREFIX": "undersigned",
        }
    }
    yield client
    client.flushdb()


def test_each_check_is_counted_and_limited_as_hit_counts_it(redis_cache):
    checks = (
        ("support:ip", "192.0.2.7", "3/m"),
        ("support:email", "ani@example.am", "2/h"),
    )
    assert ratelimit.hits_at_once(*checks) == (None, None)
    assert ratelimit.hits_at_once(*checks) == (None, None)
    third = ratelimit.hits_at_once(*checks)
    assert third[0] is None
    assert third[1] is not None
    assert third[1].scope == "support:email"
    assert 0 < third[1].retry_after <= 3601
    # hit() and over() read the same counts.
    assert ratelimit.hit(scope="support:ip", identity="192.0.2.7", rate="3/m") is not None
    assert ratelimit.over(scope="support:email", identity="ani@example.am", rate="2/h")
    # Each count lives for its window (and a second), no longer.
    ttls = [redis_cache.ttl(key) for key in redis_cache.keys("*ratelimit*")]
    assert len(ttls) == 2
    assert all(0 < ttl <= 3601 for ttl in ttls)
    assert min(ttls) <= 61


def test_undo_takes_back_what_was_counted(redis_cache):
    check = ("support:email", "aram@example.am", "1/h")
    assert ratelimit.hits_at_once(check) == (None,)
    ratelimit.undo(check)
    assert ratelimit.hits_at_once(check) == (None,)
    assert ratelimit.hits_at_once(check)[0] is not None


def test_the_script_is_loaded_again_after_redis_forgets_it(redis_cache):
    check = ("support:ip", "192.0.2.8", "2/m")
    ratelimit.hits_at_once(check)
    redis_cache.script_flush()
    assert ratelimit.hits_at_once(check) == (None,)
    assert ratelimit.hits_at_once(check)[0] is not None  # the third of two, counted on
