"""Lines read as one statement, or as a listing of excerpts."""

from django.utils.translation import gettext_lazy as _

from undersigned.importer.parsing.entries import ParsedEntry, ParseError
from undersigned.importer.parsing.furniture import _meta_line
from undersigned.importer.parsing.lines import (
    _is_prose,
    _Line,
    _render_body,
    _split_footnotes,
)
from undersigned.importer.parsing.signatories import _signatory_block
from undersigned.importer.parsing.text import (
    _BOARD_OF,
    _EXCERPT_END,
    _READ_MORE_END,
    _REFERENCE,
    _SECTION_HEADING,
    _date_line,
    _leading_date,
    _organisation_in,
    _publisher_from_title,
    _words,
)

# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------


def _parse_statement(lines: list[_Line], site_name: str | None) -> ParsedEntry:
    body_start = next((i for i, line in enumerate(lines) if _is_prose(line)), None)
    if body_start is None:  # no running text: a title followed by names, at best
        body_start = 1
    date = None
    categories: list[str] = []
    before_meta: list[str] = []
    after_meta: list[_Line] = []
    seen_meta = False
    for line in lines[:body_start]:
        if (line_date := _date_line(line.text)) is not None:
            date, seen_meta = date or line_date, True
        elif (meta := _meta_line(line.text)) is not None:
            categories = categories or meta[0]
            date, seen_meta = date or meta[1], True
        elif seen_meta:
            after_meta.append(line)
        else:
            before_meta.append(line.raw)
    if not before_meta and after_meta:
        before_meta, after_meta = [after_meta[0].raw], after_meta[1:]
    title = before_meta[-1] if before_meta else ""
    publisher = None
    if len(before_meta) >= 2:  # a short first line above the title names the site
        site = before_meta[0]
        publisher = site if _words(site) <= 8 and not _SECTION_HEADING.match(site) else None

    content: list[_Line] = []
    for line in after_meta + lines[body_start:]:
        if (line_date := _date_line(line.text)) is not None:
            date = date or line_date
        elif (meta := _meta_line(line.text)) is not None:
            categories = categories or meta[0]
            date = date or meta[1]
        else:
            content.append(line)

    # Sources first: "[2] UN Human Rights Council report" must not pass for a signatory.
    referenced = {n for line in content for n in _REFERENCE.findall(line.raw)}
    content, footnotes = _split_footnotes(content, referenced)
    signatories: list[str] = []
    board = None
    if block := _signatory_block(content):
        signatories = block.names
        if block.heading is not None:
            board = _BOARD_OF.match(content[block.heading].text)
        content = content[: block.start] + content[block.end :]
    publisher = (
        publisher
        or site_name
        or _publisher_from_title(title)
        or (_organisation_in(board.group("org")) if board else None)
    )
    body = _render_body(content)
    if not body and not signatories:
        raise ParseError(_("No statement text was found on the page, only a title or menus."))
    return ParsedEntry(
        kind="statement",
        title=title,
        date=date,
        categories=categories,
        publisher=publisher,
        body=body,
        signatories=signatories,
        footnotes=footnotes,
    )


def _is_excerpt(line: _Line) -> bool:
    return bool(_EXCERPT_END.search(_READ_MORE_END.sub("", line.raw)))


def _is_listing(lines: list[_Line]) -> bool:
    excerpts = sum(1 for line in lines if _is_excerpt(line))
    prose = sum(1 for line in lines if _is_prose(line))
    return excerpts >= 2 and excerpts * 2 >= prose


def _parse_listing(lines: list[_Line], site_name: str | None) -> list[ParsedEntry]:
    entries: list[ParsedEntry] = []
    pending: list[_Line] = []
    publisher = site_name
    for line in lines:
        if not _is_excerpt(line):
            pending.append(line)
            continue
        date = None
        categories: list[str] = []
        names: list[str] = []
        lead: list[str] = []
        for item in pending:
            if (item_date := _date_line(item.text)) is not None:
                date = date or item_date
            elif (meta := _meta_line(item.text)) is not None:
                categories = categories or meta[0]
                date = date or meta[1]
            elif _is_prose(item) and names:
                lead.append(item.raw)
            else:
                names.append(item.raw)
        if not entries and len(names) >= 2 and not _SECTION_HEADING.match(names[0]):
            publisher = publisher or names[0]
        title = names[-1] if names else ""
        text = _EXCERPT_END.sub("", _READ_MORE_END.sub("", line.raw)).rstrip()
        entries.append(
            ParsedEntry(
                kind="excerpt",
                title=title,
                date=date or _leading_date(text),
                categories=categories,
                body="\n\n".join([*lead, text]),
            )
        )
        pending = []
    for entry in entries:
        entry.publisher = publisher or _publisher_from_title(entry.title)
    return entries
