"""An in-memory index of registry names and aliases, searched by the name matcher."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence

from undersigned.organizations.matching.decision import (
    CANDIDATES,
    Decision,
    MatchDecision,
    decide,
)
from undersigned.organizations.matching.names import Name, Word, parse
from undersigned.organizations.matching.reasons import ReasonCode, reason
from undersigned.organizations.matching.scoring import (
    ACRONYM_SCORE,
    Explanation,
    Match,
    score_names,
    typo_distance,
)
from undersigned.organizations.matching.text import (
    VOCAB,
    cased_words,
    normalize,
    skeleton,
    transliterate,
)


def looks_like_acronym(name: str) -> bool:
    """Return whether a name is a single acronym such as "TIAC" or "ՀՔԱՎ"."""
    words = cased_words(name)
    if len(words) != 1 and not all(len(w) == 1 for w in words):
        return False
    word = "".join(words)
    return 2 <= len(word) <= 10 and (word.isupper() or "." in name)


class _Entry:
    """One indexed spelling of an organisation."""

    __slots__ = ("key", "name", "parsed", "size")

    def __init__(self, key: Hashable, name: str, parsed: Name) -> None:
        self.key = key
        self.name = name
        self.parsed = parsed
        self.size = len(parsed.content)


class NameIndex:
    """An in-memory registry of organisation names and aliases for fast matching."""

    #: Candidates compared in full per query, at most.
    POOL = 40
    #: Postings longer than this only narrow candidates down, they do not rank them.
    RANK_CAP = 1500

    def __init__(self, records: Iterable[tuple[Hashable, Sequence[str]]] = ()) -> None:
        self._entries: list[_Entry] = []
        self._canonical: dict[Hashable, str] = {}
        self._postings: dict[str, set[int]] = defaultdict(set)
        self._skeletons: dict[str, set[str]] = defaultdict(set)
        self._deletes: dict[str, set[str]] = defaultdict(set)
        self._acronyms: dict[str, set[Hashable]] = defaultdict(set)
        self._derived: dict[str, set[Hashable]] = defaultdict(set)
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._sorted_forms: list[str] | None = None
        for key, names in records:
            self.add(key, names)

    def __len__(self) -> int:
        """Return the number of organisations in the index."""
        return len(self._canonical)

    def canonical(self, key: Hashable) -> str:
        """Return the canonical name of an organisation in the index."""
        return self._canonical[key]

    def add(self, key: Hashable, names: Sequence[str]) -> None:
        """Add an organisation: its canonical name first, then its aliases."""
        names = [n for n in names if n and n.strip()]
        if not names:
            return
        self._canonical.setdefault(key, names[0].strip())
        self._sorted_forms = None
        for position, name in enumerate(names):
            name = name.strip()
            norm = normalize(name)
            if not norm:
                continue
            if position > 0 and looks_like_acronym(name):
                self._acronyms[norm.replace(" ", "")].add(key)
                self._acronyms[transliterate(norm).replace(" ", "")].add(key)
                continue
            for parsed in parse(name):
                entry_id = len(self._entries)
                self._entries.append(_Entry(key, name, parsed))
                self._exact[norm].append(entry_id)
                for initials in parsed.initials():
                    if len(initials) >= 2:
                        self._derived[initials].add(key)
                words = parsed.content or parsed.words
                for word in words:
                    for form in word.forms:
                        self._add_form(form, entry_id, word)
                for word in parsed.qualifiers:
                    self._postings[word.forms[0]].add(entry_id)

    def _add_form(self, form: str, entry_id: int, word: Word) -> None:
        """Index one form of a word for an entry."""
        postings = self._postings[form]
        if not postings and len(form) >= 5 and not form.isdigit():
            self._deletes[form].add(form)
            for i in range(len(form)):
                self._deletes[form[:i] + form[i + 1 :]].add(form)
        postings.add(entry_id)
        if word.skel and form in word.forms:
            self._skeletons[skeleton(form)].add(form)

    def _forms_for(self, word: Word) -> set[str]:
        """Return the indexed forms a query word could match: itself, spellings, typos."""
        forms = {f for f in word.forms if f in self._postings}
        for skel in word.skel:
            for form in self._skeletons.get(skel, ()):
                if not (word.vocab and form in VOCAB):
                    forms.add(form)
        text = word.text
        if len(text) >= 5 and not word.acr and not text.isdigit():
            seen: set[str] = set()
            for spelling in (text, word.latin) if word.latin else (text,):
                for i in range(len(spelling) + 1):
                    seen.update(self._deletes.get(spelling[:i] + spelling[i + 1 :], ()))
            seen -= forms
            for form in seen:
                probe = Word(form, (form,), form, form[0], vocab=form in VOCAB)
                if typo_distance(word, probe) is not None:
                    forms.add(form)
        return forms

    def _word_sets(self, name: Name) -> list[set[int]]:
        """Return, per content word of a query, the entries that could match it."""
        postings = self._postings
        sets: list[set[int]] = []
        content = name.content
        for i, word in enumerate(content):
            found = [postings[f] for f in self._forms_for(word)]
            text = word.text
            for cut in range(2, len(text) - 1):
                left, right = text[:cut], text[cut:]
                if left in postings and right in postings:
                    found.append(postings[left] & postings[right])
            for j in (i - 1, i + 1):
                if 0 <= j < len(content):
                    pair = (text + content[j].text) if j > i else (content[j].text + text)
                    if pair in postings:
                        found.append(postings[pair])
            if not found:
                sets.append(set())
            elif len(found) == 1:
                sets.append(found[0])
            else:
                sets.append(set().union(*found))
        return sets

    def _candidates(self, name: Name, *, strict: bool, slack: int = 2) -> list[int]:
        """Return entry ids worth comparing with a parsed query, most promising first."""
        sets = self._word_sets(name)
        if not sets:
            return []
        size = len(name.content)
        ordered = sorted(sets, key=len)
        full: list[int] = []
        if ordered[0]:
            common = ordered[0].intersection(*ordered[1:]) if len(ordered) > 1 else ordered[0]
            entries = self._entries
            full = [e for e in common if abs(entries[e].size - size) <= slack]
            if len(full) > self.POOL:
                full.sort(key=lambda e: (abs(entries[e].size - size), e))
                full = full[: self.POOL]
        if strict:
            return full
        total = len(self._entries) or 1
        weights: Counter[int] = Counter()
        for found in sets:
            if found and len(found) <= self.RANK_CAP:
                weight = math.log(1 + total / len(found))
                for entry_id in found:
                    weights[entry_id] += weight
        ranked = [e for e, _ in weights.most_common(self.POOL)]
        seen = set(full)
        return full + [e for e in ranked if e not in seen]

    def _prefix_forms(self, prefix: str, limit: int = 30) -> list[str]:
        """Return indexed word forms that start with a prefix."""
        if self._sorted_forms is None:
            self._sorted_forms = sorted(self._postings)
        forms = self._sorted_forms
        out = []
        for i in range(bisect_left(forms, prefix), len(forms)):
            if not forms[i].startswith(prefix) or len(out) >= limit:
                break
            out.append(forms[i])
        return out

    def search(
        self, query: str, limit: int = 5, *, min_score: float = 0.0, prefix: bool = False
    ) -> list[Match]:
        """Return the organisations best matching a name, best first, one per organisation."""
        # With prefix (type-ahead) the last word may be unfinished; such matches score below
        # MATCH_THRESHOLD unless the whole name matches too.
        norm = normalize(query)
        if not norm:
            return []
        best: dict[Hashable, Match] = {}

        def offer(key: Hashable, name: str, score: float, reasons: Explanation) -> None:
            if score < min_score:
                return
            current = best.get(key)
            if current is None or score > current.score:
                best[key] = Match(key, name, score, reasons, self._canonical[key])

        compact = norm.replace(" ", "")
        for table, exact in ((self._acronyms, True), (self._derived, False)):
            keys = table.get(compact)
            if not keys and exact:
                keys = table.get(transliterate(norm).replace(" ", ""))
            if not keys or (not exact and " " in norm):
                continue
            if exact and len(keys) == 1:
                (key,) = keys
                offer(key, query, 100.0, (reason(ReasonCode.ALIAS_ACRONYM, acronym=query.strip()),))
            else:
                why = (
                    (reason(ReasonCode.COULD_BE_ACRONYM, acronym=query.strip()),)
                    if len(keys) == 1
                    else (
                        reason(ReasonCode.SHARED_ACRONYM, acronym=query.strip(), count=len(keys)),
                    )
                )
                score = ACRONYM_SCORE if len(keys) == 1 else 70.0
                for key in sorted(keys, key=str)[: self.POOL]:
                    offer(key, self._canonical[key], score, why)
        parsed = parse(query)
        for entry_id in self._exact.get(norm, ()):
            entry = self._entries[entry_id]
            offer(entry.key, entry.name, 100.0, (reason(ReasonCode.IDENTICAL),))
        compared: set[int] = set()
        for variant in parsed:
            for entry_id in self._candidates(variant, strict=False):
                if entry_id in compared:
                    continue
                compared.add(entry_id)
                entry = self._entries[entry_id]
                score, why = score_names(parsed, (entry.parsed,))
                offer(entry.key, entry.name, score, why)
        if prefix:
            self._search_prefix(parsed[0], offer)
        ranked = sorted(best.values(), key=lambda m: (-m.score, str(m.canonical), str(m.key)))
        return ranked[:limit]

    def _search_prefix(
        self, name: Name, offer: Callable[[Hashable, str, float, Explanation], None]
    ) -> None:
        """Offer organisations whose names contain every word typed so far."""
        words = name.content or name.words
        if not words:
            return
        *done, last = words
        sets = self._word_sets(Name(name.raw, done)) if done else []
        grown: set[int] = set()
        for form in self._prefix_forms(last.text):
            grown |= self._postings[form]
        common = grown.intersection(*sets) if sets else grown
        entries = self._entries
        typed = len(words)
        for entry_id in sorted(common, key=lambda e: (entries[e].size, e))[: self.POOL]:
            entry = entries[entry_id]
            share = typed / max(entry.size, typed)
            score = round(60 + 29 * share, 1)
            offer(entry.key, entry.name, score, (reason(ReasonCode.STARTS_LIKE),))

    def decide(self, query: str) -> MatchDecision:
        """Return what a name is to this index: same, maybe or new, with its candidates."""
        return decide(query, self.search(query, limit=CANDIDATES))

    def best(self, query: str) -> Match | None:
        """Return the organisation a name surely refers to, or None when unsure."""
        decision = self.decide(query)
        return decision.match if decision.decision == Decision.SAME else None
