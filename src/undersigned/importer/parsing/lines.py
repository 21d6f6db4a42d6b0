"""A page as lines: cleaned, split, rid of furniture; its signatory block, footnotes and body."""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from undersigned.importer.parsing.entries import ParseError
from undersigned.importer.parsing.furniture import _SOURCES_HEADING, _is_furniture, _is_tail
from undersigned.importer.parsing.text import (
    _BOARD_OF,
    _FIRST_PERSON,
    _FOOTNOTE,
    _INNER_SENTENCE,
    _LETTER,
    _LIST_MARKER,
    _ORG_KEYWORD,
    _REFERENCE,
    _SALUTATION,
    _SIGNATORY_HEADING,
    _SPACES,
    _TRANSLATE,
    _URL,
    _VERB,
    _date_line,
    _ends_colon,
    _ends_sentence,
    _words,
)

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
