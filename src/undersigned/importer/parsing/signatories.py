"""The signatory list at the foot of a statement: found with its heading or without one.

A statement's content ends with its signatories, in any of the layouts editors paste: one
name per paragraph, list items, lines broken within one paragraph, or a sentence ("Signed by
A, B and C."), under a heading ("Signatories", "Ստորագրողներ", "Подписавшие", …) or none.
Each line is scored by how much it reads like a name (an organisation's or a person's) rather
than a sentence or a call to action; without a heading, the list is the run of name-like lines
that ends the content with the greatest score, never reaching back over running text, and
never splitting a list of the body's own (demands after "We call on the authorities to:").
Heading lines are never names.
"""

import re
from dataclasses import dataclass

from undersigned.importer.parsing.lines import _is_prose, _Line
from undersigned.importer.parsing.text import (
    _ACRONYM,
    _BOARD_OF,
    _CONJUNCTION,
    _FIRST_PERSON,
    _GROUP_HEADING,
    _HY_FIRST_VERB,
    _HY_VERB,
    _IMPERATIVE,
    _INNER_SENTENCE,
    _LATIN_WORD,
    _LETTER,
    _ORG_KEYWORD,
    _PERSON,
    _QUOTED,
    _RU_VERB,
    _SIGNATORY_HEADING,
    _SIGNATORY_HEADING_LINE,
    _SIGNED_INLINE,
    _TERMINAL,
    _URL,
    _VERB,
    _date_line,
    _ends_colon,
    _words,
)

# Scores: above zero reads as a name, below as a sentence. A line of running text is a wall.
_PROSE = -10.0
_MIN_BLOCK_SCORE = 3.0
_MIN_UNDER_HEADING = -1.0  # below a heading, only a clear sentence ends the list


@dataclass(slots=True)
class _SignatoryBlock:
    start: int  # the first line of the block (its heading, when it has one)
    end: int
    heading: int | None  # the line of the first heading, if any
    names: list[str]


def _is_heading(line: _Line) -> bool:
    """Tell whether a line heads a signatory list (or a group of one, "Individuals")."""
    text = line.text
    if _SIGNATORY_HEADING_LINE.match(text):
        return True
    return (
        _ends_colon(text)
        and _words(text) <= 20
        and not _FIRST_PERSON.search(text)
        and bool(_SIGNATORY_HEADING.search(text) or _BOARD_OF.match(text))
    )


def _is_group_label(line: _Line) -> bool:
    """Tell whether a line labels a group inside a list: a heading, or "Yerevan:" and such."""
    text = line.text
    return _is_heading(line) or (
        _ends_colon(text)
        and _words(text) <= 4
        and not (_FIRST_PERSON.search(text) or _VERB.search(text))
    )


def _name_score(text: str) -> float:
    """Score how much a line reads like one organisation's or person's name."""
    words = _words(text)
    if not _LETTER.search(text) or _URL.search(text) or words > 30:
        return _PROSE
    penalty = 0.0
    if text[:1].islower():
        penalty += 3
    if text.endswith((",", ";")) and words <= 10 and not text[:1].islower():
        penalty += 1.5  # "A NGO,\nB NGO,\nC NGO." is a list of names too
    elif text.endswith((",", ";")) or ";" in text:
        penalty += 3
    # A short Armenian line ending with "։" may be a heading (see _ends_colon) or the last
    # name of a list; headings are told apart by their words, so here it is only a stop.
    if text.endswith(("!", "?", ":", "：", "\u055d")):
        penalty += 4
    elif _TERMINAL.search(text):
        penalty += 1 if words <= 6 else 2
    if _FIRST_PERSON.search(text):
        penalty += 3
    if _VERB.search(text):
        penalty += 3
    if _INNER_SENTENCE.search(text) or _date_line(text):
        penalty += 3
    person = bool(_PERSON.match(text))
    # A call to action ("Release the journalists") may well name who it is about.
    if _IMPERATIVE.match(text) and not text.split()[1][:1].isupper():
        penalty += 5
    elif (
        _RU_VERB.match(text) or _HY_VERB.search(text) or (_HY_FIRST_VERB.match(text) and not person)
    ):
        penalty += 4
    latin = _LATIN_WORD.findall(text.split(",")[0])
    if len(latin) >= 2:  # English names are in title case, sentences are not
        lower = sum(1 for word in latin if word[:1].islower())
        penalty += 2 if lower * 2 > len(latin) else 0
        bonus = 1.0 if lower * 2 <= len(latin) else 0.0
    else:
        bonus = 0.0
    if _ORG_KEYWORD.search(text):
        bonus += 3
    if _QUOTED.search(text):
        bonus += 1.5
    if _ACRONYM.search(text):
        bonus += 1.5
    if person:
        bonus += 2.5
    if words <= 12:
        bonus += 1
    else:  # names are short; the longer a line, the likelier a sentence
        penalty += (words - 12) / 2
    return bonus - penalty


def _split_names(text: str, *, inline: bool) -> list[str] | None:
    """Split "A, B and C." into its names, or return None if it is not such a list.

    Commas inside quotes or brackets do not split. Without a "Signed by" before it, a line
    needs two commas (three names) to be taken as a list: "Centre for Rights, Gyumri" is one.
    """
    text = text.strip().rstrip(".\u0589;")
    chunks: list[str] = []
    depth = 0
    straight = False
    current: list[str] = []
    for i, char in enumerate(text):
        if char in "«“„(":
            depth += 1
        elif char in "»”)":
            depth = max(0, depth - 1)
        elif char == '"':
            straight = not straight
        if char == "," and not depth and not straight and text[i + 1 : i + 2] == " ":
            chunks.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    chunks.append("".join(current).strip())
    if not inline and len(chunks) < 3:
        return None
    last = chunks.pop()
    if (match := _CONJUNCTION.search(last)) and match.start() > 0:
        chunks += [last[: match.start()], last[match.end() :]]
    else:
        chunks.append(re.sub(r"^(?:and|и|և|ու)\s+", "", last, flags=re.IGNORECASE))
    if chunks[0].lower().startswith(("and ", "и ")):
        return None
    names = [chunk.strip() for chunk in chunks if chunk.strip()]
    if len(names) < 2 or any(_name_score(name) <= 0 for name in names):
        return None
    return names


def _names_of(line: _Line, *, under_heading: bool) -> list[str] | None:
    """Return the names a line holds, or None if it is not a line of names."""
    text = line.text
    if inline := _SIGNED_INLINE.match(text):
        return _split_names(inline.group("names"), inline=True)
    if (names := _split_names(text, inline=False)) is not None:
        return names
    score = _name_score(text)
    if under_heading:
        return [text] if score > _MIN_UNDER_HEADING else None
    # A long name with a stray full stop may pass for running text; it must read as a name.
    return [text] if score > (1 if _is_prose(line) else 0) else None


def _block_under_heading(lines: list[_Line], heading: int) -> tuple[int, list[str]]:
    """Return the end of the names below a heading, and the names."""
    names: list[str] = []
    end = heading + 1
    for i in range(heading + 1, len(lines)):
        if _is_group_label(lines[i]):
            continue
        found = _names_of(lines[i], under_heading=True)
        if found is None:
            break
        names += found
        end = i + 1
    return end, names


def _with_heading(lines: list[_Line]) -> _SignatoryBlock | None:
    for heading in reversed(range(len(lines))):
        line = lines[heading]
        if inline := _SIGNED_INLINE.match(line.text):
            names = _split_names(inline.group("names"), inline=True)
            if names:
                return _SignatoryBlock(heading, heading + 1, None, names)
        if not _is_heading(line):
            continue
        end, names = _block_under_heading(lines, heading)
        if not names:
            continue
        block = _SignatoryBlock(heading, end, heading, names)
        # Groups under headings of their own ("Organisations", then "Individuals") join up.
        for earlier in reversed(range(heading)):
            if not _is_heading(lines[earlier]):
                if _names_of(lines[earlier], under_heading=True) is None:
                    break
                continue
            more_end, more = _block_under_heading(lines, earlier)
            if more_end < block.start:
                break
            if more_end < block.end:
                more += block.names
            block = _SignatoryBlock(earlier, max(more_end, block.end), earlier, more)
        # "Individuals" under a heading may follow the organisations printed without one.
        if _GROUP_HEADING.match(lines[block.start].text):
            before = _without_heading(lines[: block.start])
            if before is not None and before.end == block.start:
                block = _SignatoryBlock(before.start, block.end, None, before.names + block.names)
        return block
    return None


def _list_group_start(lines: list[_Line], i: int) -> int:
    """Return where the list holding line i starts (items printed with no gap between)."""
    kind = lines[i].marker[-1:]
    while i > 0 and not lines[i].gap and kind and lines[i - 1].marker[-1:] == kind:
        i -= 1
    return i


def _list_group_end(lines: list[_Line], i: int) -> int:
    kind = lines[i].marker[-1:]
    while i + 1 < len(lines) and kind and not lines[i + 1].gap:
        if lines[i + 1].marker[-1:] != kind:
            break
        i += 1
    return i + 1


def _without_heading(lines: list[_Line]) -> _SignatoryBlock | None:
    found = [_names_of(line, under_heading=False) for line in lines]
    scores: list[float] = []
    for line, names in zip(lines, found, strict=True):
        if names:  # a list in a sentence counts for each of its names
            scores.append(_name_score(names[0]) if len(names) == 1 else 2.0 * len(names))
        else:
            scores.append(_PROSE if _is_prose(line) else min(_name_score(line.text), -1.0))
    end = next((i + 1 for i in reversed(range(len(lines))) if found[i]), None)
    if end is None:
        return None
    best, start, total = 0.0, end, 0.0
    for i in reversed(range(end)):
        if scores[i] <= _PROSE:
            break
        total += scores[i]
        if total > best:
            best, start = total, i
    # A list is all body or all signatories: a run that begins inside a list takes the whole
    # list if most of it, else starts after it; a list that a line such as "We call on the
    # authorities to:" introduces is the body's.
    if start < end and lines[start].marker and (first := _list_group_start(lines, start)) < start:
        last = _list_group_end(lines, start)
        start = first if (last - start) * 2 > last - first else last
    if 0 < start < end and _ends_colon(lines[start - 1].text) and lines[start].marker:
        start = _list_group_end(lines, start)
    while start < end and not found[start]:
        start += 1
    labels = {i for i in range(start, end) if _is_heading(lines[i])}
    names = [name for i in range(start, end) if i not in labels for name in (found[i] or [])]
    total = sum(scores[start:end])
    keyworded = any(_ORG_KEYWORD.search(name) for name in names)
    if not names or total < _MIN_BLOCK_SCORE or (len(names) == 1 and not keyworded):
        return None
    # Lines scored as sentences inside a run of names are kept: a name may read oddly.
    names = [
        name for i in range(start, end) if i not in labels for name in (found[i] or [lines[i].text])
    ]
    return _SignatoryBlock(start, end, None, names)


def _without_separators(names: list[str]) -> list[str]:
    """Drop the commas or semicolons that close most names of a list, and its final stop."""
    closed = sum(1 for name in names if name.endswith((",", ";")))
    if len(names) < 2 or closed * 2 < len(names):
        return names
    names = [name.rstrip(",; ") for name in names]
    names[-1] = re.sub(r"[.\u0589]$", "", names[-1])
    return names


def _signatory_block(lines: list[_Line]) -> _SignatoryBlock | None:
    """Return the signatory block among the content lines, if there is one."""
    block = _with_heading(lines) or _without_heading(lines)
    if block is not None:
        block.names = _without_separators(block.names)
    return block
