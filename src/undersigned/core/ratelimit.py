"""Fixed-window rate limits counted in the shared cache, so they hold across processes.

Every form that sends mail counts per client address and per mailbox (core/addresses.py), and
the one mail path (core/outbox.py) caps the mail one recipient gets from the whole site.
A refusal is answered with 429 and Retry-After (`refused`), and the form is shown again with
`limited_message`, nothing the person typed lost.
"""

import contextlib
import hashlib
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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


def _key(scope: str, identity: str, window: int) -> str:
    digest = hashlib.sha256(identity.strip().lower().encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}:{window}"


def over(*, scope: str, identity: str, rate: str) -> Limited | None:
    """Return Limited when the current window has counted more than the rate allows, else None.

    Nothing is counted: this tells whether the attempts already made went over.
    """
    parsed = parse_rate(rate)
    now = time.time()
    window = int(now // parsed.seconds)
    if cache.get(_key(scope, identity, window), 0) > parsed.count:
        return Limited(scope=scope, retry_after=int((window + 1) * parsed.seconds - now) + 1)
    return None


def hit(*, scope: str, identity: str, rate: str) -> Limited | None:
    """Count one attempt; return Limited when it goes over the rate, else None."""
    parsed = parse_rate(rate)
    now = time.time()
    window = int(now // parsed.seconds)
    key = _key(scope, identity, window)
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


# hits_at_once's checks as one script run by Redis: SET NX EX then INCR for each key, as
# hit() does. One command to send and one answer to read instead of two each per check, which
# was most of the client's CPU for a sign-up in a rush.
_HITS_LUA = """
local counts = {}
for i, key in ipairs(KEYS) do
  redis.call('SET', key, 0, 'EX', ARGV[i], 'NX')
  counts[i] = redis.call('INCR', key)
end
return counts
"""
_HITS_SCRIPTS: dict[int, Any] = {}


def hits_at_once(*checks: tuple[str, str, str]) -> tuple[Limited | None, ...]:
    """Count one attempt against each (scope, identity, rate) in one round trip to Redis.

    For the supporters' sign-up in a rush (signatures/rush.py): every check is counted, and
    `undo` takes them back when the caller does not go on. The same keys and counts as hit()
    (add then incr, in one script), so over() and hit() read them; without Redis (diskcache,
    the local cache) it counts with hit(), one check after another.
    """
    client = getattr(cache, "client", None)
    if client is None or not hasattr(client, "get_client"):
        return tuple(hit(scope=s, identity=i, rate=r) for s, i, r in checks)
    now = time.time()
    plans, keys, lifetimes = [], [], []
    for scope, identity, rate in checks:
        parsed = parse_rate(rate)
        window = int(now // parsed.seconds)
        keys.append(cache.make_and_validate_key(_key(scope, identity, window)))
        lifetimes.append(parsed.seconds + 1)
        plans.append((scope, parsed, window))
    redis = client.get_client(write=True)
    script = _HITS_SCRIPTS.get(id(redis))
    if script is None:
        script = _HITS_SCRIPTS[id(redis)] = redis.register_script(_HITS_LUA)
    counts = script(keys=keys, args=lifetimes)
    return tuple(
        Limited(scope=scope, retry_after=int((window + 1) * parsed.seconds - now) + 1)
        if count > parsed.count
        else None
        for (scope, parsed, window), count in zip(plans, counts, strict=True)
    )


def undo(*checks: tuple[str, str, str]) -> None:
    """Take back one attempt counted against each check in the current window."""
    now = time.time()
    for scope, identity, rate in checks:
        parsed = parse_rate(rate)
        key = _key(scope, identity, int(now // parsed.seconds))
        # The window may have ended meanwhile: nothing to take back then.
        with contextlib.suppress(ValueError):
            cache.decr(key)


def first_limited(*checks: tuple[str, str, str]) -> Limited | None:
    """Count the attempt against each (scope, identity, rate); return the first limit reached."""
    for scope, identity, rate in checks:
        if limited := hit(scope=scope, identity=identity, rate=rate):
            return limited
    return None


def limited_message(limited: Limited) -> str:
    """Say, in the active language, why a form was refused and when to try again."""
    minutes = ngettext(
        "Please try again in %(minutes)d minute.",
        "Please try again in %(minutes)d minutes.",
        limited.minutes,
    ) % {"minutes": limited.minutes}
    if limited.scope.endswith(":email"):
        reason = _("Too many requests have been made with this email address.")
    else:
        reason = _("Too many requests have come from your connection.")
    kept = _("Nothing you typed is lost: it is all still in the form.")
    return f"{reason} {minutes} {kept}"


def refused(response: HttpResponse, limited: Limited) -> HttpResponse:
    """Make the response a 429 that says when to come back (RFC 6585, RFC 9110 Retry-After)."""
    response.status_code = 429
    response["Retry-After"] = str(limited.retry_after)
    return response
