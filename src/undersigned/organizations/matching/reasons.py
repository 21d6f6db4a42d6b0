"""Why the matcher scored two names as it did: codes with parameters, formatted at the edge."""

# Scoring returns reasons as data, never as sentences, so that pages can show them in the
# reader's language, the command line in English and JSON as they are. The English messages
# below are marked for translation and are the msgids that organizations/explanations.py
# looks up in the reader's language.

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


def gettext_noop(message: str) -> str:
    """Mark a message for makemessages, which finds calls by this name, and return it as is."""
    # Django's own gettext_noop reads the settings, which scripts using the matcher may lack.
    return message


__all__ = ["Reason", "ReasonCode", "format_reasons", "reason", "reasons_from_json"]


class ReasonCode(StrEnum):
    """What a reason says; the parameters it carries are listed beside each code."""

    # Verdicts: the first reason of an explanation.
    IDENTICAL = "identical"
    SAME_WORDS = "same_words"
    SAME_WORDS_NORMALISED = "same_words_normalised"
    NOTHING_TO_COMPARE = "nothing_to_compare"
    STARTS_LIKE = "starts_like"
    ACRONYM_OF = "acronym_of"  # acronym, words (the words it abbreviates), name (where they are)
    ALIAS_ACRONYM = "alias_acronym"  # acronym
    COULD_BE_ACRONYM = "could_be_acronym"  # acronym
    SHARED_ACRONYM = "shared_acronym"  # acronym, count (organisations having it)
    DIFFERENT_WORDS = "different_words"  # first, second (words), first_name, second_name
    ONLY_IN = "only_in"  # words, name (the name that has them)
    SAME_AFTER = "same_after"  # followed by notes
    CLOSE_BUT = "close_but"  # followed by notes
    SAME_AS_LINE = "same_as_line"  # line (an imported page lists a name twice)
    WRITTEN = "written"  # text: a reason kept as an older version wrote it, shown as is
    # Notes: what was set aside or normalised on the way to a verdict.
    TRANSLITERATION = "transliteration"  # first, second
    TYPO = "typo"  # first, second
    TRANSLATED = "translated"  # first (native), second (Latin)
    TRANSLITERATED = "transliterated"  # first (native), second (Latin)
    COMPOUND = "compound"  # word, parts
    WORD_ORDER = "word_order"
    QUALIFIER = "qualifier"  # words
    LEGAL_FORMS_DIFFER = "legal_forms_differ"  # first, second (families)
    LEGAL_FORM = "legal_form"  # words (may be empty)
    ONE_WORD = "one_word"
    TOO_MANY_TYPOS = "too_many_typos"
    IGNORING_BRACKETS = "ignoring_brackets"
    IGNORING_CLAUSE = "ignoring_clause"  # words
    QUOTED_NAME = "quoted_name"  # words


Param = str | int | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason: a code and its parameters (words as tuples, names and counts as is)."""

    code: ReasonCode
    params: tuple[tuple[str, Param], ...] = ()

    @property
    def args(self) -> dict[str, Param]:
        """Return the parameters as a dictionary."""
        return dict(self.params)

    def as_json(self) -> dict[str, Any]:
        """Return the reason as JSON-ready data."""
        return {
            "code": str(self.code),
            "params": {k: list(v) if isinstance(v, tuple) else v for k, v in self.params},
        }


def reason(code: ReasonCode, **params: Param) -> Reason:
    """Return a reason with its parameters."""
    return Reason(code, tuple(params.items()))


def reasons_from_json(data: Iterable[Mapping[str, Any]]) -> tuple[Reason, ...]:
    """Return reasons stored as JSON (as_json); unknown codes are dropped."""
    out = []
    for item in data:
        try:
            code = ReasonCode(item.get("code", ""))
        except ValueError:
            continue
        params = {
            k: tuple(v) if isinstance(v, list) else v for k, v in item.get("params", {}).items()
        }
        out.append(Reason(code, tuple(params.items())))
    return tuple(out)


# The English messages, by code; %(…)s placeholders take the parameters as shown.
MESSAGES: dict[ReasonCode, str] = {
    ReasonCode.IDENTICAL: gettext_noop("identical after normalising quotes, dashes and case"),
    ReasonCode.SAME_WORDS: gettext_noop("same words"),
    ReasonCode.SAME_WORDS_NORMALISED: gettext_noop(
        "same words after normalising punctuation, plurals and spelling"
    ),
    ReasonCode.NOTHING_TO_COMPARE: gettext_noop(
        "nothing to compare once legal forms are set aside"
    ),
    ReasonCode.STARTS_LIKE: gettext_noop("starts like the name typed"),
    ReasonCode.ACRONYM_OF: gettext_noop("%(acronym)s could be the acronym of %(words)s"),
    ReasonCode.ALIAS_ACRONYM: gettext_noop("alias %(acronym)s (acronym)"),
    ReasonCode.COULD_BE_ACRONYM: gettext_noop("%(acronym)s could be an acronym"),
    ReasonCode.DIFFERENT_WORDS: gettext_noop(
        "different words: %(first)s in “%(first_name)s” vs %(second)s in “%(second_name)s”"
    ),
    ReasonCode.ONLY_IN: gettext_noop("%(words)s only in “%(name)s”"),
    ReasonCode.SAME_AFTER: gettext_noop("same name after %(notes)s"),
    ReasonCode.CLOSE_BUT: gettext_noop("close, but %(notes)s"),
    ReasonCode.SAME_AS_LINE: gettext_noop("same organisation as line %(line)s"),
    ReasonCode.TRANSLITERATION: gettext_noop("transliteration %(pair)s"),
    ReasonCode.TYPO: gettext_noop("typo: %(pair)s"),
    ReasonCode.TRANSLATED: gettext_noop("translated %(pair)s"),
    ReasonCode.TRANSLITERATED: gettext_noop("transliterated %(pair)s"),
    ReasonCode.COMPOUND: gettext_noop("%(word)s written as %(parts)s"),
    ReasonCode.WORD_ORDER: gettext_noop("word order"),
    ReasonCode.QUALIFIER: gettext_noop("qualifier %(words)s"),
    ReasonCode.LEGAL_FORMS_DIFFER: gettext_noop("legal forms differ: %(first)s vs %(second)s"),
    ReasonCode.LEGAL_FORM: gettext_noop("legal form %(words)s"),
    ReasonCode.ONE_WORD: gettext_noop("only one distinguishing word"),
    ReasonCode.TOO_MANY_TYPOS: gettext_noop("too many typos"),
    ReasonCode.IGNORING_BRACKETS: gettext_noop("ignoring the part in brackets"),
    ReasonCode.IGNORING_CLAUSE: gettext_noop("ignoring %(words)s"),
    ReasonCode.QUOTED_NAME: gettext_noop("taking the quoted name without %(words)s"),
}
#: Messages with a count, as (singular, plural). makemessages finds plural messages only in
#: ngettext calls, so organizations/explanations.py marks these for translation.
PLURAL_MESSAGES: dict[ReasonCode, tuple[str, str]] = {
    ReasonCode.SHARED_ACRONYM: (
        "%(acronym)s could be an acronym, shared by %(count)d organisation",
        "%(acronym)s could be an acronym, shared by %(count)d organisations",
    ),
}
_WITH_NOTES = frozenset({ReasonCode.SAME_AFTER, ReasonCode.CLOSE_BUT})
# Parameters shown as two words with a sign between them.
_PAIRS = {
    ReasonCode.TRANSLITERATION: "≈",
    ReasonCode.TYPO: "≈",
    ReasonCode.TRANSLATED: "=",
    ReasonCode.TRANSLITERATED: "=",
}
# Words shown as written, without quotes.
_BARE = frozenset({ReasonCode.COMPOUND, ReasonCode.LEGAL_FORMS_DIFFER})


def _english(message: str) -> str:
    return message


def _english_plural(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


def _shown(code: ReasonCode, params: Mapping[str, Param]) -> dict[str, Param]:
    """Return the parameters of a reason as its message shows them."""
    shown: dict[str, Param] = {}
    for key, value in params.items():
        if isinstance(value, tuple):
            if code in _BARE:
                shown[key] = (" " if key == "parts" else ", ").join(value)
            elif code == ReasonCode.IGNORING_CLAUSE:
                shown[key] = "'" + " ".join(value) + " …'"
            elif code in (ReasonCode.ACRONYM_OF, ReasonCode.LEGAL_FORM):
                shown[key] = "'" + " ".join(value) + "'" if value else ""
            else:
                shown[key] = ", ".join(f"'{word}'" for word in value)
        elif key == "acronym":
            shown[key] = f"'{value}'"
        else:
            shown[key] = value
    if code in _PAIRS:
        shown["pair"] = f"{params.get('first', '')}{_PAIRS[code]}{params.get('second', '')}"
    return shown


def format_reasons(
    reasons: Sequence[Reason],
    *,
    translate: Callable[[str], str] = _english,
    translate_plural: Callable[[str, str, int], str] = _english_plural,
) -> str:
    """Return reasons as one sentence, in English or through the translation functions given."""
    if not reasons:
        return ""
    head, notes = reasons[0], reasons[1:]

    def one(item: Reason) -> str:
        if item.code == ReasonCode.WRITTEN:
            return str(item.args.get("text", ""))
        params = _shown(item.code, item.args)
        if item.code in PLURAL_MESSAGES:
            singular, plural = PLURAL_MESSAGES[item.code]
            return translate_plural(singular, plural, int(params.get("count", 1))) % params
        return translate(MESSAGES[item.code]) % params

    if head.code in _WITH_NOTES:
        return translate(MESSAGES[head.code]) % {"notes": "; ".join(one(n) for n in notes)}
    return "; ".join(one(item) for item in reasons)
