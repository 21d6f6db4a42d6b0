"""The cache the processes of one machine share when there is no Redis: diskcache's.

What the site relies on: add() and incr() atomic between processes (rate limits, view counts),
and incr() keeping the key's expiry (a counter kept for ever stays so; a window ends).
"""

import subprocess
import sys
import textwrap
import time

import pytest
from diskcache import DjangoCache

from tests.conftest import subprocess_env

# Each child counts in the same folder as the others, as gunicorn's workers do under make run.
_CHILD = textwrap.dedent(
    """
    import sys
    from diskcache import DjangoCache

    cache = DjangoCache(sys.argv[1], {})
    operation, count = sys.argv[2], int(sys.argv[3])
    if operation == "incr":
        cache.add("counter", 0, timeout=None)
        for _ in range(count):
            cache.incr("counter")
    else:
        print(int(cache.add("once", sys.argv[4], timeout=60)))
    """
)


def _children(folder, *arguments, processes=4):
    started = [
        subprocess.Popen(
            [sys.executable, "-c", _CHILD, str(folder), *arguments, str(number)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for number in range(processes)
    ]
    outputs = [child.communicate(timeout=60)[0] for child in started]
    assert all(child.returncode == 0 for child in started)
    return outputs


def test_increments_from_several_processes_at_once_are_all_counted(tmp_path):
    _children(tmp_path, "incr", "300")
    assert DjangoCache(str(tmp_path), {}).get("counter") == 1200


def test_only_one_of_several_processes_adding_a_key_at_once_succeeds(tmp_path):
    outputs = _children(tmp_path, "add", "1", processes=6)
    assert sorted(output.strip() for output in outputs) == ["0"] * 5 + ["1"]
    winner = [number for number, output in enumerate(outputs) if output.strip() == "1"]
    assert DjangoCache(str(tmp_path), {}).get("once") == str(winner[0])


def test_a_counter_kept_without_expiry_keeps_none_after_an_increment(tmp_path):
    cache = DjangoCache(str(tmp_path), {"TIMEOUT": 1})
    cache.add("views", 0, timeout=None)
    assert cache.incr("views", 5) == 5
    time.sleep(1.2)  # longer than the default timeout, which Django's own incr() would set
    assert cache.get("views") == 5


def test_an_increment_keeps_the_window_of_a_rate_limit(tmp_path):
    cache = DjangoCache(str(tmp_path), {})
    cache.add("window", 0, timeout=1)
    cache.incr("window")
    time.sleep(1.2)
    assert cache.get("window") is None
    with pytest.raises(ValueError, match="not found"):
        cache.incr("window")


def test_decrement_and_missing_keys_behave_as_in_djangos_caches(tmp_path):
    cache = DjangoCache(str(tmp_path), {})
    with pytest.raises(ValueError, match="not found"):
        cache.incr("absent")
    cache.set("buffer", 10, timeout=None)
    assert cache.decr("buffer", 4) == 6
    assert cache.add("buffer", 0) is False
    assert cache.delete("buffer") is True
    assert cache.add("buffer", 0) is True


def _default_cache_backend(**settings: str) -> str:
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "from undersigned import settings; print(settings.CACHES['default']['BACKEND'])",
        ],
        env=subprocess_env(**settings),
        capture_output=True,
        text=True,
        check=True,
    )
    return shown.stdout.strip()


def test_the_site_uses_diskcache_without_redis_and_django_redis_with_it(tmp_path):
    assert _default_cache_backend(UNDERSIGNED_VAR_DIR=str(tmp_path)) == "diskcache.DjangoCache"
    assert (
        _default_cache_backend(UNDERSIGNED_VAR_DIR=str(tmp_path), REDIS_URL="redis://127.0.0.1/12")
        == "django_redis.cache.RedisCache"
    )
