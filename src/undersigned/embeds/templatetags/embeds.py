from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from undersigned.api.records import page_url, statement_record
from undersigned.embeds import formats

register = template.Library()


@register.simple_tag
def statement_json_ld(statement):
    """Print the statement's JSON-LD data block (schema.org), for search engines and archives."""
    record = statement_record(statement)
    document = formats.statement_json_ld(record, get_language() or settings.LANGUAGE_CODE)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(formats.json_ld_script(document)),
    )


@register.simple_tag
def oembed_url(statement, oembed_format):
    return formats.oembed_endpoint(page_url(statement, get_language()), oembed_format)


@register.simple_tag
def embed_code(statement, translation):
    return formats.iframe_code(statement, translation, get_language() or settings.LANGUAGE_CODE)
