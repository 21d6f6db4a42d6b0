"""The supporters' rush on a lean path: sign-up POST, confirmation page and Confirm, no middleware.

In a rush almost every request is one of two: the support form, which nginx and the page cache
serve (it carries no token: views.support), and its POST. Through Django's whole request
machinery that POST cost about 8 ms of CPU on this project's 2-core benchmark machine, most of
it in the middleware every page needs (sessions, authentication, messages, the second factor,
the lockout, CORS, CSP) and none of which a supporter's sign-up uses. This path answers the
ordinary, valid sign-up itself, with the same parts the view uses: Django's WSGIRequest, the
same form (SupportForm), the same origin check (core/origin.py), the same host check, the
same rate limits and mail cap (counted in one round trip to Redis: ratelimit.hits_at_once),
and one INSERT (supporters.supporter_sign_up_at_once). Everything else goes on to Django
untouched, the body put back: another method or address, a form with an error, a limit or the
cap reached, a statement that does not take supporters, a database that does not answer. So
every refusal and every message comes from the view, as before.

Kept here, not as a Django view, because a view runs after the whole middleware stack; a
package that routes requests before Django (a separate ASGI app, say) would bring a second
server to run and watch. The answer is the view's: a redirect to the page that says the mail
is on its way, with the security headers Django's middleware would add to it.

The link a supporter is mailed opens a page that is the same for every supporter of the
statement (views.support_confirm_link, the token in the query string), which nginx serves; its
Confirm button's POST comes here and confirms in one UPDATE … RETURNING
(supporters.supporter_confirm_at_once). Links mailed before, with the token in the path
(views.support_confirm), take the same kind of path (SupportersRush.confirm): their page (GET)
reads the row in one SELECT, their Confirm as above. The page itself is the view's: Django
renders it whole, through every middleware, once per statement, language and kind of page
every few seconds, for a supporter whose name, place and link are placeholders
(PAGE_ENVIRON_KEY tells the view); each visitor's page is that copy with their name and place
escaped as the template would and their link's token put in. A link that is not waiting
(unknown, used, expired), a visitor with a session, another method, a POST from another site:
Django answers, as before.
"""

import io
import re
import secrets
import time
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qs

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.db import DatabaseError, connection
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from undersigned.core import outbox, ratelimit
from undersigned.core.addresses import mailbox
from undersigned.core.origin import from_this_site
from undersigned.core.pagecache import has_personal_cookie
from undersigned.signatures import selectors, supporters
from undersigned.signatures.forms import SupportForm
from undersigned.signatures.models import SignOnToken, Supporter
from undersigned.statements.models import Statement

_LANGUAGES = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
SIGN_UP_PATH = re.compile(rf"^/({_LANGUAGES})/statements/([-a-zA-Z0-9_]+)/support/$")
# What a link's token looks like, in the path or in the query.
_LINK_KEY = r"[-a-zA-Z0-9_]{16,128}"
CONFIRM_PATH = re.compile(rf"^/({_LANGUAGES})/support/confirm/({_LINK_KEY})/$")
# The link mailed now (views.support_confirm_link): its page is nginx's, its POST comes here.
CONFIRM_LINK_PATH = re.compile(rf"^/({_LANGUAGES})/statements/[-a-zA-Z0-9_]+/support/confirm/$")
_TOKEN = re.compile(_LINK_KEY)
_MAX_BODY = 16 * 1024
# The environ key that asks the confirmation view for a page with placeholders (views.py).
# Only the WSGI server and this module set environ keys of this form: a client's headers all
# become HTTP_… keys.
PAGE_ENVIRON_KEY = "undersigned.supporter_page"
# How long a page built with placeholders serves before Django renders it again: a statement's
# title, or a template, changed shows within this time.
PAGE_SECONDS = 10.0
# Placeholders new for each process: nothing a visitor typed can be mistaken for one.
_HOLD = secrets.token_hex(12)
_PLACEHOLDER = re.compile(rb"UNDERSIGNED(TOKEN|NAME|PLACE)" + _HOLD.encode())
# What of the visitor's request the page with placeholders is built for; the rest (cookies,
# the body, every other header) is left out, so the page is the same for everyone.
_PAGE_ENVIRON = (
    "SERVER_NAME",
    "SERVER_PORT",
    "SERVER_PROTOCOL",
    "SCRIPT_NAME",
    "REMOTE_ADDR",
    "HTTP_HOST",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "wsgi.url_scheme",
    "wsgi.version",
    "wsgi.errors",
    "wsgi.multithread",
    "wsgi.multiprocess",
    "wsgi.run_once",
)
_PAGE_HEADERS_DROPPED = {"content-length", "x-request-id", "set-cookie"}
# A slug's statement id, read once per process: a statement keeps its id, and the INSERT checks
# the slug, the status and the date again on every sign-up.
_statement_ids: dict[str, int] = {}
_STATEMENT_IDS_MAX = 1000


def _statement_id(slug: str) -> int | None:
    if (found := _statement_ids.get(slug)) is None:
        found = Statement.objects.filter(slug=slug).values_list("pk", flat=True).first()
        if found is not None:
            if len(_statement_ids) >= _STATEMENT_IDS_MAX:
                _statement_ids.clear()
            _statement_ids[slug] = found
    return found


@lru_cache(maxsize=_STATEMENT_IDS_MAX)
def _sent_page(language: str, slug: str) -> str:
    """The page a sign-up is sent to (kept: reverse() is slow for a rush)."""
    with translation.override(language):
        return reverse("signatures:support_sent", kwargs={"slug": slug})


def _headers(location: str) -> list[tuple[str, str]]:
    """The redirect's headers, as Django's middleware would set them on the view's redirect."""
    headers = [
        ("Location", location),
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Length", "0"),
        ("Content-Language", translation.get_language() or settings.LANGUAGE_CODE),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", settings.SECURE_REFERRER_POLICY or "same-origin"),
        ("X-Frame-Options", settings.X_FRAME_OPTIONS),
    ]
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        headers.append(("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY))
    return headers


def sign_up(environ: dict) -> tuple[str, list[tuple[str, str]], bytes] | None:
    """Answer a valid sign-up's POST (status and headers), or return None for Django to answer.

    The request's body is read into memory and put back in the environ, so Django reads it as
    sent when this path leaves it.
    """
    if environ.get("REQUEST_METHOD") != "POST":
        return None
    match = SIGN_UP_PATH.match(environ.get("PATH_INFO", ""))
    if match is None:
        return None
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    if not 0 < length <= _MAX_BODY:
        return None
    if not environ.get("CONTENT_TYPE", "").startswith("application/x-www-form-urlencoded"):
        return None
    body = environ["wsgi.input"].read(length)
    environ["wsgi.input"] = io.BytesIO(body)
    if b"%00" in body or b"\x00" in body:
        return None  # core.inputguard answers it
    request = WSGIRequest({**environ, "wsgi.input": io.BytesIO(body)})
    try:
        request.get_host()
    except DisallowedHost:
        return None
    if not from_this_site(request):
        return None
    language, slug = match.groups()
    with translation.override(language):
        return _sign_up(request, language=language, slug=slug)


def _sign_up(request: WSGIRequest, *, language: str, slug: str):
    form = SupportForm(request.POST, auto_id="support_%s")
    if not form.is_valid():
        return None
    data = form.cleaned_data
    checks = (
        ("support:ip", ratelimit.client_ip(request), settings.SUPPORTERS_RATE_LIMIT_IP),
        ("support:email", mailbox(data["email"]), settings.SUPPORTERS_RATE_LIMIT_EMAIL),
        (outbox.CAP_SCOPE, mailbox(data["email"]), f"{settings.MAIL_PER_RECIPIENT_PER_HOUR}/h"),
    )
    if any(ratelimit.hits_at_once(*checks)):
        ratelimit.undo(*checks)  # the view counts them again, and answers
        return None
    try:
        statement_id = _statement_id(slug)
        done = statement_id is not None and supporters.supporter_sign_up_at_once(
            statement_id=statement_id,
            slug=slug,
            name=data["name"],
            place=data["place"],
            email=data["email"],
            show_name=data["show_name"],
            language=language,
        )
    except DatabaseError:
        connection.close()  # the view's request opens a new one
        done = False
    if not done:
        ratelimit.undo(*checks)
        return None
    return "302 Found", _headers(_sent_page(language, slug)), b""


@dataclass(frozen=True)
class PageRequest:
    """What the confirmation view is asked to render instead of reading the link (views.py)."""

    kind: str  # "confirm" (the page with its button) or "confirmed" (the Confirm's answer)
    supporter: Supporter


class SupportersRush:
    """WSGI middleware: the lean path for supporters' sign-ups and confirmations, else Django.

    `observe` makes the function that logs and counts a lean answer, from its route and view
    name (operations.middleware.observe_lean).
    """

    def __init__(self, application, *, observe=None):
        self.application = application
        self.observe_sign_up = observe and observe(
            "<lang>/statements/<slug:slug>/support/", "signatures:support"
        )
        self.observe_confirm = observe and observe(
            "<lang>/support/confirm/<str:token>/", "signatures:support_confirm"
        )
        self.observe_confirm_link = observe and observe(
            "<lang>/statements/<slug:slug>/support/confirm/", "signatures:support_confirm_link"
        )
        # (host, scheme, kind, language, statement, name shown) -> (built at, status,
        # headers, body with placeholders)
        self._pages: dict[tuple, tuple[float, str, list[tuple[str, str]], bytes]] = {}

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        answer, observe = sign_up(environ), self.observe_sign_up
        if answer is None:
            answer, observe = self.confirm(environ), self.observe_confirm
            if environ.get("PATH_INFO", "").endswith("/support/confirm/"):
                observe = self.observe_confirm_link
        if answer is None:
            return self.application(environ, start_response)
        status, headers, body = answer
        if observe:
            headers = observe(environ, status, headers, time.perf_counter() - started)
        start_response(status, headers)
        return [body]

    def confirm(self, environ: dict) -> tuple[str, list[tuple[str, str]], bytes] | None:
        """Answer a waiting link's page or its Confirm, or return None for Django to answer."""
        method = environ.get("REQUEST_METHOD")
        if method not in ("GET", "POST"):
            return None
        path = environ.get("PATH_INFO", "")
        if match := CONFIRM_PATH.match(path):
            language, token = match.groups()
            # Its page is built at the same kind of address, a placeholder for the token.
            page_at = (f"/{language}/support/confirm/UNDERSIGNEDTOKEN{_HOLD}/", "")
        elif method == "POST" and (match := CONFIRM_LINK_PATH.match(path)):
            language, tokens = match[1], parse_qs(environ.get("QUERY_STRING", "")).get("token")
            if not tokens or len(tokens) > 1 or not _TOKEN.fullmatch(tokens[0]):
                return None
            token = tokens[0]
            page_at = (path, f"token=UNDERSIGNEDTOKEN{_HOLD}")
        else:
            return None
        request = WSGIRequest(environ)
        if has_personal_cookie(request):
            return None
        try:
            request.get_host()
        except DisallowedHost:
            return None
        if method == "POST" and not from_this_site(request):
            return None
        try:
            if method == "GET":
                support = selectors.supporter_awaiting(token=token)
            else:
                support = supporters.supporter_confirm_at_once(token=token)
        except DatabaseError:
            connection.close()  # the view's request opens a new one
            return None
        if support is None:
            return None  # unknown, used or expired: the view says which
        kind = "confirm" if method == "GET" else "confirmed"
        page = self._page(environ, kind=kind, language=language, support=support, at=page_at)
        if page is None:
            if method == "GET":
                return None
            # Confirmed, but no page to show for it: the view renders this supporter's.
            found = (
                Supporter.objects.select_related("statement")
                .filter(confirm_digest=SignOnToken.digest_of(token))
                .first()
            )
            if found is not None:
                environ[PAGE_ENVIRON_KEY] = PageRequest(kind=kind, supporter=found)
            return None
        status, headers, body = page
        values = {b"TOKEN": token, b"NAME": escape(support.name), b"PLACE": escape(support.place)}
        body = _PLACEHOLDER.sub(lambda found: values[found[1]].encode(), body)
        return status, [*headers, ("Content-Length", str(len(body)))], body

    def _page(
        self, environ: dict, *, kind: str, language: str, support, at: tuple[str, str]
    ) -> tuple | None:
        """The page for this kind, language, statement and choice, with placeholders.

        `at` is the address (path, query) it is built for, its token a placeholder.
        """
        key = (
            at,
            environ.get("HTTP_HOST"),
            environ.get("HTTP_X_FORWARDED_HOST"),
            environ.get("HTTP_X_FORWARDED_PROTO"),
            environ.get("wsgi.url_scheme"),
            kind,
            language,
            support.statement_id,
            support.show_name,
        )
        now = time.monotonic()
        found = self._pages.get(key)
        if found is not None and now - found[0] < PAGE_SECONDS:
            return found[1:]
        statement = Statement.objects.filter(pk=support.statement_id).first()
        if statement is None:
            return None
        held = Supporter(
            statement=statement,
            name=f"UNDERSIGNEDNAME{_HOLD}",
            place=f"UNDERSIGNEDPLACE{_HOLD}",
            show_name=support.show_name,
        )
        page_environ = {name: environ[name] for name in _PAGE_ENVIRON if name in environ}
        page_environ.update(
            {
                "REQUEST_METHOD": "GET",
                "PATH_INFO": at[0],
                "QUERY_STRING": at[1],
                "wsgi.input": io.BytesIO(b""),
                PAGE_ENVIRON_KEY: PageRequest(kind=kind, supporter=held),
            }
        )
        answered: list = []
        result = self.application(page_environ, lambda *args: answered.extend(args[:2]))
        try:
            body = b"".join(result)
        finally:
            if hasattr(result, "close"):
                result.close()
        status, headers = answered
        if not status.startswith("200") or any(k.lower() == "set-cookie" for k, _ in headers):
            return None
        headers = [(k, v) for k, v in headers if k.lower() not in _PAGE_HEADERS_DROPPED]
        if len(self._pages) >= _STATEMENT_IDS_MAX:
            self._pages.clear()
        self._pages[key] = (now, status, headers, body)
        return status, headers, body
