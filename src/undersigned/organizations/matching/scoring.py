"""Scoring two parsed names: align their words, weigh what differs, and say why."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from undersigned.organizations.matching.names import CONTENT, WEAK, Name, Word, parse
from undersigned.organizations.matching.reasons import (
    Param,
    Reason,
    ReasonCode,
    format_reasons,
    reason,
)
from undersigned.organizations.matching.text import normalize

#: The reasons of one score: a verdict first, then the notes that led to it.
Explanation = tuple[Reason, ...]

#: Score at or above which two names are taken to be the same organisation.
MATCH_THRESHOLD = 90.0
#: Score at or above which a match is worth showing a person to confirm: a derived acronym, a
#: conflicting legal form, or a doubt about a name of one word. Pairs that differ in a
#: distinguishing word score at most 75, so they never reach it.
PROBABLE_THRESHOLD = 80.0
#: Score of a name that could be the acronym of another: a suggestion, never an automatic merge.
ACRONYM_SCORE = 86.0
#: Highest score of a pair that differs in a distinguishing word.
_BLOCKED_MAX = 75.0


def typo_distance(a: Word, b: Word) -> int | None:
    """Return the edit distance of two words if one may be a typo of the other, else None."""
    if a.vocab and b.vocab:
        return None
    if a.acr or b.acr or a.text.isdigit() or b.text.isdigit():
        return None
    best = None
    for ta in (*a.forms, a.latin) if a.latin else a.forms:
        for tb in (*b.forms, b.latin) if b.latin else b.forms:
            if not ta or not tb:
                continue
            shortest = min(len(ta), len(tb))
            if shortest < 5 or ta[0] != tb[0]:
                continue
            limit = 1 if shortest < 8 else 2
            if abs(len(ta) - len(tb)) > limit:
                continue
            distance = OSA.distance(ta, tb, score_cutoff=limit)
            if distance <= limit and (best is None or distance < best):
                best = distance
    return best


def _same_skeleton(a: Word, b: Word) -> bool:
    """Return whether two words sound alike once transliteration habits are folded."""
    if a.vocab and b.vocab:
        return False
    return any(len(k) >= 3 and k in b.skel for k in a.skel)


def _surface(word: Word) -> str:
    """Return how a word is shown in an explanation."""
    return word.surface if word.surface != word.text else word.text


def _align(
    left: list[Word], right: list[Word], notes: list[Reason]
) -> tuple[float, list[Word], list[Word], list[tuple[Word, Word]]]:
    """Match the words of two names; return the penalty, the leftovers and the pairs in order."""
    penalty = 0.0
    pairs: list[tuple[Word, Word]] = []
    free_r = list(right)
    free_l: list[Word] = []
    for word in left:
        for j, other in enumerate(free_r):
            if word.forms[0] == other.forms[0] or (
                (len(word.forms) > 1 or len(other.forms) > 1)
                and not set(word.forms).isdisjoint(other.forms)
            ):
                pairs.append((word, other))
                if word.surface != other.surface:
                    _note_script(word, other, notes)
                del free_r[j]
                break
        else:
            free_l.append(word)
    if free_l and free_r:
        # Transliteration variants: Yerevan/Erevan, Vanadzor/Ванадзор, -yan/-ian.
        for word in list(free_l):
            for j, other in enumerate(free_r):
                if _same_skeleton(word, other):
                    pairs.append((word, other))
                    free_l.remove(word)
                    del free_r[j]
                    penalty += 1
                    first, second = word.surface, other.surface
                    _note(notes, ReasonCode.TRANSLITERATION, first=first, second=second)
                    break
    if free_l and free_r:
        penalty += _compounds(free_l, free_r, pairs, notes)
    if free_l and free_r:
        candidates = []
        for word in free_l:
            for other in free_r:
                distance = typo_distance(word, other)
                if distance is not None:
                    candidates.append((distance, word.pos, other.pos, word, other))
        candidates.sort(key=lambda c: c[:3])
        for distance, _, _, word, other in candidates:
            if word in free_l and other in free_r:
                free_l.remove(word)
                free_r.remove(other)
                pairs.append((word, other))
                penalty += 3.0 * distance
                _note(notes, ReasonCode.TYPO, first=word.surface, second=other.surface)
    return penalty, free_l, free_r, pairs


def _compounds(
    free_l: list[Word],
    free_r: list[Word],
    pairs: list[tuple[Word, Word]],
    notes: list[Reason],
) -> float:
    """Match a word written as one on one side and as two or three on the other, in place."""
    penalty = 0.0
    for free_j, free_s, joined_left in ((free_l, free_r, True), (free_r, free_l, False)):
        if len(free_s) < 2:
            continue
        for word in [w for w in free_j if len(w.text) >= 6]:
            run = _compound_run(word.text, sorted(free_s, key=lambda w: w.pos))
            if run:
                free_j.remove(word)
                for part in run:
                    free_s.remove(part)
                    # Pairs are (left, right) whichever side wrote the word as one.
                    pairs.append((word, part) if joined_left else (part, word))
                penalty += 1
                parts = tuple(w.text for w in run)
                _note(notes, ReasonCode.COMPOUND, word=word.text, parts=parts)
    return penalty


def _compound_run(text: str, ordered: list[Word]) -> list[Word] | None:
    """Return two or three adjacent words that spell a word when written together."""
    for start, first in enumerate(ordered):
        if not text.startswith(first.text) or len(first.text) == len(text):
            continue
        joined, run = first.text, [first]
        for nxt in ordered[start + 1 : start + 3]:
            if nxt.pos != run[-1].pos + 1:
                break
            joined += nxt.text
            run.append(nxt)
            if joined == text:
                return run
            if not text.startswith(joined):
                break
    return None


def _note_script(word: Word, other: Word, notes: list[Reason]) -> None:
    """Note a word matched across scripts, by translation or transliteration."""
    native = word if not word.surface.isascii() else other
    if native.surface.isascii():
        return
    latin = other if native is word else word
    how = ReasonCode.TRANSLATED if native.vocab else ReasonCode.TRANSLITERATED
    _note(notes, how, first=native.surface, second=latin.surface)


def _note(notes: list[Reason], code: ReasonCode | Reason, **params: Param) -> None:
    """Add a note to an explanation once."""
    note = code if isinstance(code, Reason) else reason(code, **params)
    if note not in notes:
        notes.append(note)


def _acronym_of(word: Word, words: list[Word], name: Name) -> bool:
    """Return whether a word is the acronym of a run of words in order."""
    if len(words) < 2 or not word.text.isalpha():
        return False
    first = min(w.pos for w in words)
    last = max(w.pos for w in words)
    span = [w for w in name.words if first <= w.pos <= last and w.kind != WEAK]
    if sum(1 for w in span if w.kind == CONTENT) != len(words):
        return False
    for seq in (words, span):
        if word.surface == "".join(w.initial for w in seq):
            return True
        if word.text == "".join(w.text[0] for w in seq):
            return True
    return False


def _words_list(words: Iterable[Word]) -> tuple[str, ...]:
    """Return words as an explanation shows them."""
    return tuple(_surface(w) for w in words)


def _score(a: Name, b: Name) -> tuple[float, Explanation]:
    """Return the score and explanation of two parsed names."""
    notes: list[Reason] = []
    if not a.content or not b.content:
        if not a.content and not b.content and a.words and b.words:
            same = [w.text for w in a.words] == [w.text for w in b.words]
            if same:
                return 100.0, (reason(ReasonCode.SAME_WORDS),)
        return 0.0, (reason(ReasonCode.NOTHING_TO_COMPARE),)
    penalty, free_a, free_b, pairs = _align(a.content, b.content, notes)
    if free_a or free_b:
        acronym = _acronym_match(a, b, free_a, free_b)
        if acronym:
            return ACRONYM_SCORE, (acronym,)
        matched = len(a.content) - len(free_a) + len(b.content) - len(free_b)
        share = matched / (len(a.content) + len(b.content))
        # Each reason names the name its words come from: the query's or the candidate's.
        if free_a and free_b:
            why = reason(
                ReasonCode.DIFFERENT_WORDS,
                first=_words_list(free_a),
                second=_words_list(free_b),
                first_name=a.raw.strip(),
                second_name=b.raw.strip(),
            )
        else:
            owner = a if free_a else b
            why = reason(
                ReasonCode.ONLY_IN, words=_words_list(free_a or free_b), name=owner.raw.strip()
            )
        return round(_BLOCKED_MAX * share, 1), (why,)
    # Word order.
    order_a = [p[0].pos for p in sorted(pairs, key=lambda p: p[1].pos)]
    if order_a != sorted(order_a):
        penalty += 0.5
        _note(notes, ReasonCode.WORD_ORDER)
    # Qualifiers (Armenia, RA) left on one side.
    quals_a = {w.forms[0] for w in a.qualifiers}
    quals_b = {w.forms[0] for w in b.qualifiers}
    if quals_a != quals_b:
        penalty += 3
        lone_q = [w for w in (*a.qualifiers, *b.qualifiers) if w.forms[0] not in quals_a & quals_b]
        _note(notes, ReasonCode.QUALIFIER, words=_words_list(lone_q[:1]))
    legal = _legal_form_penalty(a, b, notes)
    penalty += legal
    for name in (a, b):
        if name.note is not None:
            penalty += name.penalty
            _note(notes, name.note)
    score = 100.0 - penalty
    # With one word to go on, any doubt (a typo, a dropped qualifier or foundation) is too much;
    # with more, at most one word in three may be a typo.
    typos = sum(1 for n in notes if n.code == ReasonCode.TYPO)
    words = min(len(a.content), len(b.content))
    if words == 1 and (typos or quals_a != quals_b or legal >= 5):
        score = min(score, 85.0)
        _note(notes, ReasonCode.ONE_WORD)
    elif typos > max(1, words // 3):
        score = min(score, 85.0)
        _note(notes, ReasonCode.TOO_MANY_TYPOS)
    if not notes:
        if normalize(a.raw) == normalize(b.raw):
            return 100.0, (reason(ReasonCode.IDENTICAL),)
        return 100.0, (reason(ReasonCode.SAME_WORDS_NORMALISED),)
    if score >= MATCH_THRESHOLD:
        return score, (reason(ReasonCode.SAME_AFTER), *notes)
    return max(score, 0.0), (reason(ReasonCode.CLOSE_BUT), *notes)


def _legal_form_penalty(a: Name, b: Name, notes: list[Reason]) -> float:
    """Return the penalty for legal forms that differ, noting them."""
    if a.families == b.families:
        if sorted(w.text for w in a.weak) != sorted(w.text for w in b.weak):
            _note(notes, ReasonCode.LEGAL_FORM, words=_legal_forms(a, b, a.families))
        return 0.0
    only_a = a.families - b.families
    only_b = b.families - a.families
    if only_a and only_b:
        _note(
            notes,
            ReasonCode.LEGAL_FORMS_DIFFER,
            first=tuple(sorted(only_a)),
            second=tuple(sorted(only_b)),
        )
        return 15.0
    lone = only_a or only_b
    _note(notes, ReasonCode.LEGAL_FORM, words=_legal_forms(a, b, lone))
    return 5.0 if "foundation" in lone or "company" in lone else 0.5


def _legal_forms(a: Name, b: Name, families: frozenset[str]) -> tuple[str, ...]:
    """Return the legal forms of some families as written in either name, for an explanation."""
    for name in (a, b):
        shown = " ".join(w.surface for w in name.weak if w.forms[0] in families)
        if shown:
            return (shown,)
    return ()


def _acronym_match(a: Name, b: Name, free_a: list[Word], free_b: list[Word]) -> Reason | None:
    """Return a reason if the words left over on one side abbreviate those on the other."""
    for short, long_free, long_name in ((free_a, free_b, b), (free_b, free_a, a)):
        if len(short) != 1 or len(long_free) < 2:
            continue
        word = short[0]
        whole = len(a.content) == 1 if short is free_a else len(b.content) == 1
        if not (word.acr or (whole and not word.vocab)):
            continue
        ordered = sorted(long_free, key=lambda w: w.pos)
        if _acronym_of(word, ordered, long_name):
            expansion = tuple(w.surface for w in ordered)
            return reason(
                ReasonCode.ACRONYM_OF,
                acronym=word.surface.upper(),
                words=expansion,
                name=long_name.raw.strip(),
            )
    return None


def score_names(left: Sequence[Name], right: Sequence[Name]) -> tuple[float, Explanation]:
    """Return the best score and its reasons over the parsed spellings of two names."""
    best: tuple[float, Explanation] = (-1.0, ())
    for a in left:
        for b in right:
            result = _score(a, b)
            if result[0] > best[0]:
                best = result
    return best


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate organisation for a name, with a score from 0 to 100 and why."""

    key: Hashable
    name: str
    score: float
    reasons: Explanation
    canonical: str = ""

    @property
    def explanation(self) -> str:
        """Return the reasons in English, as the command line and logs show them."""
        return format_reasons(self.reasons)

    @property
    def is_match(self) -> bool:
        """Return whether the score is high enough to take the names as the same organisation."""
        return self.score >= MATCH_THRESHOLD

    @property
    def is_probable(self) -> bool:
        """Return whether the match is worth a person's confirmation, or surer."""
        return self.score >= PROBABLE_THRESHOLD

    @property
    def matched_name(self) -> str:
        """Return the name or alias of the candidate that matched."""
        return self.name


def compare(a: str, b: str) -> Match:
    """Score whether two names name the same organisation, explaining the decision."""
    if normalize(a) == normalize(b) and normalize(a):
        return Match(b, b, 100.0, (reason(ReasonCode.IDENTICAL),), b)
    score, reasons = score_names(parse(a), parse(b))
    return Match(b, b, max(score, 0.0), reasons, b)
