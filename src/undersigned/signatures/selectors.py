"""Reads for sign-on: the registry look-up, the coordinator's dashboard and its trust signals."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.db import connection
from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404
from django.utils import timezone

from undersigned.core.models import AuditEntry
from undersigned.organizations.models import Organization
from undersigned.organizations.selectors import RegistryCandidate, organization_similar
from undersigned.signatures.models import (
    Signatory,
    SignOnRequest,
    SignOnToken,
    Supporter,
    SupporterTally,
)
from undersigned.statements.models import Statement, StatementUpdate, StatementVersion
from undersigned.statements.selectors import statement_signatories


def statement_sign_on_open(*, statement: Statement) -> bool:
    """Return whether the statement takes signatures now (its deadline closes it by itself)."""
    return Statement.objects.open_for_signature().filter(pk=statement.pk).exists()


def statement_for_sign_on(*, slug: str) -> Statement:
    """Return a publicly visible statement with its texts, or raise Http404."""
    return get_object_or_404(
        Statement.objects.visible().prefetch_related("translations"), slug=slug
    )


def organization_has_signed(*, statement: Statement, organization: Organization) -> bool:
    """Return whether the organisation is on the list, or a confirmed request awaits approval."""
    return (
        Signatory.objects.filter(statement=statement, organization=organization).exists()
        or SignOnRequest.objects.filter(
            statement=statement, organization=organization, status=SignOnRequest.Status.PENDING
        ).exists()
    )


def organization_known_contacts(
    *, statement: Statement, organization: Organization
) -> list[SignOnRequest]:
    """Return the requests that stand for the organisation with an address its owner confirmed.

    Approved ones on the list and confirmed ones awaiting approval; erased contacts have none.
    """
    return list(
        SignOnRequest.objects.filter(
            statement=statement,
            organization=organization,
            confirmed_at__isnull=False,
            contact_erased_at__isnull=True,
            status__in=[SignOnRequest.Status.APPROVED, SignOnRequest.Status.PENDING],
        )
        .exclude(contact_email="")
        .select_related("statement", "organization")
        .order_by("pk")
    )


def statement_for_support(*, slug: str) -> Statement:
    """Return a publicly visible statement with only what a supporter's sign-up reads."""
    return get_object_or_404(
        Statement.objects.visible().only("pk", "slug", "status", "published_at"), slug=slug
    )


# The coordinator's dashboard.


WITHDRAWAL_ACTIONS = ("signon.withdraw", "supporter.withdraw", "signatory.remove")


def statement_withdrawals(*, statement: Statement, limit: int = 200) -> QuerySet[AuditEntry]:
    """Return the statement's withdrawals, newest first: signers', supporters' and removals.

    Read from the audit log, which is their record: a withdrawn supporter's row is deleted.
    """
    return (
        AuditEntry.objects.filter(statement=statement, action__in=WITHDRAWAL_ACTIONS)
        .select_related("organization", "actor")
        .order_by("-created_at", "-pk")[:limit]
    )


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
    entries = AuditEntry.objects.filter(statement=statement)
    entries = entries.select_related("organization", "actor", "statement")
    return entries.prefetch_related("statement__translations")[:limit]


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
    """Return the supporter count as last batched (see supporters.supporter_tally_update)."""
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


@dataclass(frozen=True)
class SupportSummary:
    """What a confirmation's page shows of a support: the rush's lean path reads only this."""

    statement_id: int
    name: str
    place: str
    show_name: bool


def supporter_awaiting(*, token: str) -> SupportSummary | None:
    """Return the support the link stands for if it waits for confirmation and has not expired.

    Raw SQL, one indexed row: the ORM took twice as long to build the query as the database to
    answer it, and the rush's lean path asks this for every confirmation page shown.
    """
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    table = connection.ops.quote_name(Supporter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT statement_id, name, place, show_name"  # noqa: S608 - the model's table
            f" FROM {table} WHERE confirm_digest = %s AND confirmed_at IS NULL"
            " AND confirm_expires_at > %s",
            [SignOnToken.digest_of(token), now],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    return SupportSummary(statement_id=row[0], name=row[1], place=row[2], show_name=bool(row[3]))


def supporter_for_withdrawal(*, supporter_id: int) -> Supporter | None:
    return Supporter.objects.select_related("statement").filter(pk=supporter_id).first()


# News of the outcome.


def update_signer_recipients(*, statement: Statement) -> QuerySet[SignOnRequest]:
    """Return the contacts of the organisations on the list who still want news by mail."""
    return (
        SignOnRequest.objects.filter(
            statement=statement,
            status=SignOnRequest.Status.APPROVED,
            signatory__isnull=False,
            updates_unsubscribed_at__isnull=True,
        )
        .exclude(contact_email="")
        .select_related("organization")
        .order_by("pk")
    )


def update_supporter_recipients(*, statement: Statement) -> QuerySet[Supporter]:
    """Return the confirmed supporters who still want news by mail."""
    return Supporter.objects.filter(
        statement=statement, confirmed_at__isnull=False, updates_unsubscribed_at__isnull=True
    ).order_by("pk")


def statement_updates(*, statement: Statement) -> QuerySet[StatementUpdate]:
    return StatementUpdate.objects.filter(statement=statement).select_related("created_by")


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
