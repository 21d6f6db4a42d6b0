"""Reads for the organisation registry."""

import re
import threading
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any

from django.db import connection
from django.db.models import Count, Max, Q, QuerySet
from django.shortcuts import get_object_or_404

from undersigned.organizations.matching import (
    PROBABLE_THRESHOLD,
    Decision,
    Explanation,
    NameIndex,
    normalize,
)
from undersigned.organizations.models import (
    Membership,
    MergedOrganization,
    Organization,
    OrganizationAlias,
    local_name_expression,
)


def organization_for_page(*, slug: str) -> Organization:
    """Return an organisation with its aliases, or raise Http404."""
    return get_object_or_404(Organization.objects.public().prefetch_related("aliases"), slug=slug)


def organization_memberships(*, organization: Organization) -> QuerySet[Membership]:
    """Return the networks the organisation belongs to, by their names in the reader's language."""
    return (
        Membership.objects.filter(member=organization)
        .select_related("network")
        .order_by(local_name_expression("network__"), "pk")
    )


def organization_members(*, organization: Organization) -> QuerySet[Membership]:
    """Return the members of a coalition or network, by their names in the reader's language."""
    return (
        Membership.objects.filter(network=organization)
        .select_related("member")
        .order_by(local_name_expression("member__"), "pk")
    )


def organization_directory(*, query: str = "", kind: str = "") -> QuerySet[Organization]:
    """Return organisations with the number of statements each signed, by name."""
    organizations = Organization.objects.public().annotate(
        signed_count=Count(
            # Not statements still being written (draft, in review: statements' UNPUBLIC_STATUSES).
            "signatures",
            filter=~Q(signatures__statement__status__in=["draft", "review"]),
        )
    )
    if query:
        organizations = organizations.filter(
            Q(name__icontains=query)
            | Q(name_en__icontains=query)
            | Q(name_hy__icontains=query)
            | Q(name_ru__icontains=query)
            | Q(aliases__name__icontains=query)
        ).distinct()
    if kind:
        organizations = organizations.filter(kind=kind)
    return organizations.order_by_local_name()


def organization_merged_into(*, slug: str) -> Organization | None:
    """Return the organisation that absorbed a merged record with this slug, if any."""
    merged = MergedOrganization.objects.filter(slug=slug).select_related("merged_into").first()
    return merged.merged_into if merged else None


@dataclass(frozen=True)
class RegistryMatch:
    """A registry organisation that a name may mean, with the matcher's score and reason."""

    organization: Organization
    score: float
    reasons: "Explanation"
    matched_name: str

    @property
    def explanation(self) -> str:
        """Return the reasons in English, as the command line shows them."""
        from undersigned.organizations.matching import format_reasons

        return format_reasons(self.reasons)


@dataclass
class _IndexState:
    index: NameIndex
    organizations: int
    last_organization: int
    changed: Any
    aliases: int
    last_alias: int


_index_state: _IndexState | None = None
_index_lock = threading.Lock()


def _registry_figures() -> tuple[int, int, Any, int, int]:
    organizations = Organization.objects.aggregate(
        count=Count("pk"), last=Max("pk"), changed=Max("updated_at")
    )
    aliases = OrganizationAlias.objects.aggregate(count=Count("pk"), last=Max("pk"))
    return (
        organizations["count"],
        organizations["last"] or 0,
        organizations["changed"],
        aliases["count"],
        aliases["last"] or 0,
    )


def _names_by_organization(organizations: QuerySet, aliases: QuerySet) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {}
    for pk, *own in organizations.values_list("pk", "name", "name_en", "name_hy", "name_ru"):
        names[pk] = list(dict.fromkeys(name for name in own if name))
    for pk, alias in aliases.values_list("organization_id", "name"):
        names.setdefault(pk, []).append(alias)
    return names


def registry_index() -> NameIndex:
    """Return the name index over the registry, kept in step with it.

    New organisations and aliases are added to the index as they come; a deletion, a merge or
    a renamed organisation rebuilds it (building takes seconds for tens of thousands of names).
    """
    global _index_state
    count, last, changed, alias_count, last_alias = _registry_figures()
    with _index_lock:
        state = _index_state
        if state is not None and (count, last, changed, alias_count, last_alias) == (
            state.organizations,
            state.last_organization,
            state.changed,
            state.aliases,
            state.last_alias,
        ):
            return state.index
        if state is not None and _only_additions(state, count, alias_count):
            new = _names_by_organization(
                Organization.objects.filter(pk__gt=state.last_organization),
                OrganizationAlias.objects.filter(pk__gt=state.last_alias),
            )
            for pk, added in new.items():
                if pk > state.last_organization:
                    state.index.add(pk, added)
                else:
                    state.index.add(pk, [state.index.canonical(pk), *added])
            index = state.index
        else:
            names = _names_by_organization(
                Organization.objects.all(), OrganizationAlias.objects.all()
            )
            index = NameIndex(names.items())
        _index_state = _IndexState(index, count, last, changed, alias_count, last_alias)
        return index


def _only_additions(state: _IndexState, count: int, alias_count: int) -> bool:
    """Return whether the registry only gained organisations and aliases since the index."""
    new_organizations = Organization.objects.filter(pk__gt=state.last_organization).count()
    new_aliases = OrganizationAlias.objects.filter(pk__gt=state.last_alias).count()
    if count != state.organizations + new_organizations:
        return False
    if alias_count != state.aliases + new_aliases:
        return False
    # An older record saved since: harmless unless its name changed.
    touched = Organization.objects.filter(pk__lte=state.last_organization)
    if state.changed is not None:
        touched = touched.filter(updated_at__gt=state.changed)
    for pk, name in touched.values_list("pk", "name"):
        try:
            if state.index.canonical(pk) != name.strip():
                return False
        except KeyError:
            return False
    return True


def registry_search(
    *, query: str, limit: int = 5, prefix: bool = False, include_pending: bool = False
) -> list[RegistryMatch]:
    """Return the registry organisations a name most probably means, best first.

    With prefix (type-ahead), names that start like an unfinished query are offered too.
    Organisations waiting in an import batch are left out unless include_pending (staff).
    """
    if not query.strip():
        return []
    matches = registry_index().search(query, limit=limit, prefix=prefix)
    registry = Organization.objects.all() if include_pending else Organization.objects.public()
    organizations = registry.in_bulk([m.key for m in matches])
    return [
        RegistryMatch(
            organization=organizations[m.key],
            score=m.score,
            reasons=m.reasons,
            matched_name=m.matched_name,
        )
        for m in matches
        if m.key in organizations
    ]


@dataclass(frozen=True)
class DuplicateCandidate:
    first: Organization
    second: Organization
    score: float
    reasons: "Explanation"


def registry_duplicate_candidates(
    *, organizations: QuerySet[Organization], min_score: float | None = None, limit: int = 200
) -> list[DuplicateCandidate]:
    """Return pairs of registry records that probably name one organisation, best first."""
    threshold = PROBABLE_THRESHOLD if min_score is None else min_score
    index = registry_index()
    pairs: dict[tuple[int, int], tuple[float, Explanation]] = {}
    for organization in organizations.prefetch_related("aliases"):
        for name in [*organization.own_names(), *(a.name for a in organization.aliases.all())]:
            for match in index.search(name, limit=5):
                other = int(match.key)  # type: ignore[call-overload]
                if other == organization.pk or match.score < threshold:
                    continue
                key = (min(other, organization.pk), max(other, organization.pk))
                if key not in pairs or pairs[key][0] < match.score:
                    pairs[key] = (match.score, match.reasons)
    best = sorted(pairs.items(), key=lambda item: -item[1][0])[:limit]
    records = Organization.objects.in_bulk({pk for key, _v in best for pk in key})
    return [
        DuplicateCandidate(records[a], records[b], score, reasons)
        for (a, b), (score, reasons) in best
        if a in records and b in records
    ]


@dataclass(frozen=True)
class MatchDecision:
    """What a name is to the registry: the same organisation, maybe one, or a new one."""

    query: str
    decision: Decision
    organization: Organization | None  # for "same" and "maybe"
    candidates: list[RegistryMatch]  # best first, at most five

    def as_json(self) -> dict[str, Any]:
        """Return the decision as `orgs match --json` prints it."""
        return {
            "query": self.query,
            "decision": str(self.decision),
            "slug": self.organization.slug if self.organization else None,
            "candidates": [
                {
                    "slug": c.organization.slug,
                    "name": c.organization.name,
                    "score": round(c.score, 1),
                }
                for c in self.candidates
            ],
        }


def organization_match(*, name: str, include_pending: bool = False) -> MatchDecision:
    """Decide what a name is to the registry; the sign-on form, the import and dedupe agree.

    "same" is given only when nobody needs to look (a wrong "same" is worse than a "maybe"):
    the rule is matching.decide, shared with `orgs dedupe --registry`.
    """
    if not name.strip():
        return MatchDecision(query=name, decision=Decision.NEW, organization=None, candidates=[])
    decided = registry_index().decide(name)
    # Organisations waiting in an import batch are matched only by the importer (staff).
    registry = Organization.objects.all() if include_pending else Organization.objects.public()
    organizations = registry.in_bulk([m.key for m in decided.candidates])
    candidates = [
        RegistryMatch(
            organization=organizations[m.key],
            score=m.score,
            reasons=m.reasons,
            matched_name=m.matched_name,
        )
        for m in decided.candidates
        if m.key in organizations
    ]
    chosen = organizations.get(decided.match.key) if decided.match is not None else None
    decision = decided.decision if chosen is not None else Decision.NEW
    return MatchDecision(query=name, decision=decision, organization=chosen, candidates=candidates)


# Finding an organisation by a typed name: the sign-on form's type-ahead and its resolution.

# The matcher scores a name that merely starts like the query from 60 up.
TYPE_AHEAD_SCORE = 60.0


def _query_words(query: str) -> list[str]:
    """Return the words the database looks for inside names, as the query spells them.

    Split at every non-word character (an apostrophe too: the stored name keeps its own), so
    each word is a substring of the stored name; comparison then goes through normalize().
    """
    words = [word for word in re.split(r"[\W_]+", query) if len(word) >= 2]
    return words or ([query.strip()] if normalize(query) else [])


def _contains(field_name: str, word: str) -> Q:
    """Match a word inside a field, ignoring case in every script."""
    if connection.vendor != "sqlite":
        return Q(**{f"{field_name}__icontains": word})
    # SQLite's LIKE folds only ASCII: try the spellings a name usually has.
    spellings = {word, word.lower(), word.upper(), word.capitalize()}
    return reduce(or_, (Q(**{f"{field_name}__contains": s}) for s in spellings))


def _names_of(organization: Organization) -> list[str]:
    return [*organization.own_names(), *(alias.name for alias in organization.aliases.all())]


@dataclass(frozen=True)
class RegistryCandidate:
    organization: Organization
    matched_name: str
    exact: bool
    score: float


def organization_search(
    *, query: str, limit: int = 10, prefix: bool = True
) -> list[RegistryCandidate]:
    """Return registry organisations having every word of the query in a name or alias.

    The name matcher adds what the words miss; with prefix (type-ahead) it also offers names
    that start like an unfinished query.
    """
    words = _query_words(query)
    if not words:
        return []
    every_word = reduce(lambda q, w: q & _contains("name", w), words, Q())
    in_own_names = Q()
    for field_name in ("name", "name_en", "name_hy", "name_ru"):
        in_field = Q()
        for word in words:
            in_field &= _contains(field_name, word)
        in_own_names |= in_field
    alias_owners = OrganizationAlias.objects.filter(every_word).values("organization_id")
    organizations = (
        Organization.objects.public()
        .filter(in_own_names | Q(pk__in=alias_owners))
        .prefetch_related("aliases")
        .order_by("name")[:200]
    )
    wanted = normalize(query)
    folded_words = [normalize(word) for word in words]
    candidates = []
    for organization in organizations:
        best: tuple[float, str, bool] | None = None
        for name in _names_of(organization):
            folded = normalize(name)
            if not all(word in folded for word in folded_words):
                continue
            exact = folded == wanted
            score = 100.0 if exact else (90.0 if folded.startswith(wanted) else 80.0)
            if best is None or score > best[0]:
                best = (score, name, exact)
        if best is not None:
            candidates.append(
                RegistryCandidate(
                    organization=organization, matched_name=best[1], exact=best[2], score=best[0]
                )
            )
    candidates.sort(key=lambda c: (-c.score, c.organization.name.casefold()))
    if len(candidates) < limit:
        # Spellings the words do not catch: another script, a typo, an acronym.
        seen = {c.organization.pk for c in candidates}
        candidates += [
            RegistryCandidate(
                organization=match.organization,
                matched_name=match.matched_name,
                exact=False,
                score=match.score,
            )
            for match in registry_search(query=query, limit=limit, prefix=prefix)
            if match.organization.pk not in seen
            and match.score >= (TYPE_AHEAD_SCORE if prefix else PROBABLE_THRESHOLD)
        ]
    return candidates[:limit]


def organization_similar(*, name: str, limit: int = 5) -> list[RegistryCandidate]:
    """Return registry organisations the name probably means, by the registry's name matcher.

    The matcher knows other spellings, transliteration between Armenian, Russian and Latin,
    acronyms and typos, and refuses names that differ in a distinguishing word.
    """
    wanted = normalize(name)
    return [
        RegistryCandidate(
            organization=match.organization,
            matched_name=match.matched_name,
            exact=normalize(match.matched_name) == wanted,
            score=match.score,
        )
        for match in registry_search(query=name, limit=limit)
        if match.score >= PROBABLE_THRESHOLD
    ]


@dataclass(frozen=True)
class Resolution:
    """What a typed organisation name means: one registry record, a choice to make, or new."""

    organization: Organization | None
    candidates: list[RegistryCandidate] = field(default_factory=list)


def organization_resolve(*, name: str) -> Resolution:
    """Resolve a typed name by the registry's decision (organization_match): "same" picks the
    organisation; otherwise the near ones are offered."""
    decided = organization_match(name=name)
    if decided.decision == "same" and decided.organization is not None:
        return Resolution(organization=decided.organization)
    found = organization_search(query=name, limit=8, prefix=False)
    offered = {c.organization.pk: c for c in found}
    for candidate in organization_similar(name=name, limit=8):
        offered.setdefault(candidate.organization.pk, candidate)
    return Resolution(organization=None, candidates=list(offered.values())[:8])
