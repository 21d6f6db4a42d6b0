"""Fixed-window rate limits counted in the shared cache, so they hold across processes."""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


@dataclass(frozen=True)
class Limited:
    """A limit was reached; `retry_after` is how many seconds until the window ends."""

    scope: str
    retry_after: int

    @property
    def minutes(self) -> int:
        return max(1, -(-self.retry_after // 60))


def parse_rate(value: str) -> Rate:
    """Read a rate such as "5/h" or "20/10m"."""
    try:
        count, period = value.strip().split("/")
        multiplier = int(period[:-1] or 1)
        return Rate(count=int(count), seconds=multiplier * _PERIODS[period[-1]])
    except (ValueError, KeyError, IndexError) as error:
        raise ImproperlyConfigured(
            f"A rate limit must look like 5/h or 20/10m (count/period), not {value!r}."
        ) from error


def client_ip(request: HttpRequest) -> str:
    """Return the client's address, from the proxy's header when one is configured."""
    header = settings.SIGNON_CLIENT_IP_HEADER
    if header:
        # The last address is the one our own proxy appended; earlier ones the client may forge.
        forwarded = request.headers.get(header, "")
        if hops := [hop.strip() for hop in forwarded.split(",") if hop.strip()]:
            return hops[-1]
    return request.META.get("REMOTE_ADDR", "")


def hit(*, scope: str, identity: str, rate: str) -> Limited | None:
    """Count one attempt; return Limited when it goes over the rate, else None."""
    parsed = parse_rate(rate)
    now = time.time()
    window = int(now // parsed.seconds)
    digest = hashlib.sha256(identity.strip().lower().encode()).hexdigest()[:32]
    key = f"ratelimit:{scope}:{digest}:{window}"
    # add() then incr() is atomic in Redis, in the local-memory cache and in diskcache's
    # (settings.CACHES): concurrent attempts are each counted.
    cache.add(key, 0, timeout=parsed.seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:
        # The key expired between add() and incr(): this is the first attempt of a new window.
        cache.set(key, 1, timeout=parsed.seconds + 1)
        count = 1
    if count > parsed.count:
        return Limited(scope=scope, retry_after=int((window + 1) * parsed.seconds - now) + 1)
    return None
