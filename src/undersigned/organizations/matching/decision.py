"""The one rule that turns a name's candidates into a decision: same, maybe or new."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from undersigned.organizations.matching.reasons import ReasonCode
from undersigned.organizations.matching.scoring import (
    MATCH_THRESHOLD,
    PROBABLE_THRESHOLD,
    Match,
)

#: Candidates a decision lists, at most.
CANDIDATES = 5
# Verdicts that are guesses however high they score: a person must look.
_GUESSES = frozenset(
    {
        ReasonCode.ACRONYM_OF,
        ReasonCode.COULD_BE_ACRONYM,
        ReasonCode.SHARED_ACRONYM,
        ReasonCode.STARTS_LIKE,
    }
)


class Decision(StrEnum):
    """What a name is to the registry."""

    SAME = "same"  # surely this organisation: nobody needs to look
    MAYBE = "maybe"  # probably this organisation: a person confirms
    NEW = "new"  # no organisation of the registry


@dataclass(frozen=True, slots=True)
class MatchDecision:
    """A name, what it is to the registry, and the candidates the decision was made on."""

    query: str
    decision: Decision
    match: Match | None  # the organisation for same and maybe
    candidates: tuple[Match, ...]  # best first, at most CANDIDATES


def decide(query: str, matches: Sequence[Match]) -> MatchDecision:
    """Decide what a name is, given its candidates best first (NameIndex.search)."""
    # A wrong "same" publishes an organisation under a statement it never signed, so "same"
    # wants a sure score, a verdict that is no guess, and no other organisation close behind.
    candidates = tuple(matches[:CANDIDATES])
    top = candidates[0] if candidates else None
    if top is None or top.score < PROBABLE_THRESHOLD:
        return MatchDecision(query, Decision.NEW, None, candidates)
    runner_up = next((m for m in candidates[1:] if m.key != top.key), None)
    sure = (
        top.score >= MATCH_THRESHOLD
        and bool(top.reasons)
        and top.reasons[0].code not in _GUESSES
        and (runner_up is None or runner_up.score < PROBABLE_THRESHOLD)
    )
    return MatchDecision(query, Decision.SAME if sure else Decision.MAYBE, top, candidates)
