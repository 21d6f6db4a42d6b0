from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.translation import get_language, get_language_info, pgettext_lazy

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)
LANGUAGE_NAMES_IN_TEXT = {
    "en": pgettext_lazy("language name inside a sentence", "English"),
    "hy": pgettext_lazy("language name inside a sentence", "Armenian"),
    "ru": pgettext_lazy("language name inside a sentence", "Russian"),
}


@register.simple_tag(takes_context=True)
def language_links(context, languages=None):
    """Return this page's address in each site language, for the switcher and hreflang."""
    request = context["request"]
    current = get_language()
    available = set(languages) if languages else None
    links = []
    for code, _name in settings.LANGUAGES:
        if available is not None and code not in available:
            continue
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": translate_url(request.get_full_path(), code),
                "absolute_url": settings.SITE_URL + translate_url(request.path, code),
                "current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def absolute_url(context, path=None):
    """Return the public absolute address of a path (or of this page, without the query)."""
    return settings.SITE_URL + (path if path is not None else context["request"].path)


@register.simple_tag(takes_context=True)
def page_url(context, page_number):
    """Return the clean address of an archive page, keeping the active filters."""
    name = context["page_url_name"]
    kwargs = dict(context.get("page_url_kwargs") or {})
    if page_number == 1:
        url = reverse(name.removesuffix("_page"), kwargs=kwargs)
    else:
        url = reverse(name, kwargs={**kwargs, "page": page_number})
    active = context.get("active_filters") or {}
    return f"{url}?{urlencode(active)}" if active else url


@register.filter
def language_name(code):
    """Name a site language in the reader's language, as a heading or a list item would."""
    return LANGUAGE_NAMES.get(code) or get_language_info(code)["name_translated"]


@register.filter
def language_name_in_text(code):
    """Name a site language in the reader's language, inside a sentence (lower case in hy, ru)."""
    return LANGUAGE_NAMES_IN_TEXT.get(code) or language_name(code)
