"""The supporters' sign-up POST on a lean path, for a rush: no middleware stack, three round trips.

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
"""

import io
import re
import time

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.db import DatabaseError, connection
from django.urls import reverse
from django.utils import translation

from undersigned.core import outbox, ratelimit
from undersigned.core.addresses import mailbox
from undersigned.core.origin import from_this_site
from undersigned.signatures import supporters
from undersigned.signatures.forms import SupportForm
from undersigned.statements.models import Statement

_LANGUAGES = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
SIGN_UP_PATH = re.compile(rf"^/({_LANGUAGES})/statements/([-a-zA-Z0-9_]+)/support/$")
_MAX_BODY = 16 * 1024
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


def sign_up(environ: dict) -> tuple[str, list[tuple[str, str]]] | None:
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
    location = reverse("signatures:support_sent", kwargs={"slug": slug})
    return "302 Found", _headers(location)


class SupportersRush:
    """WSGI middleware: the lean path for supporters' sign-ups, Django for everything else."""

    def __init__(self, application, *, observe=None):
        self.application = application
        self.observe = observe

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        answer = sign_up(environ)
        if answer is None:
            return self.application(environ, start_response)
        status, headers = answer
        if self.observe is not None:
            headers = self.observe(environ, status, headers, time.perf_counter() - started)
        start_response(status, headers)
        return [b""]
