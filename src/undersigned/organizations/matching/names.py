"""Parsing a name into canonical words classed as content, legal form, qualifier or stop word."""

from __future__ import annotations

import re
from functools import lru_cache

from undersigned.organizations.matching.reasons import Reason, ReasonCode, reason
from undersigned.organizations.matching.text import (
    ARMENIAN,
    canon_word,
    cased_words,
    hy_phrase,
    normalize,
    skeletons,
    spell,
)
from undersigned.organizations.matching.words import (
    CLAUSE_WORDS,
    HY_SUFFIX_WORDS,
    QUALIFIER_PHRASES,
    STOP_WORDS,
    TYPE_WORDS,
    WEAK_PHRASES,
)

CONTENT, QUALIFIER, WEAK, STOP_KIND = 0, 1, 2, 3


class Word:
    """One canonical word of a parsed name."""

    __slots__ = (
        "acr",
        "forms",
        "initial",
        "kind",
        "latin",
        "pos",
        "skel",
        "surface",
        "text",
        "vocab",
    )

    def __init__(
        self,
        text: str,
        forms: tuple[str, ...],
        surface: str,
        initial: str,
        *,
        vocab: bool,
        acr: bool = False,
        latin: str = "",
    ) -> None:
        self.text = text
        self.forms = forms
        self.latin = latin if latin and latin not in forms else ""
        self.surface = surface
        self.initial = initial
        self.vocab = vocab
        self.acr = acr
        self.kind = CONTENT
        self.pos = 0
        self.skel = () if text.isdigit() else skeletons(forms)


@lru_cache(maxsize=4096)
def _phrase_table(kind: str) -> dict[tuple[str, ...], str]:
    """Return the weak or qualifier phrases as tuples of canonical words, by family."""
    source = WEAK_PHRASES if kind == "weak" else QUALIFIER_PHRASES
    table = {}
    for family, phrases in source.items():
        for phrase in phrases:
            words = tuple(spell(w) for w in phrase.split())
            table[words] = family
    return table


_MAX_PHRASE = 4


@lru_cache(maxsize=1)
def _phrase_starts() -> frozenset[str]:
    """Return the words that begin a legal-form or qualifier phrase."""
    return frozenset(p[0] for kind in ("weak", "qualifier") for p in _phrase_table(kind))


@lru_cache(maxsize=200_000)
def _lower(token: str) -> str:
    """Return a word as normalize() would give it, given the word with its case."""
    return normalize(token)


class Name:
    """A parsed spelling of an organisation name."""

    __slots__ = (
        "content",
        "families",
        "note",
        "penalty",
        "qualifiers",
        "raw",
        "weak",
        "words",
    )

    def __init__(
        self, raw: str, words: list[Word], note: Reason | None = None, penalty: float = 0
    ) -> None:
        self.raw = raw
        self.note = note
        self.penalty = penalty
        self.words = words
        self.content = [w for w in words if w.kind == CONTENT]
        self.qualifiers = [w for w in words if w.kind == QUALIFIER]
        self.weak = [w for w in words if w.kind == WEAK]
        self.families = frozenset(w.forms[0] for w in self.weak)

    def initials(self) -> set[str]:
        """Return the acronyms this name could be abbreviated to."""
        return _initials(self.words)


def _initials(words: list[Word]) -> set[str]:
    """Return the acronyms a sequence of words could be abbreviated to."""
    content = [w for w in words if w.kind == CONTENT]
    core = [w for w in words if w.kind in (CONTENT, QUALIFIER)]
    with_stop = [w for w in words if w.kind != WEAK]
    no_stop = [w for w in words if w.kind != STOP_KIND]
    out = set()
    for seq in (content, core, with_stop, no_stop):
        if len(seq) >= 2:
            out.add("".join(w.initial for w in seq))
            out.add("".join(w.text[0] for w in seq if w.text))
    return out


def _build_words(cased: list[str]) -> list[Word]:
    """Return the canonical words of a name given its normalised words with their case."""
    # Join runs of single letters ("T.I.A.C." -> "tiac").
    merged: list[tuple[str, bool]] = []
    run: list[str] = []
    # In a name written all in capitals, no word stands out as an acronym.
    mixed = len(cased) == 1 or any(not t.isupper() for t in cased if len(t) > 1)
    previous_upper = False
    for token in [*cased, ""]:
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        if len(run) >= 2:
            merged.append(("".join(run).casefold(), True))
        else:
            merged.extend((r.casefold(), False) for r in run)
        run = []
        if token:
            lowered = _lower(token)
            previous = merged[-1][0] if merged else ""
            if lowered in HY_SUFFIX_WORDS and ARMENIAN.search(previous) and previous_upper:
                continue
            upper = mixed and token.isupper() and 2 <= len(token) <= 8
            previous_upper = token.isupper()
            merged.append((lowered, upper))
    words: list[Word] = []
    i = 0
    while i < len(merged):
        token, upper = merged[i]
        # Two-word Armenian glossary phrases.
        phrase = hy_phrase(token, merged[i + 1][0]) if i + 1 < len(merged) else None
        if phrase:
            initial = token[:1]
            for english in phrase:
                words.append(Word(english, (english,), token, initial, vocab=True))
            i += 2
            continue
        initial = token[:1]
        for forms, vocab, latin in canon_word(token):
            words.append(
                Word(
                    forms[0],
                    forms,
                    token,
                    initial,
                    vocab=vocab,
                    acr=upper and not vocab,
                    latin=latin,
                )
            )
        i += 1
    for pos, word in enumerate(words):
        word.pos = pos
    _classify(words)
    return words


def _classify(words: list[Word]) -> None:
    """Mark legal forms, qualifiers and stop words among the words of a name, in place."""
    for word in words:
        if word.text in STOP_WORDS:
            word.kind = STOP_KIND
    rest = [w for w in words if w.kind != STOP_KIND]
    weak = _phrase_table("weak")
    qualifiers = _phrase_table("qualifier")
    starts = _phrase_starts()
    i = 0
    while i < len(rest):
        step = 1
        if rest[i].text not in starts:
            i += 1
            continue
        for size in range(min(_MAX_PHRASE, len(rest) - i), 0, -1):
            phrase = tuple(w.text for w in rest[i : i + size])
            kind, family = WEAK, weak.get(phrase)
            if family is None:
                kind, family = QUALIFIER, qualifiers.get(phrase)
            # A legal form alone is the name itself ("Public Organization").
            if family is None or size == len(rest):
                continue
            for word in rest[i : i + size]:
                word.kind = kind
                word.forms = (family, word.text)
            step = size
            # A one-letter Armenian article after a legal form ("ՀԿ-ն").
            after = rest[i + size] if i + size < len(rest) else None
            if kind == WEAK and after is not None and len(after.text) == 1:
                after.kind = WEAK
                after.forms = (family, after.text)
                step += 1
            break
        i += step
    # An acronym of the name written inside it, "(TIAC)", is no new word.
    content = [w for w in words if w.kind == CONTENT]
    if len(content) >= 3:
        for word in content:
            if not word.acr:
                continue
            others = _initials([w for w in words if w is not word])
            if word.text in others or word.surface in others:
                word.kind = STOP_KIND


@lru_cache(maxsize=100_000)
def parse(raw: str) -> tuple[Name, ...]:
    """Return the parsed spellings of a name: as written, and without asides or clauses."""
    cased = cased_words(raw)
    names = [Name(raw, _build_words(cased))]
    if "(" in raw and ")" in raw:
        bare = re.sub(r"\([^()]*\)", " ", raw)
        bare_words = cased_words(bare)
        if bare_words and bare_words != cased:
            note = reason(ReasonCode.IGNORING_BRACKETS)
            names.append(Name(raw, _build_words(bare_words), note, 3))
    lowered = [w.casefold() for w in cased]
    for i, word in enumerate(lowered):
        is_clause = word in CLAUSE_WORDS or (
            word == "member" and i + 1 < len(lowered) and lowered[i + 1] == "of"
        )
        if i >= 2 and is_clause:
            head = _build_words(cased[:i])
            if any(w.kind == CONTENT for w in head):
                note = reason(ReasonCode.IGNORING_CLAUSE, words=tuple(lowered[i : i + 3]))
                names.append(Name(raw, head, note, 3))
            break
    quoted = _quoted_name(raw, names[0])
    if quoted is not None:
        names.append(quoted)
    return tuple(names)


_QUOTED = re.compile(r"[“«„\"”]|,,|<<")
_QUOTE_PAIRS = re.compile(
    r"“([^”“]+)[”“]|«([^»]+)»|„([^“”]+)[“”]|\"([^\"]+)\"|,,(.+?)(?:''|“|\")|<<(.+?)>>"
)


def _quoted_name(raw: str, full: Name) -> Name | None:
    """Return the quoted part of a name with its legal form, if the rest only describes it."""
    # In “Bridge of Hope” Humanitarian NGO the quoted words are the name proper and
    # "humanitarian" a description that other spellings often leave out. The rest may only
    # hold known descriptive words: no place names and no type of body (club, coalition).
    if not _QUOTED.search(raw):
        return None
    found = _QUOTE_PAIRS.search(raw)
    if not found:
        return None
    inner = next(g for g in found.groups() if g)
    rest = raw[: found.start()] + " " + raw[found.end() :]
    inner_words = _build_words(cased_words(inner))
    rest_words = _build_words(cased_words(rest))
    if not any(w.kind == CONTENT for w in inner_words):
        return None
    described = [w for w in rest_words if w.kind == CONTENT]
    if not described or any(not w.vocab or w.text in TYPE_WORDS for w in described):
        return None
    words = inner_words + [w for w in rest_words if w.kind in (WEAK, QUALIFIER)]
    for pos, word in enumerate(words):
        word.pos = pos
    shown = (" ".join(w.surface for w in described),)
    return Name(raw, words, reason(ReasonCode.QUOTED_NAME, words=shown), 6)


# ---------------------------------------------------------------------------------------------
