"""Reads for sign-on: the registry look-up, the coordinator's dashboard and its trust signals."""

import unicodedata
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from urllib.parse import urlsplit

from django.db import connection
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from undersigned.core.models import AuditEntry
from undersigned.organizations.matching import PROBABLE_THRESHOLD
from undersigned.organizations.models import Organization, OrganizationAlias
from undersigned.organizations.selectors import registry_search
from undersigned.signatures.models import (
    Signatory,
    SignOnRequest,
    SignOnToken,
    Supporter,
    SupporterTally,
)
from undersigned.statements.models import Statement, StatementVersion
from undersigned.statements.services import content_hash, statement_texts

# Words too common in organisation names to tell one from another.
_STOP_WORDS = frozenset(
    [
        *("the", "of", "and", "for", "in", "on", "to", "a", "an", "de", "la", "le", "des", "du"),
        *("ngo", "ngos", "public", "organization", "organisation", "и", "в", "на", "по", "для"),
    ]
)


# The matcher scores a name that merely starts like the query from 60 up.
TYPE_AHEAD_SCORE = 60.0


def normalise_name(name: str) -> str:
    """Return a name folded for comparison: case, quotes, dashes and spacing do not count."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    kept = "".join(" " if unicodedata.category(char)[0] in "PSZ" else char for char in folded)
    return " ".join(kept.split())


def _words(name: str) -> list[str]:
    return [word for word in normalise_name(name).split() if word not in _STOP_WORDS]


def _contains(field_name: str, word: str) -> Q:
    """Match a word inside a field, ignoring case in every script."""
    if connection.vendor != "sqlite":
        return Q(**{f"{field_name}__icontains": word})
    # SQLite's LIKE folds only ASCII: try the spellings a name usually has.
    spellings = {word, word.lower(), word.upper(), word.capitalize()}
    return reduce(or_, (Q(**{f"{field_name}__contains": s}) for s in spellings))


def _names_of(organization: Organization) -> list[str]:
    return [organization.name, *(alias.name for alias in organization.aliases.all())]


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
    words = [word for word in normalise_name(query).split() if len(word) >= 2] or (
        [normalise_name(query)] if normalise_name(query) else []
    )
    if not words:
        return []
    every_word = reduce(lambda q, w: q & _contains("name", w), words, Q())
    alias_owners = OrganizationAlias.objects.filter(every_word).values("organization_id")
    organizations = (
        Organization.objects.filter(every_word | Q(pk__in=alias_owners))
        .prefetch_related("aliases")
        .order_by("name")[:200]
    )
    wanted = normalise_name(query)
    candidates = []
    for organization in organizations:
        best: tuple[float, str, bool] | None = None
        for name in _names_of(organization):
            folded = normalise_name(name)
            if not all(word in folded for word in words):
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
    wanted = normalise_name(name)
    return [
        RegistryCandidate(
            organization=match.organization,
            matched_name=match.matched_name,
            exact=normalise_name(match.matched_name) == wanted,
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
    """Resolve a typed name: an exact match of one name or alias wins; near ones are offered."""
    found = organization_search(query=name, limit=8, prefix=False)
    exact = {c.organization.pk: c for c in found if c.exact}
    if len(exact) == 1:
        return Resolution(organization=next(iter(exact.values())).organization)
    offered = {c.organization.pk: c for c in found}
    for candidate in organization_similar(name=name, limit=8):
        offered.setdefault(candidate.organization.pk, candidate)
    return Resolution(organization=None, candidates=list(offered.values())[:8])


def statement_sign_on_open(*, statement: Statement) -> bool:
    """Return whether the statement takes signatures now (its deadline closes it by itself)."""
    return Statement.objects.open_for_signature().filter(pk=statement.pk).exists()


def statement_for_sign_on(*, slug: str) -> Statement:
    """Return a publicly visible statement with its texts, or raise Http404."""
    return get_object_or_404(
        Statement.objects.visible().prefetch_related("translations"), slug=slug
    )


def statement_text_hash(*, statement: Statement) -> str:
    """Return the hash of the text as it reads now, which a sign-on form carries."""
    return content_hash(statement_texts(statement=statement))


# The coordinator's dashboard.

DASHBOARD_TABS = [
    SignOnRequest.Status.PENDING,
    SignOnRequest.Status.APPROVED,
    SignOnRequest.Status.REJECTED,
    SignOnRequest.Status.WITHDRAWN,
    SignOnRequest.Status.UNCONFIRMED,
]


def dashboard_statements() -> QuerySet[Statement]:
    """Return the statements that take or took sign-ons, with their requests counted."""
    counts = {
        f"{status}_count": Count(
            "sign_on_requests", filter=Q(sign_on_requests__status=status), distinct=True
        )
        for status in SignOnRequest.Status.values
    }
    supporters = SupporterTally.objects.filter(statement=OuterRef("pk")).values("count")[:1]
    return (
        Statement.objects.visible()
        .annotate(
            **counts,
            signatory_count=Count("signatories", distinct=True),
            supporter_count=Coalesce(Subquery(supporters), Value(0), output_field=IntegerField()),
        )
        .filter(
            Q(pk__in=Statement.objects.open_for_signature().values("pk"))
            | Q(pk__in=SignOnRequest.objects.values("statement_id"))
            | Q(pk__in=SupporterTally.objects.values("statement_id"))
        )
        .prefetch_related("translations")
        .order_by("-pending_count", "-created_at")
    )


def dashboard_statement(*, slug: str) -> Statement:
    return get_object_or_404(Statement.objects.prefetch_related("translations"), slug=slug)


def dashboard_counts(*, statement: Statement) -> dict[str, int]:
    """Return the number of requests in each state."""
    rows = (
        SignOnRequest.objects.filter(statement=statement)
        .values_list("status")
        .annotate(count=Count("pk"))
    )
    counts = dict.fromkeys(SignOnRequest.Status.values, 0)
    counts.update(dict(rows))
    return counts


def dashboard_requests(*, statement: Statement, status: str) -> list[SignOnRequest]:
    """Return the statement's requests in one state, oldest first, ready to show."""
    return list(
        SignOnRequest.objects.filter(statement=statement, status=status)
        .select_related("organization", "signatory__organization", "version", "decided_by")
        .order_by("created_at", "pk")
    )


def signatories_without_request(*, statement: Statement) -> QuerySet[Signatory]:
    """Return lines added by hand or imported, which no approved sign-on request stands for."""
    return (
        Signatory.objects.filter(statement=statement)
        .exclude(sign_on_requests__status=SignOnRequest.Status.APPROVED)
        .select_related("organization")
        .order_by("position", "pk")
    )


def statement_audit_entries(*, statement: Statement, limit: int = 100) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(statement=statement).select_related("organization", "actor")[
        :limit
    ]


def _host(url: str) -> str:
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
    return host.removeprefix("www.")


def domain_matches(domain: str, other: str) -> bool:
    """Return whether `domain` is `other` or one of its subdomains, never a parent of it.

    The organisation's own domain vouches for its subdomains (mail.ngo.am for ngo.am); a parent
    domain vouches for nothing: anyone with an address at example.am is not the organisation
    whose domain is accessible-city.example.am.
    """
    domain, other = domain.lower().strip("."), other.lower().strip(".")
    if not domain or not other:
        return False
    return domain == other or domain.endswith(f".{other}")


@dataclass(frozen=True)
class TrustSignals:
    """What tells a coordinator that a request is genuine."""

    in_registry: bool
    domain_match: str  # "registered", "website" or "" when the email domain matches neither
    signed_before: int  # approved requests by the same contact on other statements
    similar: list[RegistryCandidate]
    existing_line: Signatory | None


def request_domain_match(*, sign_on: SignOnRequest) -> str:
    """Return how the signer's email domain relates to the organisation."""
    domain = sign_on.email_domain
    if not domain:
        return ""
    organization = sign_on.organization
    if organization is not None:
        if any(domain_matches(domain, registered) for registered in organization.domain_list()):
            return "registered"
        website = organization.website
    else:
        website = sign_on.proposed_website
    if website and domain_matches(domain, _host(website)):
        return "website"
    return ""


def request_trust_signals(*, requests: list[SignOnRequest]) -> dict[int, TrustSignals]:
    """Return the trust signals of each request, by its id."""
    # Addresses are stored lower-cased (see services.sign_on_submit).
    emails = {r.contact_email for r in requests if r.contact_email}
    earlier: dict[str, set[int]] = {}
    for email, statement_id in SignOnRequest.objects.filter(
        contact_email__in=emails, status=SignOnRequest.Status.APPROVED
    ).values_list("contact_email", "statement_id"):
        earlier.setdefault(email, set()).add(statement_id)
    lines = {
        (s.statement_id, s.organization_id): s
        for s in Signatory.objects.filter(
            statement_id__in={r.statement_id for r in requests},
            organization_id__in={r.organization_id for r in requests if r.organization_id},
        )
    }
    signals = {}
    for sign_on in requests:
        others = earlier.get(sign_on.contact_email, set()) - {sign_on.statement_id}
        signals[sign_on.pk] = TrustSignals(
            in_registry=sign_on.organization_id is not None,
            domain_match=request_domain_match(sign_on=sign_on),
            signed_before=len(others),
            similar=(
                []
                if sign_on.organization_id
                else organization_similar(name=sign_on.organization_name, limit=4)
            ),
            existing_line=(
                lines.get((sign_on.statement_id, sign_on.organization_id))
                if sign_on.organization_id
                else None
            ),
        )
    return signals


@dataclass(frozen=True)
class TokenState:
    """What a private link's token is now: "valid", "used", "expired" or "unknown"."""

    state: str
    token: SignOnToken | None = None

    @property
    def sign_on(self) -> SignOnRequest | None:
        return self.token.sign_on if self.token else None


def token_state(*, token: str, purpose: str, for_update: bool = False) -> TokenState:
    """Look a link's token up by its digest and tell whether it may still be used."""
    tokens = SignOnToken.objects.select_related("sign_on__statement", "sign_on__organization")
    if for_update:
        tokens = tokens.select_for_update(of=("self",))
    record = tokens.filter(digest=SignOnToken.digest_of(token), purpose=purpose).first()
    if record is None:
        return TokenState("unknown")
    if record.used_at is not None:
        return TokenState("used", record)
    if record.expires_at is not None and record.expires_at <= timezone.now():
        return TokenState("expired", record)
    return TokenState("valid", record)


# Versioned text.


def statement_has_signers(*, statement: Statement) -> bool:
    """Return whether anyone signed or is signing: a line on the list, or a live request."""
    live = [SignOnRequest.Status.UNCONFIRMED, SignOnRequest.Status.PENDING]
    return (
        Signatory.objects.filter(statement=statement).exists()
        or SignOnRequest.objects.filter(statement=statement, status__in=live).exists()
    )


def statement_version_of_text(*, statement: Statement) -> StatementVersion | None:
    """Return the recorded version whose text is the statement's text now, if there is one."""
    return StatementVersion.objects.filter(
        statement=statement, content_hash=statement_text_hash(statement=statement)
    ).first()


def sign_on_signed_version(*, sign_on: SignOnRequest) -> StatementVersion | None:
    """Return the text a signer stands behind: their line's version, else the one they saw."""
    line = sign_on.signatory
    if line is not None and line.version_id is not None:
        return line.version
    return sign_on.version


def _signed_version_id(sign_on: SignOnRequest) -> int | None:
    line = sign_on.signatory
    if line is not None and line.version_id is not None:
        return line.version_id
    return sign_on.version_id


def sign_on_needs_version_mail(
    *, sign_on: SignOnRequest, version: StatementVersion, kind: str
) -> bool:
    """Return whether this signer is still to hear of the version (a change, or a request)."""
    if not sign_on.contact_email or _signed_version_id(sign_on) == version.pk:
        return False
    if kind == "reconfirm":
        return sign_on.status == SignOnRequest.Status.APPROVED and sign_on.signatory_id is not None
    return sign_on.status in (SignOnRequest.Status.APPROVED, SignOnRequest.Status.PENDING)


def version_earlier_signers(*, version: StatementVersion, kind: str) -> list[SignOnRequest]:
    """Return the signers of another text than this version who are to be mailed about it."""
    statuses = [SignOnRequest.Status.APPROVED]
    if kind == "version_changed":
        statuses.append(SignOnRequest.Status.PENDING)
    candidates = (
        SignOnRequest.objects.filter(statement_id=version.statement_id, status__in=statuses)
        .exclude(contact_email="")
        .select_related("signatory")
        .order_by("pk")
    )
    return [
        sign_on
        for sign_on in candidates
        if sign_on_needs_version_mail(sign_on=sign_on, version=version, kind=kind)
    ]


@dataclass(frozen=True)
class VersionSummary:
    version: StatementVersion
    line_count: int  # lines on the list bound to this text
    is_current: bool


def statement_versions(*, statement: Statement) -> list[VersionSummary]:
    """Return the statement's versions, newest first, with how many lines signed each."""
    current = statement_version_of_text(statement=statement)
    versions = (
        StatementVersion.objects.filter(statement=statement)
        .annotate(line_count=Count("signatories", distinct=True))
        .order_by("-number")
    )
    return [
        VersionSummary(
            version=v,
            line_count=v.line_count,  # type: ignore[attr-defined]
            is_current=current is not None and current.pk == v.pk,
        )
        for v in versions
    ]


def statement_version(*, statement: Statement, number: int) -> StatementVersion:
    return get_object_or_404(StatementVersion, statement=statement, number=number)


def statement_version_before(*, version: StatementVersion) -> StatementVersion | None:
    return (
        StatementVersion.objects.filter(
            statement_id=version.statement_id, number__lt=version.number
        )
        .order_by("-number")
        .first()
    )


@dataclass(frozen=True)
class SignedVersion:
    """How one line's signature relates to the text now, for the public list."""

    number: int
    reconfirmation_asked: bool


@dataclass
class VersionMarks:
    """Which lines signed another text than the current one; one query for a whole list."""

    slug: str
    current_id: int | None
    numbers: dict[int, int] = field(default_factory=dict)
    asked_after: dict[int, bool] = field(default_factory=dict)

    def for_line(self, line: Signatory) -> SignedVersion | None:
        if self.current_id is None or line.version_id is None:
            return None
        if line.version_id == self.current_id or line.version_id not in self.numbers:
            return None
        return SignedVersion(
            number=self.numbers[line.version_id],
            reconfirmation_asked=self.asked_after.get(line.version_id, False),
        )

    @property
    def has_history(self) -> bool:
        return bool(self.numbers)


def statement_version_marks(*, statement: Statement) -> VersionMarks:
    """Return what the public list needs to show who signed which version."""
    versions = list(
        StatementVersion.objects.filter(statement=statement)
        .order_by("number")
        .values_list("pk", "number", "content_hash", "requires_reconfirmation")
    )
    if not versions:
        return VersionMarks(slug=statement.slug, current_id=None)
    digest = statement_text_hash(statement=statement)
    current = next((v for v in versions if v[2] == digest), None)
    marks = VersionMarks(slug=statement.slug, current_id=current[0] if current else None)
    for pk, number, _digest, _asked in versions:
        marks.numbers[pk] = number
        # Re-confirmation was asked of this text's signers if a later version asked for it.
        marks.asked_after[pk] = any(asked for _p, n, _d, asked in versions if n > number)
    return marks


# Individual supporters.


def statement_support_open(*, statement: Statement) -> bool:
    """Return whether members of the public may support the statement: it is published."""
    return Statement.objects.filter(
        pk=statement.pk,
        status=Statement.Status.PUBLISHED,
        published_at__lte=timezone.now(),
    ).exists()


def statement_takes_supporters(*, statement: Statement) -> bool:
    """Return whether the statement, as just read, takes supporters (no query: see above)."""
    return (
        statement.status == Statement.Status.PUBLISHED
        and statement.published_at is not None
        and statement.published_at <= timezone.now()
    )


def supporter_count(*, statement: Statement) -> int:
    """Return the supporter count as last batched (see services.supporter_tally_update)."""
    return (
        SupporterTally.objects.filter(statement=statement).values_list("count", flat=True).first()
        or 0
    )


def supporters_shown(*, statement: Statement) -> QuerySet[Supporter]:
    """Return the confirmed supporters who chose to show their name, earliest first."""
    return (
        Supporter.objects.filter(statement=statement, show_name=True, confirmed_at__isnull=False)
        .only("name", "place", "confirmed_at")
        .order_by("confirmed_at", "pk")
    )


def supporter_dashboard_counts(*, statement: Statement) -> dict[str, int]:
    """Return the supporters counted, confirmed but awaiting the batch, and unconfirmed."""
    rows = Supporter.objects.filter(statement=statement).aggregate(
        waiting=Count("pk", filter=Q(confirmed_at__isnull=False, counted_at__isnull=True)),
        unconfirmed=Count("pk", filter=Q(confirmed_at__isnull=True)),
        shown=Count("pk", filter=Q(confirmed_at__isnull=False, show_name=True)),
    )
    return {"counted": supporter_count(statement=statement), **rows}


@dataclass(frozen=True)
class SupporterTokenState:
    """What a supporter's link is now: "valid", "used", "expired" or "unknown"."""

    state: str
    supporter: Supporter | None = None


def supporter_token_state(*, token: str) -> SupporterTokenState:
    supporter = (
        Supporter.objects.select_related("statement")
        .filter(confirm_digest=SignOnToken.digest_of(token))
        .first()
    )
    if supporter is None:
        return SupporterTokenState("unknown")
    if supporter.confirmed_at is not None:
        return SupporterTokenState("used", supporter)
    if supporter.confirm_expires_at is None or supporter.confirm_expires_at <= timezone.now():
        return SupporterTokenState("expired", supporter)
    return SupporterTokenState("valid", supporter)


# Exports.


@dataclass(frozen=True)
class ExportLine:
    """A line of the list as exports publish it: public fields only, never contact data."""

    number: int
    organization: Organization
    signed_on: object
    version: int | None
    public_note: str


def _numbered_lines(*, statement: Statement) -> list[tuple[Signatory, ExportLine]]:
    from undersigned.statements.selectors import statement_signatories

    numbers = dict(StatementVersion.objects.filter(statement=statement).values_list("pk", "number"))
    return [
        (
            line,
            ExportLine(
                number=index,
                organization=line.organization,
                signed_on=line.signed_on,
                version=numbers.get(line.version_id) if line.version_id else None,
                public_note=line.public_note,
            ),
        )
        for index, line in enumerate(statement_signatories(statement=statement), start=1)
    ]


def statement_export_lines(*, statement: Statement) -> list[ExportLine]:
    """Return the list in its published order, numbered from 1, with the version each signed."""
    return [export for _line, export in _numbered_lines(statement=statement)]


@dataclass(frozen=True)
class ContactLine:
    """A line with one of the contacts who signed it, for the coordinators' eyes only."""

    line: ExportLine
    sign_on: SignOnRequest | None


def statement_contact_lines(*, statement: Statement) -> list[ContactLine]:
    """Return each line with every approved request that stands for it (or none)."""
    requests: dict[int, list[SignOnRequest | None]] = {}
    for sign_on in SignOnRequest.objects.filter(
        statement=statement, status=SignOnRequest.Status.APPROVED, signatory__isnull=False
    ).order_by("pk"):
        requests.setdefault(sign_on.signatory_id, []).append(sign_on)  # type: ignore[arg-type]
    return [
        ContactLine(line=export, sign_on=sign_on)
        for line, export in _numbered_lines(statement=statement)
        for sign_on in requests.get(line.pk) or [None]
    ]
