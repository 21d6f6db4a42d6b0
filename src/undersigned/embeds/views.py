"""oEmbed, the embeddable statement page and the Markdown text of a statement."""

from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.csp import build_policy
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override

from undersigned.api import records
from undersigned.api.http import public_read
from undersigned.api.selectors import statement_for_api
from undersigned.core.languages import LANGUAGE_CODES
from undersigned.core.pagecache import cached_page
from undersigned.embeds import formats
from undersigned.signatures import selectors as signature_selectors
from undersigned.statements import selectors as statement_selectors

# The embed page is the one page other sites may frame. Its policy is the site's own (when
# SECURE_CSP sets one) with frame-ancestors opened; on its own it allows nothing but this
# site's files. Django's CSP middleware, once installed, takes the override below; until then
# the view writes the same header itself, which the middleware leaves alone.
_EMBED_CSP_DEFAULT = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
    "object-src": ["'none'"],
}


def _embed_policy() -> dict:
    return {
        **(getattr(settings, "SECURE_CSP", None) or _EMBED_CSP_DEFAULT),
        "frame-ancestors": ["*"],
    }


def frameable(view):
    """Let any site frame this view's page, and no more than that."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        policy = _embed_policy()
        response = csp_override(policy)(xframe_options_exempt(view))(request, *args, **kwargs)
        if "django.middleware.csp.ContentSecurityPolicyMiddleware" not in settings.MIDDLEWARE:
            response["Content-Security-Policy"] = build_policy(policy)
        return response

    return wrapper


@frameable
@cached_page(lambda slug: [f"statement:{slug}"])
def embed(request: HttpRequest, slug: str) -> HttpResponse:
    statement = statement_selectors.statement_for_page(slug=slug)
    language = get_language() or settings.LANGUAGE_CODE
    translation_ = statement.translation(language)
    if translation_ is None:
        raise Http404("The statement has no text yet.")
    signatories = statement_selectors.statement_signatories(statement=statement)
    return render(
        request,
        "embeds/embed.html",
        {
            "statement": statement,
            "translation": translation_,
            "signatories": signatories,
            "page_url": records.page_url(statement, language),
            "signing_open": signature_selectors.statement_sign_on_open(statement=statement),
        },
    )


@cached_page(lambda slug: [f"statement:{slug}", "registry"])
def markdown(request: HttpRequest, slug: str) -> HttpResponse:
    statement = statement_for_api(slug=slug)
    language = get_language() or settings.LANGUAGE_CODE
    translation_ = statement.translation(language)
    record = records.statement_record(statement)
    text = formats.statement_markdown(record, translation_.language)
    # Only the body and its type are kept by the page cache: no other header to add here.
    return HttpResponse(text, content_type="text/markdown; charset=utf-8")


def _statement_of(url: str, host: str) -> tuple[str, str] | None:
    """Return the (slug, language) of a statement's page or embed on this site, else None.

    The site is SITE_URL's host, or the host this request came to (an address read elsewhere).
    """
    parts = urlsplit(url.strip())
    hosts = {urlsplit(settings.SITE_URL).netloc.lower(), host.lower()}
    if parts.scheme not in ("http", "https") or parts.netloc.lower() not in hosts:
        return None
    language = parts.path.strip("/").split("/", 1)[0]
    if language not in LANGUAGE_CODES:
        return None
    # The site's addresses start with their language, which resolves only while it is active.
    with translation.override(language):
        try:
            match = resolve(parts.path)
        except Resolver404:
            return None
    if match.view_name not in ("statements:detail", "embeds:statement"):
        return None
    return match.kwargs["slug"], language


def _dimension(request: HttpRequest, name: str) -> int | None:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    if not raw.isdigit() or not 0 < int(raw) <= 100_000:
        raise ValueError(name)
    return int(raw)


def _oembed_tags(request: HttpRequest) -> list[str]:
    found = _statement_of(request.GET.get("url", ""), request.get_host())
    return [f"statement:{found[0]}", "registry"] if found else []


def oembed(request: HttpRequest) -> HttpResponse:
    """Answer an oEmbed 1.0 request (JSON or XML) for a statement's address on this site."""
    tags = _oembed_tags(request)  # the statement named by ?url=, whose changes renew the answer
    return public_read(lambda: tags)(_oembed_answer)(request)


def _oembed_answer(request: HttpRequest) -> HttpResponse:
    oembed_format = request.GET.get("format", "json") or "json"
    if oembed_format not in ("json", "xml"):
        return HttpResponse(
            _("This format is not supported: ask for json or xml."),
            status=501,
            content_type="text/plain; charset=utf-8",
        )
    if not request.GET.get("url", "").strip():
        return HttpResponse(
            _("Give the address of a statement: ?url=…"),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    try:
        maxwidth = _dimension(request, "maxwidth")
        maxheight = _dimension(request, "maxheight")
    except ValueError:
        return HttpResponse(
            _("maxwidth and maxheight must be whole numbers of pixels."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    found = _statement_of(request.GET["url"], request.get_host())
    if found is None:
        return HttpResponse(
            _("This address is not a statement on this site."),
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    slug, language = found
    try:
        statement = statement_for_api(slug=slug)
    except Http404:
        return HttpResponse(
            _("There is no such statement."), status=404, content_type="text/plain; charset=utf-8"
        )
    with translation.override(language):
        translation_ = statement.translation(language)
        record = formats.oembed_record(
            statement=statement,
            translation_=translation_,
            language=language,
            signatory_count=statement.signatories.count(),
            maxwidth=maxwidth,
            maxheight=maxheight,
        )
    if oembed_format == "xml":
        return HttpResponse(formats.oembed_xml(record), content_type="text/xml; charset=utf-8")
    return JsonResponse(record, json_dumps_params={"ensure_ascii": False})
