"""Time name matching against a synthetic registry of 20,000 organisations.

Run from the repository root: ``python bench/bench_matching.py`` (``--orgs``, ``--queries`` and
``--cluster`` change the sizes). It builds a NameIndex of 20,000 organisations with one to three
aliases each (acronyms, Armenian and Russian spellings), times 1,000 searches (exact names,
spelling variants, unknown names and near misses that differ from a registered name in one
distinguishing word) and one cluster() of 5,000 names, and prints a markdown table.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from undersigned.organizations.matching import MATCH_THRESHOLD, NameIndex, cluster  # noqa: E402

SEED = 20240927

PLACES = str.split(
    "Yerevan Gyumri Vanadzor Goris Kapan Ijevan Dilijan Sevan Ashtarak Armavir Abovyan Hrazdan "
    "Gavar Artashat Stepanavan Spitak Sisian Meghri Jermuk Vayk Yeghegnadzor Martuni Talin "
    "Aparan Charentsavan Noyemberyan Berd Alaverdi Tashir Masis Vedi Ararat Echmiadzin Tsaghkadzor"
)
# English topic words with an Armenian and a Russian rendering that the matcher's glossary knows.
TOPICS = {
    "Youth": ("Երիտասարդական", "Молодежный"),
    "Women's": ("Կանանց", "Женский"),
    "Civic": (None, None),
    "Rural": ("Գյուղական", None),
    "Media": ("Մեդիա", "Медиа"),
    "Legal": ("Իրավական", "Правовой"),
    "Peace": ("Խաղաղության", "Мира"),
    "Health": ("Առողջապահական", None),
    "Green": ("Կանաչ", "Зеленый"),
    "Ecological": ("Էկոլոգիական", "Экологический"),
    "Education": ("Կրթական", "Образовательный"),
    "Development": ("Զարգացման", "Развития"),
    "Human Rights": ("Մարդու իրավունքների", "Прав человека"),
    "Democracy": ("Ժողովրդավարության", "Демократии"),
    "Social": ("Սոցիալական", "Социальный"),
    "Cultural": ("Մշակութային", None),
    "Research": ("Հետազոտական", "Исследовательский"),
    "Information": ("Տեղեկատվական", "Информационный"),
    "Community": ("Համայնքային", None),
    "Disability": ("Հաշմանդամության", None),
    "Refugee": ("Փախստականների", "Беженцев"),
    "Business": ("Բիզնես", "Бизнес"),
    "Agricultural": ("Գյուղատնտեսական", "Сельскохозяйственный"),
    "Journalists'": ("Լրագրողների", "Журналистов"),
    "Lawyers'": ("Իրավաբանների", "Юристов"),
    "Volunteer": ("Կամավորական", None),
    "Innovation": (None, None),
    "Heritage": ("Ժառանգության", None),
    "Tolerance": ("Հանդուրժողականության", None),
    "Energy": ("Էներգետիկ", None),
}
KINDS = {
    "Center": ("կենտրոն", "центр"),
    "Club": ("ակումբ", "клуб"),
    "Union": ("միություն", "союз"),
    "Network": ("ցանց", "сеть"),
    "Foundation": ("հիմնադրամ", "фонд"),
    "Initiative": ("նախաձեռնություն", "инициатива"),
    "Council": ("խորհուրդ", "совет"),
    "Association": ("ասոցիացիա", "ассоциация"),
    "Coalition": ("կոալիցիա", "коалиция"),
    "Institute": ("ինստիտուտ", "институт"),
    "Alliance": ("դաշինք", "альянс"),
    "Platform": ("հարթակ", "платформа"),
}
SYLLABLES = str.split(
    "ar ev na ir hay ka ag ast van an lor sev tsov mas is zang ez ber kar tar gor dil tig ran "
    "mik nar hov hrach ani luys zar shog aregh nair ash khach vard garn sos taron sip"
)
LEGAL_FORMS = ["NGO", "ՀԿ", "НКО", "Public Organization", "non-governmental organization"]
QUOTES = [("“", "”"), ("«", "»"), ('"', '"'), ("„", "“")]
BRITISH = {"Center": "Centre", "Organization": "Organisation", "Program": "Programme"}
HY_LETTERS = [
    ("kh", "խ"), ("gh", "ղ"), ("ts", "ց"), ("dz", "ձ"), ("sh", "շ"), ("ch", "չ"), ("zh", "ժ"),
    ("ev", "և"), ("u", "ու"), ("a", "ա"), ("b", "բ"), ("g", "գ"), ("d", "դ"), ("e", "ե"),
    ("z", "զ"), ("i", "ի"), ("l", "լ"), ("k", "կ"), ("h", "հ"), ("m", "մ"), ("y", "յ"),
    ("n", "ն"), ("o", "ո"), ("p", "պ"), ("j", "ջ"), ("r", "ր"), ("s", "ս"), ("v", "վ"),
    ("t", "տ"), ("f", "ֆ"),
]  # fmt: skip
RU_LETTERS = [
    ("kh", "х"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("zh", "ж"), ("gh", "г"), ("a", "а"),
    ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"),
    ("y", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"),
    ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("j", "дж"),
]  # fmt: skip


def spell_in(word: str, letters: list[tuple[str, str]]) -> str:
    """Spell a Latin proper name in another script, longest letter groups first."""
    out, i, lowered = [], 0, word.lower()
    while i < len(lowered):
        for latin, native in letters:
            if lowered.startswith(latin, i):
                out.append(native)
                i += len(latin)
                break
        else:
            i += 1
    text = "".join(out)
    return text[:1].upper() + text[1:]


class Organisation:
    """A synthetic organisation: its parts, canonical name and aliases."""

    def __init__(self, place: str | None, proper: str | None, topics: list[str], kind: str):
        self.place, self.proper, self.topics, self.kind = place, proper, topics, kind
        self.name = self.english()
        self.aliases: list[str] = []

    def words(self) -> list[str]:
        """Return the English words in name order."""
        words = [self.place] if self.place else []
        if self.proper:
            words.append(f"“{self.proper}”")
        return [*words, *self.topics, self.kind]

    def english(self) -> str:
        """Return the English name."""
        return " ".join(self.words())

    def acronym(self) -> str:
        """Return the initials of the English name."""
        return "".join(w.strip("“”")[0] for w in " ".join(self.words()).split()).upper()

    def native(self, script: int) -> str | None:
        """Return the name in Armenian (0) or Russian (1), if every word can be rendered."""
        letters = HY_LETTERS if script == 0 else RU_LETTERS
        parts = []
        if self.place:
            parts.append(spell_in(self.place, letters) + ("ի" if script == 0 else ""))
        if self.proper:
            parts.append("«" + spell_in(self.proper, letters) + "»")
        for topic in self.topics:
            rendered = TOPICS[topic][script]
            if rendered is None:
                return None
            parts.append(rendered)
        parts.append(KINDS[self.kind][script])
        return " ".join(parts)


def make_registry(count: int, rng: random.Random) -> list[Organisation]:
    """Generate organisations with distinct names and one to three aliases each."""
    seen: set[str] = set()
    organisations: list[Organisation] = []
    topics = list(TOPICS)
    while len(organisations) < count:
        shape = rng.random()
        place = rng.choice(PLACES) if shape < 0.7 else None
        proper = None
        if shape > 0.45:
            proper = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).title()
        chosen = rng.sample(topics, rng.randint(1, 2))
        org = Organisation(place, proper, chosen, rng.choice(list(KINDS)))
        if org.name.lower() in seen:
            continue
        seen.add(org.name.lower())
        candidates = [org.acronym(), org.native(0), org.native(1), f"{org.name} NGO"]
        candidates = [c for c in candidates if c]
        org.aliases = rng.sample(candidates, min(len(candidates), rng.randint(1, 3)))
        organisations.append(org)
    return organisations


def typo(word: str, rng: random.Random) -> str:
    """Swap two inner letters of a long word."""
    if len(word) < 7 or not word.isalpha():
        return word
    i = rng.randint(2, len(word) - 3)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def variant(org: Organisation, rng: random.Random) -> str:
    """Return the organisation's name with realistic noise: legal form, quotes, typos, order."""
    words = org.words()
    roll = rng.random()
    if roll < 0.2 and org.place:
        words = [*words[1:], "–", words[0]]
    elif roll < 0.4:
        long_words = [i for i, w in enumerate(words) if len(w) >= 7 and w.isalpha()]
        if long_words:
            i = rng.choice(long_words)
            words[i] = typo(words[i], rng)
    elif roll < 0.6:
        words = [BRITISH.get(w, w) for w in words]
    text = " ".join(words)
    if rng.random() < 0.5:
        left, right = rng.choice(QUOTES)
        text = f"{left}{text}{right}"
    if rng.random() < 0.6:
        text = f"{text} {rng.choice(LEGAL_FORMS)}"
    return text.lower() if rng.random() < 0.1 else text


def near_miss(org: Organisation, rng: random.Random) -> Organisation:
    """Return another organisation that differs from one in a single distinguishing word."""
    place, topics, kind = org.place, list(org.topics), org.kind
    roll = rng.random()
    if roll < 0.3 and place:
        place = rng.choice([p for p in PLACES if p != place])
    elif roll < 0.6:
        kind = rng.choice([k for k in KINDS if k != kind])
    else:
        i = rng.randrange(len(topics))
        topics[i] = rng.choice([t for t in TOPICS if t not in topics])
    return Organisation(place, org.proper, topics, kind)


def bag(name: str) -> tuple[str, ...]:
    """Return the sorted lower-case words of a name, without quotes."""
    return tuple(sorted(name.lower().replace("“", "").replace("”", "").split()))


def percentile(values: list[float], share: float) -> float:
    """Return a percentile of a list of numbers."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    """Build the index, time searches and clustering, and print a markdown table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orgs", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--cluster", type=int, default=5_000)
    args = parser.parse_args()
    rng = random.Random(SEED)

    registry = make_registry(args.orgs, rng)
    started = time.perf_counter()
    index = NameIndex((i, [org.name, *org.aliases]) for i, org in enumerate(registry))
    build = time.perf_counter() - started
    alias_count = sum(len(org.aliases) for org in registry)

    unknown_pool = make_registry(args.queries, random.Random(SEED + 1))
    # Word order does not tell organisations apart, so names are known by their bag of words.
    by_words = {bag(org.name): key for key, org in enumerate(registry)}
    acronym_owners: dict[str, set[int]] = {}
    for key, org in enumerate(registry):
        for alias in org.aliases:
            if alias.isupper():
                acronym_owners.setdefault(alias, set()).add(key)
    queries: list[tuple[str, str, int | None]] = []
    for i in range(args.queries):
        kind = ("exact", "variant", "unknown", "near miss")[i % 4]
        if kind == "near miss":
            other = near_miss(registry[rng.randrange(len(registry))], rng)
            # Expect the organisation of that name if it exists, else no sure match.
            queries.append((kind, variant(other, rng), by_words.get(bag(other.name))))
            continue
        if kind == "unknown":
            org = unknown_pool[i]
            if bag(org.name) in by_words:
                continue
            queries.append((kind, variant(org, rng), None))
            continue
        key = rng.randrange(len(registry))
        org = registry[key]
        text = rng.choice([org.name, *org.aliases]) if kind == "exact" else variant(org, rng)
        if kind == "exact" and text in acronym_owners:
            kind = "acronym"
        queries.append((kind, text, key))

    kinds = ("exact", "acronym", "variant", "unknown", "near miss")
    times: dict[str, list[float]] = {kind: [] for kind in kinds}
    right: dict[str, int] = dict.fromkeys(kinds, 0)
    for kind, text, key in queries:
        started = time.perf_counter()
        found = index.search(text, limit=5)
        times[kind].append((time.perf_counter() - started) * 1000)
        top = found[0] if found and found[0].score >= MATCH_THRESHOLD else None
        if key is None:
            right[kind] += top is None
        elif kind == "acronym" and len(acronym_owners[text]) > 1:
            # An acronym shared by several organisations must not pick one of them.
            right[kind] += top is None and key in {m.key for m in found}
        else:
            right[kind] += top is not None and top.key == key
    every = [t for values in times.values() for t in values]
    shared = sum(len(owners) > 1 for owners in acronym_owners.values()) / len(acronym_owners)

    lines: list[str] = []
    for org in rng.sample(registry, args.cluster // 2):
        lines.append(org.name)
        lines.append(variant(org, rng))
    rng.shuffle(lines)
    started = time.perf_counter()
    result = cluster(lines[: args.cluster])
    cluster_time = time.perf_counter() - started
    clusters = len({row["cluster"] for row in result})

    print(
        f"Registry: {len(registry):,} organisations, {alias_count:,} aliases "
        f"({shared:.0%} of acronyms shared by several organisations)"
    )
    print()
    print("| measure | value | target |")
    print("| --- | --- | --- |")
    print(f"| build NameIndex | {build:.2f} s | |")
    for kind in kinds:
        values = times[kind]
        print(
            f"| search, {kind} ({len(values)}) | median {statistics.median(values):.2f} ms, "
            f"p95 {percentile(values, 0.95):.2f} ms, right {right[kind] / len(values):.1%} | |"
        )
    print(
        f"| search, all ({len(every)}) | median {statistics.median(every):.2f} ms, "
        f"p95 {percentile(every, 0.95):.2f} ms | < 5 ms median |"
    )
    print(
        f"| cluster() {len(result):,} names | {cluster_time:.2f} s ({clusters:,} clusters) "
        f"| < 10 s |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
