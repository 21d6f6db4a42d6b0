"""Parse imported statement pages (plain text or HTML) into structured entries.

The parser is pure: no database, no network, nothing of Django but the translation of its
error messages. HTML is first flattened to the same line structure
as a plain-text capture of the page (one block per line, list items as bullets), so a single
text parser handles both. The page is read top to bottom as

    [site name] title [date] [categories]  body  [signatory heading] signatories  [notes]

with site furniture (menus, share buttons, comment forms, accessibility panels, ...) dropped
by the phrase lists in furniture.py. A page made of several titles each followed by an
excerpt ending in "[…]" is a listing and yields one "excerpt" entry per item.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from selectolax.lexbor import LexborHTMLParser, LexborNode

from undersigned.importer.dates import DATE_FILLER, TIME, find_date
from undersigned.importer.furniture import FURNITURE, TAIL

__all__ = ["ParseError", "ParsedEntry", "parse_page"]


class ParseError(ValueError):
    """Signal that a page is empty or cannot be read as a statement.

    The message is translated when it is shown, into the language active then: the import
    screen's, or English for the command run without one.
    """

    def __init__(self, message: str, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

    def __str__(self) -> str:
        return str(self.message) % self.params if self.params else str(self.message)


@dataclass
class ParsedEntry:
    """Hold one statement, or one listing excerpt, read from an imported page."""

    kind: str
    title: str
    date: datetime.date | None = None
    categories: list[str] = field(default_factory=list)
    publisher: str | None = None
    body: str = ""
    signatories: list[str] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        """Return the entry as a JSON-serialisable dict with the date in ISO 8601."""
        return {
            "kind": self.kind,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "categories": list(self.categories),
            "publisher": self.publisher,
            "body": self.body,
            "signatories": list(self.signatories),
            "footnotes": list(self.footnotes),
        }


# ---------------------------------------------------------------------------------------------
# Characters and small text predicates
# ---------------------------------------------------------------------------------------------

_SPACE_LIKE = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
_SPACE_LIKE += "\u202f\u205f\u3000\t\f\v"
_TRANSLATE = {ord(c): " " for c in _SPACE_LIKE} | {
    ord(c): None for c in "\u00ad\u200b\u200c\u200d\u2060\ufeff"
}
_SPACES = re.compile(r" {2,}")
_LETTER = re.compile(r"[^\W\d_]")
_ARMENIAN_LETTER = re.compile(r"[\u0531-\u0587]")
_LATIN_OR_CYRILLIC = re.compile(r"[A-Za-z\u00c0-\u024f\u0400-\u04ff]")
_UPPER = "A-Z\u00c0-\u00de\u0400-\u042f\u0531-\u0556"
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
# A sentence ends inside the line: a word of 3+ letters (so not an initial like "L.") + stop.
_INNER_SENTENCE = re.compile(rf"(?<=[^\W\d_]{{3}})[.!?\u0589]\s+[\"“«(]?[{_UPPER}]")
_TERMINAL = re.compile(r"[.!?…\u0589][\"'”»’)\]]*$")
_SALUTATION = re.compile(r"^(?:dear|to whom|уважаем|дорог|հարգել|սիրել)", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:We|we|Our|our|us|Мы|мы|Наш\w*|наш\w*|Մենք|մենք|Մեր|մեր)\b")
# Lower-case finite verbs: organisation names rarely contain them, sentences usually do.
_VERB = re.compile(
    r"\b(?:is|are|was|were|will|shall|has|have|had|must|should|can|could|would|calls|urges|"
    r"condemns|demands|expresses|supports|continues|remains|believes|considers|stands|hereby|"
    r"является|призывает|требует|осуждает|будет|է|են|էր|կոչ)\b"
)
_EXCERPT_END = re.compile(r"\s*\[\s*(?:…|\.\.\.)\s*\]\s*$")
_READ_MORE_END = re.compile(
    r"\s*(?:read more|continue reading|читать далее|подробнее|կարդալ ավելին)\s*[»›→.]*\s*$",
    re.IGNORECASE,
)
_LIST_MARKER = re.compile(
    r"^(?:(?P<bullet>[•·◦▪▫■□●○‣⁃∙⦁➢➤►▸▶✓✔*+\-–—])|(?P<number>[0-9]{1,3})[.)])\s+(?=\S)"
)
_FOOTNOTE = re.compile(r"^\[(?P<number>[0-9]{1,3})\]\s*(?P<text>\S.*)$")
_REFERENCE = re.compile(r"(?<!^)\[([0-9]{1,3})\]")


def _words(text: str) -> int:
    return len(text.split())


def _is_armenian(text: str) -> bool:
    return len(_ARMENIAN_LETTER.findall(text)) > len(_LATIN_OR_CYRILLIC.findall(text))


def _ends_colon(text: str) -> bool:
    # The Armenian full stop "։" is often typed for a colon in English or Russian text, and in
    # Armenian a one- to three-word line ending with it ("Ստորագրողներ։") is a heading.
    if text.endswith((":", "：")):
        return True
    return text.endswith("\u0589") and (not _is_armenian(text) or _words(text) <= 3)


def _ends_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text)) and not _ends_colon(text)


# ---------------------------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------------------------

_ORG_KEYWORD = re.compile(
    r"\b(?:NGOs?|CSOs?|NPOs?|INGOs?|LLC|Ltd|Inc|e\.V|gGmbH|"
    r"(?i:foundations?|funds?|cent(?:er|re)s?|clubs?|unions?|coalitions?|associations?|"
    r"alliances?|networks?|initiatives?|assembl(?:y|ies)|institutes?|institutions?|councils?|"
    r"committees?|societ(?:y|ies)|federations?|organi[sz]ations?|movements?|platforms?|"
    r"groups?|leagues?|chambers?|trusts?|agenc(?:y|ies)|partnerships?|forums?|consortium|"
    r"cooperatives?|collectives?|observator(?:y|ies)|watch|academ(?:y|ies)|bureau|"
    r"secretariat|commissions?|charit(?:y|ies)|human rights|helsinki|journalists?|lawyers?|"
    r"defenders?|media|press))\b"
    r"|\b(?:ՀԿ|Հ/Կ|НКО|НПО|ОО|РОО|АНО)\b"
    r"|\b(?i:հիմնադրամ|կենտրոն|միություն|կոալիցիա|ասոցիացիա|ակումբ|նախաձեռնություն|ցանց|"
    r"ասամբլեա|դաշինք|ինստիտուտ|ընկերակցություն|կազմակերպություն|խորհուրդ|ֆոնդ|"
    r"фонд|центр|клуб|союз|коалици|ассоциаци|альянс|сет[ьи]|инициатив|ассамбле|институт|"
    r"движени|обществ|комитет|совет|платформ|организаци|объединени|лига|палат|партн[её]рств|"
    r"форум)"
)
# Plural collective nouns that describe signers without naming one ("Statement by NGOs").
_GENERIC_ORGS = re.compile(
    r"^(?:the\s+)?(?:armenian\s+|local\s+|international\s+|russian\s+)?(?:ngos|csos|"
    r"(?:civil society|human rights|public|non-governmental)\s+organi[sz]ations|civil society|"
    r"organi[sz]ations|human rights defenders|нко|общественные организации|հկ-ներ|"
    r"հասարակական կազմակերպություններ)$",
    re.IGNORECASE,
)
_STATEMENT_BY = re.compile(
    r"^(?:joint\s+)?(?:statement|appeal|open letter|заявление|обращение|հայտարարություն)"
    r"(?:\s+(?:by|of|from))?\s+",
    re.IGNORECASE,
)
# "Governing Board of the X Network:" names the publishing organisation X.
_BOARD_OF = re.compile(
    r"^(?:the\s+)?(?:(?:governing|executive|management|coordinating|coordination|steering|"
    r"supervisory)\s+)?(?:board|council|committee|secretariat|members?|member organi[sz]ations)"
    r"\s+of\s+(?:the\s+)?(?P<org>.+?)\s*[:：\u0589]?$",
    re.IGNORECASE,
)
_SIGNATORY_HEADING = re.compile(
    r"sign|endorse|joined by|supported by|on behalf of|board of|council of|committee of|"
    r"members of|following organi[sz]ations|подпис|присоединил|ստորագր|միացել",
    re.IGNORECASE,
)
_SECTION_HEADING = re.compile(
    r"^(?:statements?|news|announcements?|press releases?|blog|archive|home|publications?|"
    r"activities|заявления|новости|объявления|հայտարարություններ|նորություններ)$",
    re.IGNORECASE,
)


def _organisation_in(text: str) -> str | None:
    """Return the organisation a title fragment names, if it names a specific one."""
    text = _STATEMENT_BY.sub("", text.strip(" \"'“”«»")).strip()
    if not text or _words(text) > 10 or not _ORG_KEYWORD.search(text):
        return None
    if _GENERIC_ORGS.match(text) or _VERB.search(text) or _FIRST_PERSON.search(text):
        return None
    return text


def _publisher_from_title(title: str) -> str | None:
    head, sep, tail = title.rpartition(": ")
    if not sep:
        return None
    return _organisation_in(tail) or (_organisation_in(head) if _words(head) <= 8 else None)


# ---------------------------------------------------------------------------------------------
# Dates
# ---------------------------------------------------------------------------------------------

_PLACE = re.compile(rf"^\s*[{_UPPER}][^\W\d_]+(?:[\s-][{_UPPER}][^\W\d_]+){{0,2}}\s*,\s*$")
_BY_AUTHOR = re.compile(r"\bby\s+\S+(?:\s+\S+)?\s*$", re.IGNORECASE)


def _date_line(text: str) -> datetime.date | None:
    """Return the date if the line is a dateline (a date with only labels or a place around)."""
    if _words(text) > 10:
        return None
    found = find_date(text)
    if found is None:
        return None
    date, start, end = found
    before, after = text[:start], _BY_AUTHOR.sub("", text[end:])
    if _PLACE.match(before):
        before = ""
    rest = DATE_FILLER.sub(" ", TIME.sub(" ", f"{before} {after}"))
    return None if re.search(r"\w", rest) else date


def _leading_date(text: str) -> datetime.date | None:
    found = find_date(text[:40])
    return found[0] if found and found[1] == 0 else None


# ---------------------------------------------------------------------------------------------
# Site furniture (the phrase lists are in furniture.py)
# ---------------------------------------------------------------------------------------------

_FURNITURE_MAX_WORDS = 16
_SOURCES_HEADING = re.compile(
    r"^(?:sources?|references?|footnotes?|notes?|источники|ссылки|сноски|примечания|"
    r"աղբյուրներ|ծանոթագրություններ|հղումներ)\s*[:\u0589]?$",
    re.IGNORECASE,
)


def _is_furniture(text: str) -> bool:
    return _words(text) <= _FURNITURE_MAX_WORDS and bool(FURNITURE.match(text))


def _is_tail(text: str) -> bool:
    return _words(text) <= _FURNITURE_MAX_WORDS and bool(TAIL.match(text))


# ---------------------------------------------------------------------------------------------
# Categories
# ---------------------------------------------------------------------------------------------

_CATEGORY_LABEL = re.compile(
    r"^(?:categor(?:y|ies)|posted in|filed under|published in|рубрик[аи]|категори[яи]|раздел|"
    r"բաժին|բաժիններ|կատեգորիա|կատեգորիաներ)\s*[:\u0589]?\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def _meta_line(text: str) -> tuple[list[str], datetime.date | None] | None:
    """Return (categories, date) if the line is a category line such as "News | Rights"."""
    labelled = _CATEGORY_LABEL.match(text)
    if labelled:
        parts = re.split(r"\s*[,|]\s*", labelled.group("rest"))
    elif "|" in text:
        parts = text.split("|")
    else:
        return None
    categories: list[str] = []
    date = None
    for part in (p.strip(" ·•/") for p in parts):
        if not part or _is_furniture(part):
            continue
        if (part_date := _date_line(part)) is not None:
            date = date or part_date
            continue
        if _words(part) > 5 or _ends_sentence(part) or not _LETTER.search(part):
            return None
        categories.append(part)
    if not categories and date is None:
        return None
    if not labelled and len(parts) < 2:
        return None
    return categories, date


# ---------------------------------------------------------------------------------------------
# Lines
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Line:
    text: str  # without its list marker
    marker: str  # "" for a paragraph, "-" for a bullet, "3." for a numbered item
    raw: str  # as printed, marker included


def _clean(text: str) -> str:
    bad = sum(
        1
        for c in text
        if c == "\ufffd" or (unicodedata.category(c) in ("Cc", "Cs") and c not in "\n\r\t\f\v")
    )
    if "\x00" in text or bad > max(2, len(text) // 20):
        raise ParseError(_("The page is not readable text (binary data or a wrong encoding)."))
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(_TRANSLATE)
    return "".join(
        c for c in text if c == "\n" or unicodedata.category(c) not in ("Cc", "Cs")
    ).replace("\ufffd", "")


def _split_lines(text: str) -> list[_Line]:
    """Split text into lines, joining hard-wrapped continuations of a paragraph."""
    lines: list[_Line] = []
    after_blank = True
    for physical in text.split("\n"):
        raw = _SPACES.sub(" ", physical).strip()
        if not raw:
            after_blank = True
            continue
        marker = ""
        body = raw
        if match := _LIST_MARKER.match(raw):
            marker = "-" if match.group("bullet") else match.group("number") + "."
            body = raw[match.end() :]
        previous = lines[-1] if lines else None
        if (
            previous
            and not after_blank
            and not marker
            and body[:1].islower()
            and not _ends_sentence(previous.text)
            and not _ends_colon(previous.text)
        ):
            previous.text += " " + body
            previous.raw += " " + body
        else:
            lines.append(_Line(body, marker, raw))
        after_blank = False
    return lines


def _is_prose(line: _Line) -> bool:
    """Tell whether a line reads as running text rather than a title, label or name."""
    text = line.text
    words = _words(text)
    if _SALUTATION.match(text) and text.endswith(","):
        return True
    if words >= 40 or (words >= 12 and _ends_colon(text)):  # "..., and we demand:"
        return True
    if not _ends_sentence(text):
        return False
    return words >= 12 or (words >= 6 and bool(_INNER_SENTENCE.search(text)))


def _drop_furniture(lines: list[_Line]) -> list[_Line]:
    kept: list[_Line] = []
    body_started = False
    for line in lines:
        if _is_tail(line.text):
            if body_started:
                break
            continue
        if _is_furniture(line.text) or not re.search(r"\w", line.text):
            continue
        kept.append(line)
        body_started = body_started or _is_prose(line)
    return kept


# ---------------------------------------------------------------------------------------------
# Signatories and footnotes
# ---------------------------------------------------------------------------------------------


def _looks_like_signatory(line: _Line) -> bool:
    text = line.text
    words = _words(text)
    if not _LETTER.search(text) or words > 25 or text[:1].islower():
        return False
    if _ends_colon(text) or text.endswith((",", ";", "!", "?")) or ";" in text:
        return False
    if _URL.search(text) or _FIRST_PERSON.search(text) or _VERB.search(text):
        return False
    if _INNER_SENTENCE.search(text) or _date_line(text):
        return False
    if _ORG_KEYWORD.search(text):
        return not _ends_sentence(text) or words <= 20  # a stray full stop after a name
    return words <= 12 and not _ends_sentence(text)


def _is_signatory_heading(line: _Line) -> bool:
    return (
        _ends_colon(line.text)
        and _words(line.text) <= 20
        and bool(_SIGNATORY_HEADING.search(line.text) or _BOARD_OF.match(line.text))
    )


def _signatory_block(lines: list[_Line]) -> tuple[int, int, int | None] | None:
    """Return (start, end, heading index) of the signatory block among the content lines."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, line in enumerate([*lines, None]):
        if line is not None and _looks_like_signatory(line):
            start = i if start is None else start
        elif start is not None:
            runs.append((start, i))
            start = None
    for start, end in reversed(runs):
        heading = start - 1 if start and _ends_colon(lines[start - 1].text) else None
        signed = heading is not None and _is_signatory_heading(lines[heading])
        at_end = end == len(lines)
        size = end - start
        with_keyword = sum(1 for line in lines[start:end] if _ORG_KEYWORD.search(line.text))
        mostly_orgs = with_keyword * 2 >= size
        # "We call on the following bodies:" introduces a list inside the body.
        intro = lines[heading].text if heading is not None and not signed else ""
        in_body = _words(intro) > 12 or bool(_FIRST_PERSON.search(intro) or _VERB.search(intro))
        if in_body and not (at_end and mostly_orgs):
            continue
        if signed or (at_end and (size >= 2 or mostly_orgs)) or (size >= 2 and mostly_orgs):
            return start, end, heading
    return None


def _split_footnotes(lines: list[_Line], referenced: set[str]) -> tuple[list[_Line], list[str]]:
    """Move numbered source lines referenced by [n] markers out of the content."""
    last_reference = max(
        (i for i, line in enumerate(lines) if _REFERENCE.search(line.raw)), default=None
    )
    if last_reference is None:
        return lines, []
    kept, notes = lines[: last_reference + 1], []
    under_heading = False
    for line in lines[last_reference + 1 :]:
        if _SOURCES_HEADING.match(line.text):
            under_heading = True
            continue
        if match := _FOOTNOTE.match(line.raw):
            number, text = match.group("number"), match.group("text")
        elif line.marker[:-1].isdigit() and (under_heading or _URL.search(line.text)):
            # "1. Org A" could be a numbered signatory list; "1. https://..." is a source.
            number, text = line.marker[:-1], line.text
        else:
            kept.append(line)
            continue
        if number in referenced:
            notes.append(f"[{number}] {text}")
        else:
            kept.append(line)
    return kept, notes


def _render_body(lines: list[_Line]) -> str:
    blocks: list[str] = []
    items: list[str] = []
    for line in lines:
        if line.marker:
            items.append(f"{line.marker} {line.text}")
            continue
        if items:
            blocks.append("\n".join(items))
            items = []
        blocks.append(line.text)
    if items:
        blocks.append("\n".join(items))
    return "\n\n".join(blocks)


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
        start, end, heading = block
        signatories = [line.text for line in content[start:end]]
        if heading is not None:
            board = _BOARD_OF.match(content[heading].text)
            start = heading
        content = content[:start] + content[end:]
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
            if tag == "li" or tag in _BLOCK_TAGS:
                flush()
                out.append("")
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
        if tag == "li" or tag in _BLOCK_TAGS or tag == "tr":
            flush()
            out.append("")
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
