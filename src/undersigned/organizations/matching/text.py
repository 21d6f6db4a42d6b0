"""Normalising, transliterating and spelling single words of organisation names."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import OSA
from unidecode import unidecode

from undersigned.organizations.matching.words import (
    HY_ENDINGS,
    HY_GLOSSARY,
    HY_LETTERS,
    HY_PHRASE_GLOSSARY,
    ISE_ENDINGS,
    ISE_VERBS,
    LEGAL_WORDS,
    NO_PLURAL_S,
    PLACES,
    RU_ENDINGS,
    RU_GLOSSARY,
    RU_LETTERS,
    SKELETON_RULES,
    SPELLINGS,
    VOCAB_MORE,
    VOCAB_TEXT,
)

# ---------------------------------------------------------------------------------------------
# Normalisation
# ---------------------------------------------------------------------------------------------

_APOSTROPHES = "'’‘`´ʼʻ′‛՚"
_INNER_APOSTROPHE = re.compile(rf"(?<=[^\W\d_])[{_APOSTROPHES}](?=[^\W\d_])")
_NON_ALNUM = re.compile(r"[\W_]+")


class _MarkTable(dict):
    """A str.translate table that deletes combining marks, filled in as characters are seen."""

    def __missing__(self, code: int) -> str | None:
        value = None if unicodedata.category(chr(code)).startswith("M") else chr(code)
        self[code] = value
        return value


# Combining marks go, and so do Armenian emphasis, exclamation and question marks, which sit
# inside a word, and invisible joiners and soft hyphens.
_MARKS = _MarkTable.fromkeys(map(ord, "\u055b\u055c\u055e\u00ad\u200b\u200c\u200d\u2060\ufeff"))


def _fold(text: str, *, casefold: bool) -> str:
    """Return one pass of normalisation, keeping case when asked."""
    text = unicodedata.normalize("NFKC", text)
    if casefold:
        text = unicodedata.normalize("NFKC", text.casefold())
    if not text.isascii():
        text = text.translate(_MARKS)
    text = _INNER_APOSTROPHE.sub("", text)
    return _NON_ALNUM.sub(" ", text).strip()


def normalize(name: str) -> str:
    """Fold quotes, dashes, case, punctuation and whitespace of a name into a comparable string."""
    text = name
    for _ in range(4):
        folded = _fold(text, casefold=True)
        if folded == text:
            break
        text = folded
    return text


def cased_words(name: str) -> list[str]:
    """Return the words of a name as normalize() splits them, but keeping their case."""
    return _fold(name, casefold=False).split()


# ---------------------------------------------------------------------------------------------
# Transliteration
# ---------------------------------------------------------------------------------------------

ARMENIAN = re.compile(r"[\u0530-\u058f\ufb13-\ufb17]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_RU_ADJECTIVE = re.compile(r"й?ск(?:ий|ая|ое|ие|ого|ой|ом|их|им|ую|ому)$")


def _translit_hy_word(word: str) -> str:
    """Return the Latin spelling of one lower-case Armenian word."""
    out: list[str] = []
    i, n = 0, len(word)
    while i < n:
        ch = word[i]
        nxt = word[i + 1] if i + 1 < n else ""
        if ch == "ո" and nxt == "ւ":
            out.append("u")
            i += 2
            continue
        if i == 0 and ch == "ե":
            out.append("ye")
        elif i == 0 and ch == "ո":
            out.append("vo")
        else:
            out.append(HY_LETTERS.get(ch, ch))
        i += 1
    return "".join(out)


def transliterate(text: str) -> str:
    """Spell normalised Armenian, Cyrillic or other text in lower-case Latin letters."""
    words = []
    for word in text.split():
        if ARMENIAN.search(word):
            word = _translit_hy_word(word)
        if _CYRILLIC.search(word):
            word = "".join(RU_LETTERS.get(ch, ch) for ch in word)
        if not word.isascii():
            word = unidecode(word)
        words.append(_NON_ALNUM.sub("", word.lower()))
    return " ".join(w for w in words if w)


def spell(word: str) -> str:
    """Return the canonical (American, singular) spelling of one Latin word."""
    if word in NO_PLURAL_S:
        return word
    if len(word) >= 5 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) >= 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word in _SPELLING_MAP:
        return _SPELLING_MAP[word]
    if "isation" in word:
        word = word.replace("isation", "ization")
    for stem in ISE_VERBS:
        if word.startswith(stem) and word[len(stem) :] in ISE_ENDINGS:
            word = stem[:-1] + "z" + word[len(stem) :]
            break
    return _SPELLING_MAP.get(word, word)


_SPELLING_MAP: dict[str, str] = {}
for _canonical, _variants in SPELLINGS.items():
    for _variant in _variants.split():
        _SPELLING_MAP[_variant] = _canonical

VOCAB = frozenset(spell(w) for w in (VOCAB_TEXT + VOCAB_MORE + PLACES).split())


def _gloss_entries(glossary: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Return a lookup from native words to their canonical English words."""
    table: dict[str, tuple[str, ...]] = {}
    for english, natives in glossary.items():
        words = tuple(english.split())
        for native in natives.split():
            table.setdefault(native, words)
    return table


_HY_TABLE = _gloss_entries(HY_GLOSSARY)
_RU_TABLE = _gloss_entries(RU_GLOSSARY)
VOCAB = VOCAB | frozenset(
    alt
    for entry in (*_HY_TABLE.values(), *_RU_TABLE.values())
    for word in entry
    for alt in word.split("|")
)


def _hy_lookup(word: str) -> tuple[str, ...] | None:
    """Return the English words for an Armenian word, trying common inflection endings."""
    found = _HY_TABLE.get(word)
    if found:
        return found
    for ending, replacement in HY_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            found = _HY_TABLE.get(word[: -len(ending)] + replacement)
            if found:
                return found
    return None


def hy_phrase(first: str, second: str) -> tuple[str, ...] | None:
    """Return the English words for a two-word Armenian phrase, if it is one."""
    if not ARMENIAN.search(first):
        return None
    for lemma in (second, *(second[: -len(e)] + r for e, r in HY_ENDINGS if second.endswith(e))):
        found = HY_PHRASE_GLOSSARY.get((first, lemma))
        if found:
            return found
    return None


def _ru_lookup(word: str) -> tuple[str, ...] | None:
    """Return the English words for a Russian word, trying common inflection endings."""
    word = word.replace("ё", "е")
    for cut in range(min(4, len(word) - 2) + 1):
        stem, ending = word[: len(word) - cut], word[len(word) - cut :]
        if ending in RU_ENDINGS and stem in _RU_TABLE:
            return _RU_TABLE[stem]
    return None


# ---------------------------------------------------------------------------------------------
# Words and parsed names
# ---------------------------------------------------------------------------------------------


_DOUBLE = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def skeleton(word: str) -> str:
    """Return a coarse phonetic key of a transliterated word (kh=x, ts=c, y=i, ye-=e-)."""
    if word.startswith("ye") or (word.startswith("vo") and len(word) > 3):
        word = word[1:]
    for old, new in SKELETON_RULES:
        word = word.replace(old, new)
    return _DOUBLE.sub(r"\1", word)


@lru_cache(maxsize=200_000)
def skeletons(forms: tuple[str, ...]) -> tuple[str, ...]:
    """Return the distinct skeletons of a word's forms."""
    return tuple(dict.fromkeys(skeleton(f) for f in forms))


def _legal_word_typo(text: str) -> str | None:
    """Return the legal-form word a misspelt word stands for, if any."""
    for word in LEGAL_WORDS:
        limit = 1 if len(word) < 8 else 2
        if (
            text[0] == word[0]
            and abs(len(text) - len(word)) <= limit
            and OSA.distance(text, word, score_cutoff=limit) <= limit
        ):
            return word
    return None


@lru_cache(maxsize=200_000)
def canon_word(word: str) -> tuple[tuple[tuple[str, ...], bool, str], ...]:
    """Return the canonical forms of one normalised word: forms, known English, plain Latin."""
    gloss = None
    if ARMENIAN.search(word):
        gloss = _hy_lookup(word)
    elif _CYRILLIC.search(word):
        gloss = _ru_lookup(word)
    latin = transliterate(word).replace(" ", "")
    if gloss:
        if len(gloss) == 1 and latin:
            # «Մշակույթ» is "culture", but also the proper name Mshakuyt.
            return (((*gloss[0].split("|"), spell(latin)), True, latin),)
        return tuple((tuple(w.split("|")), True, "") for w in gloss)
    if not latin:
        return ()
    text = spell(latin)
    vocab = text in VOCAB
    if not vocab and len(text) >= 6:
        legal = _legal_word_typo(text)
        if legal:
            return (((legal,), True, latin),)
    forms = [text]
    # Place names inflect: Armenian genitive "Երևանի", Russian adjective "Ереванский".
    bare = ""
    if ARMENIAN.search(word) and word.endswith("ի") and len(word) >= 5:
        bare = word[:-1]
    elif _CYRILLIC.search(word):
        bare = _RU_ADJECTIVE.sub("", word)
    if bare and bare != word:
        alt = spell(transliterate(bare).replace(" ", ""))
        if alt and alt != text:
            forms.insert(0, alt)
    return ((tuple(forms), vocab, latin),)
