"""Score cluster() against the labelled organisation names in eval/names.tsv.

Run from the repository root: ``python eval/evaluate.py`` (or ``--show 50`` for longer lists).
It prints pairwise precision, recall and F1: a pair of lines counts as predicted when
cluster() puts both in one cluster, and as true when both carry the same gold label.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from undersigned.organizations.matching import cluster, compare  # noqa: E402


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


def main() -> int:
    """Cluster the labelled names and print precision, recall, F1 and the errors."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=ROOT / "eval" / "names.tsv")
    parser.add_argument("--show", type=int, default=20, help="errors to list of each kind")
    args = parser.parse_args()

    rows = load(args.data)
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

    print(f"names: {len(rows)}  gold clusters: {len(gold)}  predicted clusters: {len(predicted)}")
    print(f"gold pairs: {len(true_pairs)}  predicted pairs: {len(predicted_pairs)}")
    print(f"precision: {precision:.4f}  recall: {recall:.4f}  F1: {f1:.4f}")
    print(f"cluster() took {elapsed * 1000:.0f} ms")

    false_merges = sorted(predicted_pairs - true_pairs)
    missed = sorted(true_pairs - predicted_pairs)
    print(f"\nfalse merges ({len(false_merges)}):")
    for i, j in false_merges[: args.show]:
        match = compare(names[i], names[j])
        print(f"  [{rows[i][0]} / {rows[j][0]}] {names[i]!r} ~ {names[j]!r}")
        print(f"      {match.score:.1f}: {match.explanation}")
    print(f"\nmissed pairs ({len(missed)}):")
    for i, j in missed[: args.show]:
        match = compare(names[i], names[j])
        print(f"  [{rows[i][0]}] {names[i]!r} ~ {names[j]!r}")
        print(f"      {match.score:.1f}: {match.explanation}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
