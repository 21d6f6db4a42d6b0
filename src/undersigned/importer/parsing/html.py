"""HTML flattened to the lines of a plain-text capture of the same page."""

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

# ---------------------------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------------------------

_HTML_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|div|p|article|section|main|h[1-6]|ul|ol|li|br|span|a|"
    r"table)\b[^<>]*>",
    re.IGNORECASE,
)
_DROP_TAGS = frozenset(
    {"head", "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "svg"}
    | {"iframe", "button", "select", "option", "input", "textarea", "canvas", "object", "embed"}
    | {"dialog"}
)
_BLOCK_TAGS = frozenset(
    {"address", "article", "blockquote", "center", "dd", "details", "div", "dl", "dt", "hr"}
    | {"fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "main"}
    | {"ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "ul"}
)
_KEEP_ALWAYS = frozenset({"html", "body", "main", "article"})
# Class or id tokens of WordPress and theme furniture (whole token, or its prefix before - or _).
_FURNITURE_CLASS = re.compile(
    r"^(?:comments?|comment-respond|respond|share|sharing|sharedaddy|social|related|yarpp|"
    r"jp-relatedposts|newsletter|subscribe|subscription|widget-area|sidebar|secondary|colophon|"
    r"cookie|cookies|breadcrumbs?|screen-reader-text|sr-only|visually-hidden|skip-link|a11y|"
    r"accessibility|pojo-a11y|post-navigation|nav-links|navigation|pagination|addtoany|"
    r"wpdiscuz|post-views|views-count)(?:[-_].*)?$",
    re.IGNORECASE,
)


def _looks_like_html(text: str, content_type: str | None, filename: str | None) -> bool:
    if content_type:
        kind = content_type.split(";")[0].strip().lower()
        if kind in ("text/html", "application/xhtml+xml"):
            return True
        if kind == "text/plain":
            return False
    if filename:
        suffix = filename.lower().rpartition(".")[2]
        if suffix in ("html", "htm", "xhtml"):
            return True
        if suffix in ("txt", "text", "md"):
            return False
    head = text[:4096]
    return bool(re.match(r"\s*<(?:!doctype\s+html|html)\b", head, re.IGNORECASE)) or (
        len(_HTML_SNIFF.findall(head)) >= 2 and "</" in text
    )


def _is_hidden_or_furniture(node: LexborNode) -> bool:
    if node.tag in _DROP_TAGS:
        return True
    if node.tag in _KEEP_ALWAYS:
        return False
    attributes = node.attributes
    if "hidden" in attributes or attributes.get("aria-hidden") == "true":
        return True
    if re.search(r"display\s*:\s*none", attributes.get("style") or ""):
        return True
    tokens = f"{attributes.get('class') or ''} {attributes.get('id') or ''}".split()
    return any(_FURNITURE_CLASS.match(token) for token in tokens)


def _html_to_text(html: str) -> tuple[str, str | None]:
    """Flatten HTML into text lines (blocks, "• " items) and return it with the site name."""
    tree = LexborHTMLParser(html)
    site_meta = tree.css_first('meta[property="og:site_name"]')
    site_name = ((site_meta.attributes.get("content") or "").strip() or None) if site_meta else None
    out: list[str] = []
    buffer: list[str] = []
    prefix = [""]
    counters: list[int] = []

    def flush() -> None:
        text = re.sub(r"\s+", " ", "".join(buffer)).strip()
        buffer.clear()
        if text:
            out.append(prefix[0] + text)
            prefix[0] = ""

    # Walk iteratively: real pages can nest deeper than Python's recursion limit.
    stack: list[tuple[bool, LexborNode]] = [(False, tree.root)] if tree.root is not None else []
    while stack:
        leaving, node = stack.pop()
        tag = node.tag
        if leaving:
            if tag in ("ol", "ul"):
                counters.pop()
            if tag in _BLOCK_TAGS:
                flush()
                out.append("")
            elif tag == "li":  # items of one list follow each other with no blank line
                flush()
            elif tag in ("td", "th"):
                buffer.append(" – ")
            elif tag == "tr":
                if buffer and buffer[-1] == " – ":
                    buffer.pop()
                flush()
            continue
        if tag == "-text":
            buffer.append(node.text_content or "")
            continue
        if tag.startswith("-") or _is_hidden_or_furniture(node):
            continue
        if tag == "br":
            flush()
            continue
        if tag in ("ol", "ul"):
            start = node.attributes.get("start") or "1"
            counters.append(int(start) - 1 if tag == "ol" and start.isdigit() else -1)
        if tag in _BLOCK_TAGS or tag == "tr":
            flush()
            out.append("")
        elif tag == "li":
            flush()
        if tag == "li":
            if counters and counters[-1] >= 0:
                counters[-1] += 1
                prefix[0] = f"{counters[-1]}. "
            else:
                prefix[0] = "• "
        stack.append((True, node))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((False, child) for child in reversed(children))
    flush()
    return "\n".join(out), site_name
