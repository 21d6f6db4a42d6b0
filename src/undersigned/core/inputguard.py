"""Refuse requests whose text cannot be stored, before any view or database sees them.

PostgreSQL raises on a NUL character in text, and a query string whose percent-escapes are not
UTF-8 is silently turned into U+FFFD by Django: neither is anything a reader typed. Such a
request is answered with a 400 in the reader's language. The same middleware turns a
BadParameter (core/params.py) raised by a view into that 400, and answers HEAD like GET without
the body, whatever server runs the site.
"""

from collections.abc import Callable
from urllib.parse import unquote_to_bytes

from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from undersigned.core.params import BadParameter


def _readable(text: str) -> bool:
    """Return whether the text has no NUL and no lone surrogate (neither can be stored)."""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _form_encoded_readable(raw: bytes) -> bool:
    """Return whether every name and value of an URL-encoded string is UTF-8 text we can keep."""
    # Split as Django's QueryDict does; parse_qsl would replace broken UTF-8 without a word.
    try:
        return all(
            _readable(unquote_to_bytes(part.replace(b"+", b" ")).decode("utf-8"))
            for field in raw.split(b"&")
            for part in field.split(b"=", 1)
        )
    except UnicodeDecodeError:
        return False


def _request_readable(request: HttpRequest) -> bool:
    if not _readable(request.path_info):
        return False
    query = request.META.get("QUERY_STRING", "")
    try:
        raw_query = query.encode("latin-1")  # WSGI hands the query's bytes over as Latin-1
    except UnicodeEncodeError:
        raw_query = query.encode("utf-8", errors="surrogatepass")
    if raw_query and not _form_encoded_readable(raw_query):
        return False
    if request.method == "POST":
        content_type = request.content_type or ""
        if content_type == "application/x-www-form-urlencoded":
            return _form_encoded_readable(request.body)
        if content_type == "multipart/form-data":
            return all(
                _readable(name) and all(_readable(value) for value in values)
                for name, values in request.POST.lists()
            )
    return True


def _drop_unreadable_cookies(request: HttpRequest) -> None:
    """Forget cookies that cannot be ours (the session's key is looked up in the database)."""
    for name in [n for n, v in request.COOKIES.items() if not (_readable(n) and _readable(v))]:
        del request.COOKIES[name]


# Machine-readable addresses answer in JSON, as their own errors do (see api.schemas.Error).
JSON_PATHS = ("/api/", "/oembed/")


def bad_request(request: HttpRequest, message: str) -> HttpResponse:
    """Answer 400 with the message on the site's page, in the address's language."""
    if request.path_info.startswith(JSON_PATHS):
        response = JsonResponse({"detail": str(message)}, status=400)
        response["Cache-Control"] = "private, no-store"
        return response
    request.GET = QueryDict()  # the page's search box must not echo what was refused
    language = translation.get_language_from_path(request.path_info)
    with translation.override(language or translation.get_language()):
        response = render(request, "core/bad_request.html", {"message": str(message)}, status=400)
    response["Cache-Control"] = "private, no-store"
    return response


class InputGuardMiddleware:
    """Refuse unreadable text, turn bad numbers into a 400, and strip the body of HEAD answers."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        _drop_unreadable_cookies(request)
        if not _request_readable(request):
            response = bad_request(
                request,
                _(
                    "The address or the form contains characters that are not text (such as a "
                    "NUL byte or broken UTF-8). Please check what you typed and try again."
                ),
            )
        else:
            response = self.get_response(request)
        if request.method == "HEAD" and not response.streaming:
            # Headers as for GET, with the length the body would have had.
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, BadParameter):
            return bad_request(request, exception.message())
        return None
