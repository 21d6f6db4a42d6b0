"""Text helpers shared by the apps: Markdown rendering, excerpts, plain text."""

import re

import nh3
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin
from selectolax.lexbor import LexborHTMLParser

_ALLOWED_TAGS = {
    "a",
    "abbr",
    "blockquote",
    "br",
    "code",
    "em",
    "h2",
    "h3",
    "h4",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}
_ALLOWED_ATTRIBUTES = {
    "a": {"href", "id", "title", "class", "role", "aria-label"},
    "li": {"id", "class"},
    "ol": {"class", "start"},
    "section": {"class", "aria-label"},
    "sup": {"class", "id"},
    "hr": {"class"},
    "th": {"scope"},
}
# A plain reference "[3]" becomes a Markdown footnote when the body defines source 3.
_PLAIN_DEFINITION = re.compile(r"^\[(\d{1,3})\]:?[ \t]+(\S.*)$", re.MULTILINE)
_PLAIN_REFERENCE = re.compile(r"\[(\d{1,3})\](?![(:\[])")

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": True, "typographer": False})
_markdown.use(footnote_plugin).enable(["table", "linkify"])


def _plain_footnotes_to_markdown(body: str) -> str:
    defined = {number for number, _text in _PLAIN_DEFINITION.findall(body)}
    if not defined:
        return body
    body = _PLAIN_DEFINITION.sub(lambda m: f"[^{m.group(1)}]: {m.group(2)}", body)
    return _PLAIN_REFERENCE.sub(
        lambda m: f"[^{m.group(1)}]" if m.group(1) in defined else m.group(0), body
    )


def render_markdown(body: str) -> str:
    """Render statement Markdown to sanitised HTML with linked, numbered footnotes."""
    html = _markdown.render(_plain_footnotes_to_markdown(body))
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


_SPACE = re.compile(r"\s+")
_INVISIBLE = ["script", "style", "template", "noscript"]


def html_to_text(html: str) -> str:
    """Return the visible text of an HTML fragment on one line."""
    tree = LexborHTMLParser(html)
    tree.strip_tags(_INVISIBLE)
    return _SPACE.sub(" ", tree.text(separator=" ")).strip()


def markdown_to_text(body: str) -> str:
    """Return Markdown as plain text, without footnote definitions or markup."""
    body = _PLAIN_DEFINITION.sub("", body)
    body = re.sub(r"^\[\^[^\]]+\]:.*$", "", body, flags=re.MULTILINE)
    body = re.sub(r"\[\^?\d{1,3}\]", "", body)
    body = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", body)
    body = re.sub(r"[*_`#>]+", "", body)
    body = re.sub(r"^\s*[-+]\s+", "", body, flags=re.MULTILINE)
    return _SPACE.sub(" ", body).strip()


_MARKDOWN_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:[ \t]*(\S.*)$", re.MULTILINE)


def footnotes(body: str) -> list[tuple[str, str]]:
    """Return the body's footnotes (sources) as (number, plain text), in the body's order."""
    found = [(m.start(), m.group(1), m.group(2)) for m in _PLAIN_DEFINITION.finditer(body)]
    found += [(m.start(), m.group(1), m.group(2)) for m in _MARKDOWN_DEFINITION.finditer(body)]
    return [(number, markdown_to_text(text)) for _start, number, text in sorted(found)]


def markdown_to_text_with_references(body: str) -> str:
    """Return Markdown as plain text without footnote definitions, keeping references as [1]."""
    body = _PLAIN_DEFINITION.sub("", body)
    body = _MARKDOWN_DEFINITION.sub("", body)
    body = re.sub(r"\[\^([^\]\s]+)\]", r"⟦\1⟧", body)
    body = re.sub(r"\[(\d{1,3})\](?![(:\[])", r"⟦\1⟧", body)
    return markdown_to_text(body).replace("⟦", "[").replace("⟧", "]")


def excerpt(text: str, length: int = 280) -> str:
    """Cut text at a word boundary no longer than length, ending with an ellipsis when cut."""
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= length:
        return text
    limit = length - 1  # room for the ellipsis
    cut = text[: limit + 1]
    space = cut.rfind(" ")
    cut = cut[:space] if space > limit // 2 else text[:limit]
    return cut.rstrip(" ,;:.–—-") + "…"
