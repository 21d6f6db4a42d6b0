"""Read a WordPress export (WXR 1.1 or 1.2) item by item, in constant memory.

The file is streamed with ElementTree's iterparse (through defusedxml, which refuses entity
declarations and external references in an uploaded file) and every item is cleared once
read, so an export of any size is read with the memory of one post.

Each post's HTML (content:encoded) goes through the same page parser as a saved page
(importer.parsing.parse_page), which splits it into body, signatories and footnotes; title,
date, categories, tags, author and comments come from the export's own fields.
"""

import datetime
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext_lazy as _

from undersigned.importer.parsing import ParsedEntry, ParseError, is_heading_line, parse_page

# The namespaces of WXR 1.0, 1.1 and 1.2 differ only in their version: match their families.
_WP = re.compile(r"^http://wordpress\.org/export/1\.\d+/$")
_CONTENT = "http://purl.org/rss/1.0/modules/content/"
_DC = "http://purl.org/dc/elements/1.1/"

# Why an item is not a statement, by WordPress post type and status.
SKIP_TYPES = {
    "page": _("a page, not a post"),
    "attachment": _("an attachment (a media file), not a post"),
    "nav_menu_item": _("a menu item, not a post"),
}
SKIP_OTHER_TYPE = _("a %(type)s, not a post")
SKIP_STATUSES = {
    "draft": _("a draft, never published"),
    "auto-draft": _("a draft, never published"),
    "pending": _("waiting for review on WordPress, never published"),
    "future": _("scheduled on WordPress, not yet published"),
    "private": _("private on WordPress"),
    "trash": _("in WordPress's trash"),
}
SKIP_PASSWORD = _("protected by a password on WordPress")
SKIP_UNREADABLE = _("its text could not be read: %(error)s")
WXR_INVALID = _("This is not a WordPress export that can be read: %(error)s")

# WordPress's comment_approved: "1" published, "0" held for moderation; spam and trash are
# dropped, as are pingbacks and trackbacks, which are links rather than comments.
COMMENT_STATUSES = {"1": "approved", "0": "pending"}
COMMENT_TYPES = {"", "comment"}

_GUTENBERG = re.compile(r"<!-- wp:")
_BLOCK_START = re.compile(
    r"<(?:p|div|ul|ol|li|h[1-6]|table|blockquote|figure|pre|hr|dl|section)\b", re.I
)


class WordpressError(ValueError):
    """The file is not a readable WordPress export."""


@dataclass
class WordpressComment:
    comment_id: str
    parent_id: str
    author: str
    date: datetime.datetime | None
    status: str  # "approved" or "pending"
    body: str

    def as_json(self) -> dict:
        # The commenter's email is read from the export but never kept or shown.
        return {
            "author": self.author,
            "date": self.date.isoformat() if self.date else None,
            "status": self.status,
            "body": self.body,
        }


@dataclass
class WordpressItem:
    """One item of the export: a statement, or something skipped with its reason."""

    guid: str
    title: str
    kind: str  # "statement" or "skipped"
    reason: str = ""
    date: datetime.date | None = None
    published_at: datetime.datetime | None = None  # in UTC
    author: str = ""
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    comments: list[WordpressComment] = field(default_factory=list)
    entry: ParsedEntry | None = None

    def as_json(self) -> dict:
        """Return the item as the import's dry run prints it."""
        if self.kind == "skipped":
            return {
                "kind": "skipped",
                "title": self.title,
                "source": self.guid,
                "reason": str(self.reason),
            }
        assert self.entry is not None
        return {
            **self.entry.as_json(),
            "author": self.author,
            "tags": list(self.tags),
            "comments": [comment.as_json() for comment in self.comments],
            "source": self.guid,
        }


@dataclass
class WordpressSite:
    """The channel's own fields, known once its header has been read."""

    title: str = ""
    authors: dict[str, str] = field(default_factory=dict)  # login -> display name


def looks_like_wxr(head: bytes | str) -> bool:
    """Tell a WordPress export from a saved page by its first few kilobytes."""
    if isinstance(head, bytes):
        head = head.decode("utf-8", "replace")
    return "<rss" in head and bool(re.search(r"wordpress\.org/export/1\.\d+/", head))


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        namespace, _sep, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _text(element: ET.Element) -> str:
    return (element.text or "").strip()


def _gmt(value: str) -> datetime.datetime | None:
    try:
        moment = datetime.datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:  # WordPress writes 0000-00-00 00:00:00 for never-published items
        return None
    return moment.replace(tzinfo=datetime.UTC)


def _local(value: str) -> datetime.datetime | None:
    try:
        return datetime.datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def _autop(text: str) -> str:
    """Give classic-editor text the paragraphs WordPress shows (its wpautop, simplified).

    Block-editor content carries its own markup; classic text separates paragraphs with a
    blank line and lines with a line break, around any HTML blocks written by hand.
    """
    if _GUTENBERG.search(text):
        return text
    chunks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").strip())
    return "\n".join(
        chunk if _BLOCK_START.match(chunk) else "<p>" + chunk.replace("\n", "<br>\n") + "</p>"
        for chunk in (c.strip() for c in chunks)
        if chunk
    )


def _entry(title: str, content: str, date: datetime.date | None) -> ParsedEntry:
    # The parser reads a page from its title down; give it the post as WordPress shows it.
    page = (
        f"<html><body><main><h1>{html.escape(title)}</h1>\n{_autop(content)}</main></body></html>"
    )
    entries = parse_page(page, content_type="text/html")
    entry = next((e for e in entries if e.kind == "statement"), None) or (
        entries[0] if entries else ParsedEntry(kind="statement", title=title)
    )
    entry.kind, entry.title, entry.date = "statement", title, date
    entry.signatories = [line for line in entry.signatories if not is_heading_line(line)]
    return entry


def _item(element: ET.Element, site: WordpressSite) -> WordpressItem:
    fields: dict[str, str] = {}
    categories: list[str] = []
    tags: list[str] = []
    comments: list[WordpressComment] = []
    content = ""
    for child in element:
        namespace, local = _split(child.tag)
        if local == "category" and not namespace:
            domain = child.get("domain", "")
            if domain == "category":
                categories.append(_text(child))
            elif domain == "post_tag":
                tags.append(_text(child))
        elif local == "encoded" and namespace == _CONTENT:
            content = child.text or ""
        elif local == "comment" and _WP.match(namespace):
            if (comment := _comment(child)) is not None:
                comments.append(comment)
        elif _WP.match(namespace) or not namespace or namespace == _DC:
            fields[local] = _text(child)
    title = fields.get("title", "")
    guid = fields.get("guid", "") or fields.get("link", "") or f"post:{fields.get('post_id', '')}"
    post_type = fields.get("post_type", "post")
    status = fields.get("status", "")
    reason = None
    if post_type != "post":
        reason = SKIP_TYPES.get(post_type) or SKIP_OTHER_TYPE % {"type": post_type}
    elif status != "publish":
        reason = SKIP_STATUSES.get(status) or SKIP_OTHER_TYPE % {"type": status}
    elif fields.get("post_password"):
        reason = SKIP_PASSWORD
    if reason is not None:
        return WordpressItem(guid=guid, title=title, kind="skipped", reason=reason)
    local = _local(fields.get("post_date", ""))
    date = local.date() if local else None
    try:
        entry = _entry(title, content, date)
    except ParseError as error:
        return WordpressItem(
            guid=guid,
            title=title,
            kind="skipped",
            reason=SKIP_UNREADABLE % {"error": str(error)},
        )
    entry.categories = categories
    entry.publisher = site.title or None
    login = fields.get("creator", "")
    return WordpressItem(
        guid=guid,
        title=title,
        kind="statement",
        date=date,
        published_at=_gmt(fields.get("post_date_gmt", "")),
        author=site.authors.get(login, login),
        categories=categories,
        tags=tags,
        comments=comments,
        entry=entry,
    )


def _comment(element: ET.Element) -> WordpressComment | None:
    fields = {_split(child.tag)[1]: (child.text or "") for child in element}
    status = COMMENT_STATUSES.get(fields.get("comment_approved", "").strip())
    if status is None or fields.get("comment_type", "").strip() not in COMMENT_TYPES:
        return None
    return WordpressComment(
        comment_id=fields.get("comment_id", "").strip(),
        parent_id=fields.get("comment_parent", "").strip(),
        author=fields.get("comment_author", "").strip(),
        date=_gmt(fields.get("comment_date_gmt", "")) or _local(fields.get("comment_date", "")),
        status=status,
        body=fields.get("comment_content", "").strip(),
    )


def wordpress_items(
    source: IO[bytes], site: WordpressSite | None = None
) -> Iterator[WordpressItem]:
    """Yield the items of a WordPress export as they are read; site fills with its header.

    Raises WordpressError when the file is not well-formed XML or not an RSS export.
    """
    site = site if site is not None else WordpressSite()
    depth = 0
    channel: ET.Element | None = None
    seen_rss = False
    try:
        for event, element in iterparse(source, events=("start", "end")):
            namespace, local = _split(element.tag)
            if event == "start":
                depth += 1
                if depth == 1:
                    seen_rss = local == "rss"
                    if not seen_rss:
                        raise WordpressError(WXR_INVALID % {"error": _("it has no RSS channel")})
                elif depth == 2 and local == "channel":
                    channel = element
                continue
            depth -= 1
            if depth != 2 or channel is None:  # only the channel's own children matter
                continue
            if local == "item":
                yield _item(element, site)
            elif local == "title" and not namespace:
                site.title = _text(element)
            elif local == "author" and _WP.match(namespace):
                author = {_split(c.tag)[1]: _text(c) for c in element}
                login = author.get("author_login", "")
                site.authors[login] = author.get("author_display_name") or login
            # Read and done with: keep memory flat however long the export is.
            element.clear()
            channel.remove(element)
    except (ET.ParseError, DefusedXmlException) as error:
        raise WordpressError(WXR_INVALID % {"error": str(error)}) from error
    if not seen_rss:
        raise WordpressError(WXR_INVALID % {"error": _("the file is empty")})
