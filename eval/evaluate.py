"""Score the name matcher and the page extraction, each on a tuning and a held-out part.

Run from the repository root: ``python eval/evaluate.py`` (``--show 50`` for longer lists of
errors, ``--part tuning`` for one part, ``--suite pages`` for the extraction alone). For each
part of the organisation names it prints:

* cluster()'s pairwise precision, recall and F1: a pair of lines counts as predicted when
  cluster() puts both in one cluster, and as true when both carry the same gold label;
* the decision's figures (matching.decide, which `orgs match`, the sign-on form, the import and
  `orgs dedupe --registry` share), leaving one name out at a time: the other names of every
  organisation of the part make the registry, and the name left out is decided against it.
  "same" precision is the share of "same" decisions that name the right organisation.

The labelled names are split for good into a tuning part (eval/names-tuning.tsv), which the
matcher and its tests may be tuned on, and a held-out part (eval/names-heldout.tsv), which
nobody tunes on: its figures only say how the matcher does on names it was not tuned on. A
label goes to one part by a hash of itself (part_of), so one organisation's names never
straddle the two; add new labelled names to the file part_of names.

The extraction part reads the statement pages of eval/pages/<part>/ (fictional pages in English,
Armenian and Russian, each NAME.html with NAME.json giving its title, the first and last
paragraph of its body and its signatories in page order) through parse_page and prints pages
exactly right (title, body bounds and signatories), signatory precision, recall and F1 (a
signatory counts as found when the same text is extracted, as often as it is printed) and
body-boundary accuracy (the body starts and ends with the expected paragraphs). A page belongs
to a part by a hash of its file name (page_part_of); the split was made before any tuning.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import django  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "undersigned.settings")
django.setup()

from undersigned.importer.parsing import ParseError, parse_page  # noqa: E402
from undersigned.organizations.matching import (  # noqa: E402
    Decision,
    NameIndex,
    cluster,
    compare,
    decide,
)

PARTS = {
    "tuning": ROOT / "eval" / "names-tuning.tsv",
    "heldout": ROOT / "eval" / "names-heldout.tsv",
}


def part_of(label: str) -> str:
    """Return the part a gold label belongs to: "tuning" or "heldout", by a hash of the label."""
    return "heldout" if hashlib.sha256(label.strip().encode()).digest()[0] % 2 else "tuning"


def load(path: Path) -> list[tuple[str, str]]:
    """Read (label, name) rows from a TSV file with a header line."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            label, name = line.split("\t", 1)
            rows.append((label.strip(), name.strip()))
    return rows


def pairs_of(groups: dict[object, list[int]]) -> set[tuple[int, int]]:
    """Return every unordered pair of line numbers that share a group."""
    out: set[tuple[int, int]] = set()
    for members in groups.values():
        out.update(combinations(sorted(members), 2))
    return out


def cluster_figures(rows: list[tuple[str, str]]) -> dict:
    """Return cluster()'s pairwise figures on labelled rows, with the wrong and missed pairs."""
    names = [name for _, name in rows]
    started = time.perf_counter()
    result = cluster(names)
    elapsed = time.perf_counter() - started
    gold: dict[object, list[int]] = defaultdict(list)
    predicted: dict[object, list[int]] = defaultdict(list)
    for i, ((label, _), row) in enumerate(zip(rows, result, strict=True)):
        gold[label].append(i)
        predicted[row["cluster"]].append(i)
    true_pairs = pairs_of(gold)
    predicted_pairs = pairs_of(predicted)
    hits = true_pairs & predicted_pairs
    precision = len(hits) / len(predicted_pairs) if predicted_pairs else 1.0
    recall = len(hits) / len(true_pairs) if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "names": len(rows),
        "gold_clusters": len(gold),
        "predicted_clusters": len(predicted),
        "gold_pairs": len(true_pairs),
        "predicted_pairs": len(predicted_pairs),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "ms": elapsed * 1000,
        "false_merges": sorted(predicted_pairs - true_pairs),
        "missed": sorted(true_pairs - predicted_pairs),
    }


def decision_figures(rows: list[tuple[str, str]]) -> dict:
    """Decide every name against a registry of the part's other names (leave one out)."""
    by_label: dict[str, list[int]] = defaultdict(list)
    for i, (label, _) in enumerate(rows):
        by_label[label].append(i)
    counts: dict[str, int] = defaultdict(int)
    wrong_same: list[tuple[str, str, str]] = []
    for i, (label, name) in enumerate(rows):
        registry = NameIndex(
            (other, [rows[j][1] for j in members if j != i]) for other, members in by_label.items()
        )
        decided = decide(name, registry.search(name, limit=5))
        known = len(by_label[label]) > 1  # the registry has the name's organisation
        right = decided.match is not None and decided.match.key == label
        counts[f"{decided.decision}_{'right' if right else 'wrong'}"] += 1
        counts["known" if known else "unknown"] += 1
        if decided.decision == Decision.SAME and not right:
            wrong_same.append((label, name, str(decided.match.key if decided.match else "")))
    same = counts["same_right"] + counts["same_wrong"]
    return {
        "same": same,
        "same_precision": counts["same_right"] / same if same else 1.0,
        # Of the names whose organisation is in the registry, the share decided "same" rightly.
        "same_recall": counts["same_right"] / counts["known"] if counts["known"] else 1.0,
        "maybe": counts["maybe_right"] + counts["maybe_wrong"],
        "maybe_right": counts["maybe_right"],
        "new": counts["new_right"] + counts["new_wrong"],
        "known": counts["known"],
        "unknown": counts["unknown"],
        "wrong_same": wrong_same,
    }


def report(part: str, rows: list[tuple[str, str]], show: int) -> None:
    """Print the figures of one part and its errors."""
    names = [name for _, name in rows]
    c = cluster_figures(rows)
    d = decision_figures(rows)
    print(f"== {part} ({PARTS[part].relative_to(ROOT)})")
    print(
        f"names: {c['names']}  gold clusters: {c['gold_clusters']}  "
        f"predicted clusters: {c['predicted_clusters']}"
    )
    print(f"gold pairs: {c['gold_pairs']}  predicted pairs: {c['predicted_pairs']}")
    print(f"precision: {c['precision']:.4f}  recall: {c['recall']:.4f}  F1: {c['f1']:.4f}")
    print(f"cluster() took {c['ms']:.0f} ms")
    print(
        f"decision (leave one out): same {d['same']}, maybe {d['maybe']} "
        f"({d['maybe_right']} naming the right organisation), new {d['new']}; "
        f"organisation in the registry for {d['known']} names, absent for {d['unknown']}"
    )
    print(
        f"same precision: {d['same_precision']:.4f}  "
        f"same recall (of names in the registry): {d['same_recall']:.4f}"
    )
    if show:
        print(f"\nwrong 'same' ({len(d['wrong_same'])}):")
        for label, name, chosen in d["wrong_same"][:show]:
            print(f"  [{label}] {name!r} decided as [{chosen}]")
        print(f"\nfalse merges ({len(c['false_merges'])}):")
        for i, j in c["false_merges"][:show]:
            match = compare(names[i], names[j])
            print(f"  [{rows[i][0]} / {rows[j][0]}] {names[i]!r} ~ {names[j]!r}")
            print(f"      {match.score:.1f}: {match.explanation}")
        print(f"\nmissed pairs ({len(c['missed'])}):")
        for i, j in c["missed"][:show]:
            match = compare(names[i], names[j])
            print(f"  [{rows[i][0]}] {names[i]!r} ~ {names[j]!r}")
            print(f"      {match.score:.1f}: {match.explanation}")
    print()


PAGES = ROOT / "eval" / "pages"


def page_part_of(name: str) -> str:
    """Return the part a page belongs to: "tuning" or "heldout", by a hash of its file stem."""
    return "heldout" if hashlib.sha256(name.encode()).digest()[0] % 2 else "tuning"


def _normal(text: str) -> str:
    return " ".join(text.split())


def extraction_figures(part: str) -> dict:
    """Parse every page of a part and compare it with its expected JSON."""
    pages = sorted((PAGES / part).glob("*.html"))
    exact = boundary = found = extracted = expected_total = 0
    errors: list[str] = []
    for path in pages:
        if page_part_of(path.stem) != part:
            raise SystemExit(f"{path} belongs to the {page_part_of(path.stem)} part by its name")
        expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        try:
            [entry] = parse_page(path.read_text(encoding="utf-8"), filename=path.name)
            title, body, signatories = entry.title, _normal(entry.body), entry.signatories
        except (ParseError, ValueError) as error:
            title, body, signatories = "", "", []
            errors.append(f"{path.stem}: {error}")
        wanted = [_normal(name) for name in expected["signatories"]]
        got = [_normal(name) for name in signatories]
        hits = sum((Counter(wanted) & Counter(got)).values())
        found += hits
        extracted += len(got)
        expected_total += len(wanted)
        bounds = body.startswith(_normal(expected["body_start"])) and body.endswith(
            _normal(expected["body_end"])
        )
        boundary += bounds
        right_title = title == expected.get("title", title)
        exact += bounds and right_title and got == wanted
        if not (bounds and right_title and got == wanted):
            problems = []
            if not right_title:
                problems.append(f"title {title!r}")
            if not bounds:
                problems.append(f"body ends …{body[-70:]!r}")
            if got != wanted:
                missed = list((Counter(wanted) - Counter(got)).elements())
                extra = list((Counter(got) - Counter(wanted)).elements())
                problems.append(
                    f"signatories {hits}/{len(wanted)} found, {len(extra)} extra {extra[:3]}, "
                    f"missed {missed[:3]}" + (", order" if not missed and not extra else "")
                )
            errors.append(f"{path.stem}: " + "; ".join(problems))
    precision = found / extracted if extracted else 1.0
    recall = found / expected_total if expected_total else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "pages": len(pages),
        "exact": exact,
        "boundary": boundary,
        "signatories": expected_total,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "errors": errors,
    }


def report_extraction(part: str, show: int) -> None:
    """Print the extraction figures of one part and its wrong pages."""
    x = extraction_figures(part)
    print(f"== extraction, {part} (eval/pages/{part}/)")
    print(
        f"pages exactly right: {x['exact']}/{x['pages']}  "
        f"body boundary right: {x['boundary']}/{x['pages']}"
    )
    print(
        f"signatories: {x['signatories']}  precision: {x['precision']:.4f}  "
        f"recall: {x['recall']:.4f}  F1: {x['f1']:.4f}"
    )
    for error in x["errors"][:show]:
        print(f"  {error}")
    print()


def main() -> int:
    """Print the figures of the tuning part, then of the held-out part."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--part", choices=[*PARTS, "both"], default="both")
    parser.add_argument("--suite", choices=["names", "pages", "both"], default="both")
    parser.add_argument("--show", type=int, default=0, help="errors to list of each kind")
    args = parser.parse_args()
    for part, path in PARTS.items():
        if args.part in (part, "both") and args.suite in ("names", "both"):
            report(part, load(path), args.show)
    for part in PARTS:
        if args.part in (part, "both") and args.suite in ("pages", "both"):
            report_extraction(part, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
