"""Match organisation names across spellings, scripts, legal forms and word order.

Signatory lists are pasted by hand, so one organisation appears as “Journalists’ Club
“Asparez””, "Asparez Journalists Club", "«Ասպարեզ» լրագրողների ակումբ" or "TIAC". This
package decides, with its reasons, whether two such spellings name the same organisation.
Precision comes first: a wrong merge would publish an organisation under a statement it never
signed, so every word that is not a legal form, a stop word or a country qualifier must be
accounted for on both sides (exactly, by transliteration, as a compound, or as a typo of a
long word) before two names are merged.

The pipeline for one name:

1. normalize() folds quotes, dashes, case, punctuation and whitespace (``text``).
2. Each word is translated through a small Armenian/Russian glossary of words common in
   organisation names (keeping its transliteration as an alternative), otherwise
   transliterated to Latin (explicit Armenian and Russian tables, unidecode for the rest),
   then spelled the American way and stripped of a plural or possessive "s" (``text``, with
   the tables in ``words``).
3. Words are classed as content (distinguishing), legal form (weak: NGO, ՀԿ, НКО, LLC, and
   "foundation", which only counts against another legal form), qualifier (Armenia, RA,
   office) or stop word (``names``).
4. Two names are aligned as multisets of content words; a content word left over on either
   side blocks the merge. Typos are only accepted in words of five letters or more, between
   a known word and an unknown one (two known words are never typos of each other)
   (``scoring``). Scores come with reasons as codes and parameters (``reasons``), which the
   organisations app formats in the reader's language.
5. ``index`` searches a registry, ``clusters`` groups a list of names, and ``decide`` says
   whether a name is surely, perhaps or not an organisation of the registry.

Nothing here needs Django's settings, so the package is usable from scripts, tasks and tests.
"""

from undersigned.organizations.matching.clusters import cluster
from undersigned.organizations.matching.decision import Decision, MatchDecision, decide
from undersigned.organizations.matching.index import NameIndex
from undersigned.organizations.matching.reasons import (
    Reason,
    ReasonCode,
    format_reasons,
    reason,
    reasons_from_json,
)
from undersigned.organizations.matching.scoring import (
    ACRONYM_SCORE,
    MATCH_THRESHOLD,
    PROBABLE_THRESHOLD,
    Explanation,
    Match,
    compare,
)
from undersigned.organizations.matching.text import normalize, transliterate

__all__ = [
    "ACRONYM_SCORE",
    "MATCH_THRESHOLD",
    "PROBABLE_THRESHOLD",
    "Decision",
    "Explanation",
    "Match",
    "MatchDecision",
    "NameIndex",
    "Reason",
    "ReasonCode",
    "cluster",
    "compare",
    "decide",
    "format_reasons",
    "normalize",
    "reason",
    "reasons_from_json",
    "transliterate",
]
