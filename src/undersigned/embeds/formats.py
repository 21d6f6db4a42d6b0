"""A statement as other formats: its oEmbed answer, its JSON-LD and its Markdown.

Each is built from the API's public record (api/records.py), so no format shows a field the API
does not, and none can show contact data.
"""

import json
from datetime import date, datetime
from urllib.parse import urlencode

import yaml
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from undersigned.api.records import absolute
from undersigned.statements.models import Statement, StatementTranslation

OEMBED_WIDTH = 600
OEMBED_HEIGHT = 480


def embed_url(statement: Statement, language: str) -> str:
    with translation.override(language):
        return absolute(reverse("embeds:statement", kwargs={"slug": statement.slug}))


def oembed_endpoint(page: str, oembed_format: str) -> str:
    return absolute(reverse("oembed")) + "?" + urlencode({"url": page, "format": oembed_format})


def iframe_code(
    statement: Statement,
    translation_: StatementTranslation,
    language: str,
    width: int = OEMBED_WIDTH,
    height: int = OEMBED_HEIGHT,
) -> str:
    """Return the <iframe> snippet a member site pastes to show the statement."""
    return (
        f'<iframe src="{escape(embed_url(statement, language))}" width="{width}" '
        f'height="{height}" title="{escape(translation_.title)}" loading="lazy"></iframe>'
    )


def oembed_record(
    *,
    statement: Statement,
    translation_: StatementTranslation,
    language: str,
    signatory_count: int,
    maxwidth: int | None,
    maxheight: int | None,
) -> dict:
    """Return the oEmbed 1.0 "rich" answer: the embed page in an iframe, sized to fit."""
    width = min(OEMBED_WIDTH, maxwidth) if maxwidth else OEMBED_WIDTH
    height = min(OEMBED_HEIGHT, maxheight) if maxheight else OEMBED_HEIGHT
    publishers = list(statement.publishers.all())
    record = {
        "version": "1.0",
        "type": "rich",
        "title": translation_.title,
        "provider_name": settings.SITE_NAME,
        "provider_url": settings.SITE_URL + "/",
        "cache_age": 3600,
        "width": width,
        "height": height,
        "html": iframe_code(statement, translation_, language, width, height),
    }
    if publishers:
        record["author_name"] = ", ".join(o.name for o in publishers)
        with translation.override(language):
            record["author_url"] = absolute(publishers[0].get_absolute_url())
    with translation.override(language):
        record["description"] = translation_.excerpt(200)
        record["signatory_count"] = signatory_count
        record["signatories_label"] = ngettext(
            "%(counter)s signatory", "%(counter)s signatories", signatory_count
        ) % {"counter": signatory_count}
    if statement.published_at:
        record["published_at"] = statement.published_at.isoformat()
    return record


def oembed_xml(record: dict) -> str:
    """Return the oEmbed answer as XML, as the specification's example writes it."""
    from xml.sax.saxutils import escape as xml_escape

    fields = "".join(f"<{key}>{xml_escape(str(value))}</{key}>" for key, value in record.items())
    return f'<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n<oembed>{fields}</oembed>\n'


def _organization_ld(organization: dict) -> dict:
    names = [name for name in organization["names"].values() if name]
    node = {
        "@type": "Organization",
        "@id": organization["url"],
        "name": organization["name"],
        "url": organization["url"],
    }
    if len(names) > 1:
        node["alternateName"] = [name for name in names if name != organization["name"]]
    return node


def statement_json_ld(record: dict, language: str) -> dict:
    """Return the statement as schema.org JSON-LD: a CreativeWork (a public statement) whose
    publisher and signatories ("contributor", the organisations that put their name to it) are
    Organizations."""
    text = next(
        (t for t in record["translations"] if t["language"] == language), record["translations"][0]
    )
    document = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": text["url"],
        "url": text["url"],
        "name": text["title"],
        "headline": text["title"],
        "inLanguage": text["language"],
        "text": text["body"],
        "dateModified": record["updated_at"].isoformat(),
        "publisher": [_organization_ld(o) for o in record["publishers"]],
        "contributor": [_organization_ld(s["organization"]) for s in record["signatories"]],
        "keywords": record["categories"],
        "license": f"https://spdx.org/licenses/{settings.DATA_LICENSE}",
        "encodingFormat": "text/html",
        "encoding": {
            "@type": "MediaObject",
            "contentUrl": record["markdown_url"],
            "encodingFormat": "text/markdown",
        },
        "workTranslation": [
            {"@type": "CreativeWork", "@id": t["url"], "inLanguage": t["language"]}
            for t in record["translations"]
            if t["language"] != text["language"]
        ],
    }
    if record["published_at"]:
        document["datePublished"] = record["published_at"].isoformat()
    if text["summary"]:
        document["abstract"] = text["summary"]
    return document


def json_ld_script(document: dict) -> str:
    """Return JSON-LD for a <script type="application/ld+json"> block, safe inside HTML.

    A data block is not run by the browser, so a Content-Security-Policy does not cover it.
    """
    data = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return data.translate({ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"})


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def statement_markdown(record: dict, language: str) -> str:
    """Return the statement's text in a language as Markdown with YAML front matter."""
    text = next(t for t in record["translations"] if t["language"] == language)
    front = {
        "title": text["title"],
        "slug": record["slug"],
        "language": text["language"],
        "status": record["status"],
        "published_at": _plain(record["published_at"]),
        "updated_at": _plain(record["updated_at"]),
        "url": text["url"],
        "categories": record["categories"],
        "publishers": [o["name"] for o in record["publishers"]],
        "signatories": [
            {"name": line["organization"]["name"], "url": line["organization"]["url"]}
            for line in record["signatories"]
        ],
        "license": settings.DATA_LICENSE,
    }
    if text["adoption_note"]:
        front["adoption_note"] = text["adoption_note"]
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    with translation.override(language):
        heading = _("Signatories")
    names = "\n".join(
        f"{line['position']}. {line['organization']['name']}" for line in record["signatories"]
    )
    parts = [f"---\n{header}---\n", f"# {text['title']}\n"]
    if text["summary"]:
        parts.append(f"{text['summary']}\n")
    parts.append(text["body"].strip() + "\n")
    parts.append(f"## {heading}\n\n{names}\n" if names else f"## {heading}\n")
    return "\n".join(parts)
