"""Show the name matcher's explanations in the reader's language.

The matcher (matching.py) stays free of Django and explains itself in English, which the
command line and JSON output keep. Pages for coordinators translate an explanation where they
show it, by recognising the phrases the matcher writes; an unknown phrase is shown as written.
"""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

QUOTED = r"'[^']*'"
WORDS = rf"{QUOTED}(?:, {QUOTED})*"

# Whole explanations, tried in order; the groups are passed to the message as placeholders.
_EXPLANATIONS = [
    (r"same words", gettext_lazy("same words")),
    (
        r"nothing to compare once legal forms are set aside",
        gettext_lazy("nothing to compare once legal forms are set aside"),
    ),
    (
        r"identical after normalising quotes, dashes,? and case|"
        r"identical after normalising quotes, dashes, case",
        gettext_lazy("identical after normalising quotes, dashes and case"),
    ),
    (
        r"same words after normalising punctuation, plurals and spelling",
        gettext_lazy("same words after normalising punctuation, plurals and spelling"),
    ),
    (r"starts like the name typed", gettext_lazy("starts like the name typed")),
    (
        rf"(?P<acronym>{QUOTED}) could be the acronym of (?P<words>{QUOTED})",
        gettext_lazy("%(acronym)s could be the acronym of %(words)s"),
    ),
    (rf"alias (?P<acronym>{QUOTED}) \(acronym\)", gettext_lazy("alias %(acronym)s (acronym)")),
    (
        rf"(?P<acronym>{QUOTED}) could be an acronym",
        gettext_lazy("%(acronym)s could be an acronym"),
    ),
    (
        rf"different words: (?P<first>{WORDS}) vs (?P<second>{WORDS})",
        gettext_lazy("different words: %(first)s vs %(second)s"),
    ),
    (
        rf"(?P<words>{WORDS}) only in the first name",
        gettext_lazy("%(words)s only in the first name"),
    ),
    (
        rf"(?P<words>{WORDS}) only in the second name",
        gettext_lazy("%(words)s only in the second name"),
    ),
]

# The notes of "same name after …" and "close, but …", joined by "; ".
_NOTES = [
    (r"transliteration (?P<pair>\S+≈\S+)", gettext_lazy("transliteration %(pair)s")),
    (r"typo: (?P<pair>\S+≈\S+)", gettext_lazy("typo: %(pair)s")),
    (r"translated (?P<pair>\S+=\S+)", gettext_lazy("translated %(pair)s")),
    (r"transliterated (?P<pair>\S+=\S+)", gettext_lazy("transliterated %(pair)s")),
    (
        r"(?P<word>\S+) written as (?P<parts>\S+(?: \S+)+)",
        gettext_lazy("%(word)s written as %(parts)s"),
    ),
    (r"word order", gettext_lazy("word order")),
    (rf"qualifier (?P<words>{QUOTED})", gettext_lazy("qualifier %(words)s")),
    (
        r"legal forms differ: (?P<first>.+) vs (?P<second>.+)",
        gettext_lazy("legal forms differ: %(first)s vs %(second)s"),
    ),
    (rf"legal form (?P<words>{QUOTED})", gettext_lazy("legal form %(words)s")),
    (r"legal form ?", gettext_lazy("legal form")),
    (r"only one distinguishing word", gettext_lazy("only one distinguishing word")),
    (r"too many typos", gettext_lazy("too many typos")),
    (r"ignoring the part in brackets", gettext_lazy("ignoring the part in brackets")),
    (r"ignoring (?P<words>'.*')", gettext_lazy("ignoring %(words)s")),
    (
        rf"taking the quoted name without (?P<words>{QUOTED})",
        gettext_lazy("taking the quoted name without %(words)s"),
    ),
]

_SHARED = re.compile(r"(?P<rest>.*), shared by (?P<count>\d+) organisations")
_LINE = re.compile(r"same organisation as line (?P<line>\d+)")


def _translated(text: str, table) -> str | None:
    for pattern, message in table:
        if match := re.fullmatch(pattern, text):
            params = match.groupdict()
            return str(message) % params if params else str(message)
    return None


def _notes(text: str) -> str | None:
    notes = [_translated(note, _NOTES) for note in text.split("; ")]
    if any(note is None for note in notes):
        return None
    return "; ".join(notes)  # type: ignore[arg-type]


def explanation_display(explanation: str) -> str:
    """Return a matcher's explanation in the active language, or as written if it is unknown."""
    translated = explanation_translated(explanation)
    return explanation if translated is None else translated


def explanation_translated(explanation: str) -> str | None:
    """Return a matcher's explanation in the active language, or None if it is unknown."""
    if match := _SHARED.fullmatch(explanation):
        rest = _translated(match["rest"], _EXPLANATIONS)
        if rest is not None:
            count = int(match["count"])
            return ngettext(
                "%(explanation)s, shared by %(count)d organisation",
                "%(explanation)s, shared by %(count)d organisations",
                count,
            ) % {"explanation": rest, "count": count}
    if match := _LINE.fullmatch(explanation):
        return _("same organisation as line %(line)s") % {"line": match["line"]}
    if (translated := _translated(explanation, _EXPLANATIONS)) is not None:
        return translated
    for prefix, message in (
        ("same name after ", gettext_lazy("same name after %(notes)s")),
        ("close, but ", gettext_lazy("close, but %(notes)s")),
    ):
        if explanation.startswith(prefix):
            notes = _notes(explanation.removeprefix(prefix))
            if notes is not None:
                return str(message) % {"notes": notes}
    return None
