"""Parse imported statement pages (plain text or HTML) into structured entries.

The parser is pure: no database, no network, nothing of Django but the translation of its
error messages. HTML is first flattened to the same line structure
as a plain-text capture of the page (one block per line, list items as bullets), so a single
text parser handles both. The page is read top to bottom as

    [site name] title [date] [categories]  body  [signatory heading] signatories  [notes]

with site furniture (menus, share buttons, comment forms, accessibility panels, ...) dropped
by the phrase lists of furniture.py. A page made of several titles each followed by an excerpt
ending in "[…]" is a listing and yields one "excerpt" entry per item.

The modules, in the order they depend on each other: entries (what is returned), text
(characters, organisations, dates, word tables), furniture (phrase tables), lines,
signatories (the list at the foot, with a heading or without), pages (statement or listing),
html (flattening), and parse_page here.
"""

from django.utils.translation import gettext_lazy as _

from undersigned.importer.parsing.entries import ParsedEntry, ParseError
from undersigned.importer.parsing.html import _html_to_text, _looks_like_html
from undersigned.importer.parsing.lines import _clean, _drop_furniture, _split_lines
from undersigned.importer.parsing.pages import _is_listing, _parse_listing, _parse_statement
from undersigned.importer.parsing.text import is_heading_line

__all__ = ["ParseError", "ParsedEntry", "is_heading_line", "parse_page"]


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


def parse_page(
    text: str, *, content_type: str | None = None, filename: str | None = None
) -> list[ParsedEntry]:
    """Parse a statement page or a statements listing into entries."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ParseError(_("The page is not valid UTF-8 text.")) from error
    if not isinstance(text, str):
        raise ParseError(_("Expected the page as text, got %(type)s."), type=type(text).__name__)
    if not text.strip():
        raise ParseError(_("The page is empty."))
    text = _clean(text)
    site_name = None
    if _looks_like_html(text, content_type, filename):
        text, site_name = _html_to_text(text)
    lines = _drop_furniture(_split_lines(text))
    if not lines:
        raise ParseError(_("The page holds no text besides site menus and furniture."))
    if _is_listing(lines):
        return _parse_listing(lines, site_name)
    return [_parse_statement(lines, site_name)]
