"""Grouping the lines of a list of names by the organisation they name."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable

from undersigned.organizations.matching.index import NameIndex, looks_like_acronym
from undersigned.organizations.matching.names import Name, parse
from undersigned.organizations.matching.scoring import (
    ACRONYM_SCORE,
    MATCH_THRESHOLD,
    Match,
    score_names,
)
from undersigned.organizations.matching.text import normalize


def _form_quality(name: str) -> int:
    """Return how well-formed a spelling looks, higher is better."""
    stripped = name.strip()
    letters = [c for c in stripped if c.isalpha()]
    if not letters:
        return 0
    if looks_like_acronym(stripped):
        return 1
    if all(c.isupper() for c in letters) or all(c.islower() for c in letters):
        return 2
    return 3


class _Clusters:
    """Union-find over the distinct spellings of a list of names."""

    def __init__(self, count: int) -> None:
        self.parent = list(range(count))
        self.members: dict[int, list[int]] = {i: [i] for i in range(count)}
        self.keys: dict[int, Hashable] = {}

    def find(self, i: int) -> int:
        """Return the representative of a spelling's cluster."""
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> bool:
        """Merge two clusters unless they belong to different registry organisations."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        key_a, key_b = self.keys.get(ra), self.keys.get(rb)
        if key_a is not None and key_b is not None and key_a != key_b:
            return False
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        key = self.keys.pop(rb, None)
        if key is not None:
            self.keys[ra] = key
        return True


def cluster(names: list[str], index: NameIndex | None = None) -> list[dict]:
    """Group lines naming the same organisation, giving each line a cluster and canonical name."""
    distinct: dict[str, int] = {}
    spellings: list[str] = []
    line_ids: list[int] = []
    for name in names:
        norm = normalize(name)
        token = norm if norm else f"\x00{len(line_ids)}"
        if token not in distinct:
            distinct[token] = len(spellings)
            spellings.append(name)
        line_ids.append(distinct[token])
    clusters = _Clusters(len(spellings))
    registry: dict[int, Match] = {}
    if index is not None:
        for i, spelling in enumerate(spellings):
            found = index.best(spelling)
            if found is not None:
                registry[i] = found
                clusters.keys[i] = found.key
        by_key: dict[Hashable, int] = {}
        for i, found in registry.items():
            clusters.union(by_key.setdefault(found.key, i), i)
    named = [i for i in range(len(spellings)) if normalize(spellings[i])]
    rest = [i for i in named if i not in registry]
    local = NameIndex((i, [spellings[i]]) for i in named)
    scores: dict[tuple[int, int], float] = {}

    def pair_score(i: int, j: int) -> float:
        pair = (i, j) if i < j else (j, i)
        if pair not in scores:
            scores[pair] = score_names(parse(spellings[i]), parse(spellings[j]))[0]
        return scores[pair]

    edges: list[tuple[float, int, int]] = []
    for i in rest:
        for variant in parse(spellings[i]):
            for entry_id in local._candidates(variant, strict=True):
                j = local._entries[entry_id].key
                if j != i:
                    score = pair_score(i, j)
                    if score >= MATCH_THRESHOLD:
                        edges.append((score, min(i, j), max(i, j)))
    edges.sort(key=lambda e: (-e[0], e[1], e[2]))
    for _, i, j in edges:
        ri, rj = clusters.find(i), clusters.find(j)
        if ri != rj and _compatible(clusters.members[ri], clusters.members[rj], pair_score):
            clusters.union(i, j)
    _attach_acronyms(spellings, clusters, local, pair_score)
    return _label(names, line_ids, clusters, registry, index)


#: Lowest score of any pair across two clusters that may merge (a typo chain, not a conflict).
_LINK_FLOOR = 86.0


def _compatible(left: list[int], right: list[int], pair_score: Callable[[int, int], float]) -> bool:
    """Return whether two clusters may merge: no pair across them may be a conflict."""
    checked = 0
    for i in left:
        for j in right:
            if pair_score(i, j) < _LINK_FLOOR:
                return False
            checked += 1
            if checked >= 64:
                return True
    return True


def _attach_acronyms(
    spellings: list[str],
    clusters: _Clusters,
    local: NameIndex,
    pair_score: Callable[[int, int], float],
) -> None:
    """Join acronyms to the one cluster whose names they abbreviate, when only one does."""
    roots = sorted({clusters.find(i) for i in local._canonical})
    pure = {
        r
        for r in roots
        if r not in clusters.keys
        and all(looks_like_acronym(spellings[m]) for m in clusters.members[r])
    }
    if not pure and not any(_has_acronym(spellings[r]) for r in roots):
        return
    derived: dict[str, set[int]] = defaultdict(set)
    for root in roots:
        if root in pure:
            continue
        for member in clusters.members[root]:
            for parsed in parse(spellings[member]):
                for initials in parsed.initials():
                    derived[initials].add(root)
    for root in roots:
        members = clusters.members.get(root)
        if members is None:
            continue
        if root in pure:
            found = set(derived.get(normalize(spellings[members[0]]).replace(" ", ""), ()))
        elif len(members) == 1 and root not in clusters.keys and _has_acronym(spellings[root]):
            # "HCA Vanadzor": an acronym together with words of the full name.
            found = set()
            for variant in parse(spellings[root]):
                spelt_out = Name(variant.raw, [w for w in variant.words if not w.acr])
                for entry_id in local._candidates(spelt_out, strict=True, slack=6):
                    other = local._entries[entry_id].key
                    if other != root and pair_score(root, other) == ACRONYM_SCORE:
                        found.add(clusters.find(other))
        else:
            continue
        found = {clusters.find(f) for f in found} - {clusters.find(root)}
        if len(found) == 1:
            clusters.union(found.pop(), root)


def _has_acronym(name: str) -> bool:
    """Return whether a name contains a word written as an acronym next to other words."""
    return any(w.acr for w in parse(name)[0].content)


def _label(
    names: list[str],
    line_ids: list[int],
    clusters: _Clusters,
    registry: dict[int, Match],
    index: NameIndex | None,
) -> list[dict]:
    """Number clusters in order of first appearance and pick each cluster's canonical name."""
    numbers: dict[int, int] = {}
    spellings: dict[int, Counter[str]] = defaultdict(Counter)
    first_seen: dict[str, int] = {}
    for line, spelling_id in enumerate(line_ids):
        root = clusters.find(spelling_id)
        numbers.setdefault(root, len(numbers))
        written = names[line].strip()
        spellings[root][written] += 1
        first_seen.setdefault(written, line)
    canonical: dict[int, str] = {}
    for root in numbers:
        known = [registry[m] for m in clusters.members[root] if m in registry]
        if known and index is not None:
            canonical[root] = index.canonical(known[0].key)
        else:
            counts = spellings[root]
            canonical[root] = max(
                counts, key=lambda n: (_form_quality(n), counts[n], -first_seen[n])
            )
    return [
        {
            "name": name,
            "cluster": numbers[clusters.find(spelling_id)],
            "canonical": canonical[clusters.find(spelling_id)],
        }
        for name, spelling_id in zip(names, line_ids, strict=True)
    ]
