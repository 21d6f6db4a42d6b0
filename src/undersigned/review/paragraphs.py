"""A statement's rendered text cut into numbered paragraphs, so that reviewers can point at one."""

from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe
from selectolax.lexbor import LexborHTMLParser

from undersigned.core.text import html_to_text


@dataclass(frozen=True)
class Paragraph:
    number: int | None  # None for what is not text to comment on (the footnotes' rule)
    html: SafeString
    text: str


def paragraphs(body_html: str) -> list[Paragraph]:
    """Return the top-level blocks of a rendered body (already sanitised), numbered from 1.

    The footnotes' list counts as one paragraph; their separating rule counts as none.
    """
    body = LexborHTMLParser(body_html).body
    if body is None:
        return []
    found: list[Paragraph] = []
    number = 0
    for node in body.iter(include_text=False):
        html = node.html or ""
        if node.tag == "hr":
            found.append(Paragraph(number=None, html=mark_safe(html), text=""))
            continue
        number += 1
        # The HTML comes from core.text.render_markdown, which sanitised it with nh3.
        found.append(Paragraph(number=number, html=mark_safe(html), text=html_to_text(html)))
    return found
