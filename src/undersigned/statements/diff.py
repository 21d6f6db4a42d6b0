"""Readable differences between two versions of a statement's text, per language.

Lines are compared first, then the words of lines that changed, so that a corrected word shows
as one word struck out and one added, not as a whole paragraph replaced. The HTML marks removed
text with <del> and added text with <ins>, each opened and closed by a visually hidden label
("removed:", "added:") for screen readers; the stylesheet strikes through and underlines them,
so no change is shown by colour alone.
"""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from undersigned.core.languages import LANGUAGE_CODES

FIELDS = [
    ("title", gettext_lazy("Title")),
    ("summary", gettext_lazy("Summary")),
    ("body", gettext_lazy("Text")),
    ("adoption_note", gettext_lazy("Note on adoption")),
]
# Words, runs of spaces and single other characters: punctuation changes stay small.
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def _removed(text: str) -> str:
    return format_html(
        '<del><span class="visually-hidden">{} </span>{}<span class="visually-hidden"> {}</span>'
        "</del>",
        _("[removed:"),
        text,
        "]",
    )


def _added(text: str) -> str:
    return format_html(
        '<ins><span class="visually-hidden">{} </span>{}<span class="visually-hidden"> {}</span>'
        "</ins>",
        _("[added:"),
        text,
        "]",
    )


def _words(old: str, new: str) -> tuple[str, int]:
    """Return the word-level difference of two passages as HTML, and how many changes."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    parts: list[str] = []
    changes = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape("".join(a[i1:i2])))
            continue
        changes += 1
        if op in ("delete", "replace"):
            parts.append(_removed("".join(a[i1:i2])))
        if op in ("insert", "replace"):
            parts.append(_added("".join(b[j1:j2])))
    return "".join(parts), changes


def text_diff(old: str, new: str) -> tuple[SafeString, int]:
    """Return the difference between two texts as HTML (lines, then words), and its changes."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    parts: list[str] = []
    changes = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(escape("".join(a[i1:i2])))
        elif op == "delete":
            parts.append(_removed("".join(a[i1:i2])))
            changes += 1
        elif op == "insert":
            parts.append(_added("".join(b[j1:j2])))
            changes += 1
        else:
            html, count = _words("".join(a[i1:i2]), "".join(b[j1:j2]))
            parts.append(html)
            changes += count
    # Every piece was escaped above.
    return mark_safe("".join(parts)), changes


@dataclass
class FieldDiff:
    name: str
    label: str
    html: SafeString
    changes: int


@dataclass
class LanguageDiff:
    language: str
    status: str  # "added", "removed", "changed" or "unchanged"
    fields: list[FieldDiff] = field(default_factory=list)

    @property
    def changes(self) -> int:
        return sum(f.changes for f in self.fields)


def version_diff(
    old: dict[str, dict[str, str]] | None, new: dict[str, dict[str, str]], first: str = "en"
) -> list[LanguageDiff]:
    """Compare two versions' texts language by language, the reader's language first."""
    old = old or {}
    languages = sorted(
        set(old) | set(new),
        key=lambda code: (
            code != first,
            LANGUAGE_CODES.index(code) if code in LANGUAGE_CODES else 99,
        ),
    )
    result = []
    for language in languages:
        before, after = old.get(language), new.get(language)
        if before is None:
            status = "added"
        elif after is None:
            status = "removed"
        else:
            status = "changed" if before != after else "unchanged"
        diff = LanguageDiff(language=language, status=status)
        for name, label in FIELDS:
            html, changes = text_diff((before or {}).get(name, ""), (after or {}).get(name, ""))
            if changes:
                diff.fields.append(
                    FieldDiff(name=name, label=str(label), html=html, changes=changes)
                )
        result.append(diff)
    return result
