"""Count statement views in the shared cache, never writing to the database per request.

A view is counted when a person (not a known bot or a prefetch) loads a statement page: the
page carries a one-pixel image whose address is signed for the statement, and fetching it
counts the view. The page itself is then the same for every reader, so nginx or a CDN can
serve it without asking the app; the image is never cached.

One address is one reader per statement and day (UTC), whatever browser it names: a script
that changes its User-Agent at every request still counts once. The cache remembers a hash of
the address, salted with a random value that is replaced every day and never stored anywhere
else, so no address can be read back, and yesterday's hashes cannot be linked to today's.
Counts wait in the cache under the statement's slug; the worker adds them to the database in
one batch (services.view_counts_flush) a few minutes later, or sooner when many are waiting.
"""

import contextlib
import hashlib
import re
import secrets
from datetime import UTC, date, datetime, time, timedelta
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from undersigned.core.ratelimit import client_ip

BUFFER_PREFIX = "readers:views:"
_SALT_PREFIX = "readers:salt:"
_SEEN_PREFIX = "readers:seen:"
_PENDING = "readers:views-pending"
_FLUSH_CLOCK = "readers:views-flush-clock"

# Crawlers, link previews, monitors, command-line clients and headless browsers.
_BOTS = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|archiver|preview|facebookexternalhit|meta-external|embedly|"
    r"whatsapp|telegram|skypeuripreview|discord|slack|vkshare|pinterest|quora|outbrain|"
    r"python-|urllib|curl|wget|httpie|libwww|go-http|java/|okhttp|axios|node-fetch|"
    r"headless|phantomjs|lighthouse|pagespeed|gtmetrix|monitor|uptime|pingdom|check_http|"
    r"feedfetcher|feedparser|validator|scrapy|httpclient|mediapartners",
    re.IGNORECASE,
)


def is_bot(request: HttpRequest) -> bool:
    """Return whether the request comes from software rather than a reader."""
    return is_bot_agent(
        request.headers.get("User-Agent", ""),
        request.headers.get("Sec-Purpose", "") or request.headers.get("Purpose", ""),
        request.headers.get("X-Moz", ""),
    )


def is_bot_agent(agent: str, purpose: str = "", moz: str = "") -> bool:
    """Return whether these headers (User-Agent, Sec-Purpose or Purpose, X-Moz) are software's."""
    if not agent or _BOTS.search(agent):
        return True
    # Browsers announce speculative loads; nobody has read those pages yet.
    return "prefetch" in purpose.lower() or moz == "prefetch"


def daily_salt(day: date | None = None) -> str:
    """Return the day's salt (today's by default), made by the first process that asks."""
    key = f"{_SALT_PREFIX}{(day or datetime.now(UTC).date()).isoformat()}"
    # add() keeps the first value: every process of the site uses the same salt that day.
    cache.add(key, secrets.token_hex(16), timeout=int(timedelta(days=2).total_seconds()))
    return cache.get(key) or ""


def address_digest(salt: str, address: str, slug: str) -> bytes:
    """Return the salted hash under which an address is one reader of a statement that day."""
    return hashlib.blake2b(f"{salt}|{address}|{slug}".encode(), digest_size=16).digest()


def visitor_digest(request: HttpRequest, slug: str) -> str:
    """Return a salted hash of the visitor's address, for one statement and day."""
    return address_digest(daily_salt(), client_ip(request), slug).hex()


def _seconds_left_today() -> int:
    """Return the seconds until the daily salt changes (midnight UTC)."""
    now = datetime.now(UTC)
    midnight = datetime.combine(now.date() + timedelta(days=1), time.min, tzinfo=UTC)
    return max(1, int((midnight - now).total_seconds()) + 1)


def beacon_key(slug: str) -> str:
    """Return the key that lets the view image of this statement count: no made-up slugs."""
    return salted_hmac("undersigned.engagement.views", slug, algorithm="sha256").hexdigest()[:16]


def beacon_key_valid(slug: str, key: str) -> bool:
    return constant_time_compare(beacon_key(slug), key)


def _increment(key: str) -> int:
    cache.add(key, 0, timeout=None)
    try:
        return cache.incr(key)
    except ValueError:  # evicted between add() and incr()
        cache.set(key, 1, timeout=None)
        return 1


def view_record(*, request: HttpRequest, slug: str) -> bool:
    """Count one view of the statement unless it is a bot's or a repeat; return whether counted."""
    if is_bot(request):
        return False
    if not cache.add(f"{_SEEN_PREFIX}{visitor_digest(request, slug)}", 1, _seconds_left_today()):
        return False
    _increment(f"{BUFFER_PREFIX}{slug}")
    _flush_when_due()
    return True


def _flush_when_due() -> None:
    """Ask the worker to flush soon: at the end of this period, or at once when many wait."""
    from undersigned.engagement.tasks import view_counts_flush_task

    period = settings.VIEW_COUNT_FLUSH_SECONDS
    if _increment(_PENDING) >= settings.VIEW_COUNT_FLUSH_THRESHOLD:
        pending_reset()
        transaction.on_commit(view_counts_flush_task.enqueue)
    elif cache.add(_FLUSH_CLOCK, 1, timeout=period):
        # The first view of a period books the flush at its end; later ones ride along.
        task = view_counts_flush_task
        if task.get_backend().supports_defer:
            task = task.using(run_after=timezone.now() + timedelta(seconds=period))
        transaction.on_commit(partial(task.enqueue))


def buffered_counts(slugs: list[str]) -> dict[str, int]:
    """Return the views waiting in the cache for each of the slugs that has some."""
    found = cache.get_many([f"{BUFFER_PREFIX}{slug}" for slug in slugs])
    return {key.removeprefix(BUFFER_PREFIX): int(n) for key, n in found.items() if n}


def pending_reset() -> None:
    """Start counting the views that wait for the next flush from zero."""
    cache.set(_PENDING, 0, timeout=None)


def buffered_take(slug: str, count: int) -> None:
    """Remove counts that reached the database, keeping views recorded meanwhile."""
    key = f"{BUFFER_PREFIX}{slug}"
    with contextlib.suppress(ValueError):  # evicted: nothing left to take
        cache.decr(key, count)
