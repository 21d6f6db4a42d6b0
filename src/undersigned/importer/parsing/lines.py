"""A page as lines: cleaned, split, rid of furniture; its signatory block, footnotes and body."""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from undersigned.importer.parsing.entries import ParseError
from undersigned.importer.parsing.furniture import _SOURCES_HEADING, _is_furniture, _is_tail
from undersigned.importer.parsing.text import (
    _FOOTNOTE,
    _INNER_SENTENCE,
    _LIST_MARKER,
    _REFERENCE,
    _SALUTATION,
    _SPACES,
    _TRANSLATE,
    _URL,
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
    gap: bool = True  # a blank line before it: a new paragraph or list, not the next item


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
            lines.append(_Line(body, marker, raw, after_blank))
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
# Footnotes
# ---------------------------------------------------------------------------------------------


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
