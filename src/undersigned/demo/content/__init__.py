"""Demo content: fictional organisations, networks and joint statements for a fresh site.

`demo_load()` creates whatever of the demo content is missing, keyed by slugs, in one
transaction. It never changes a record that exists, so running it again (`make run` does on
every start) writes nothing and keeps what was edited in the back office. `demo_remove()`
deletes the demo content and nothing else; `demo_load(reset=True)` does both, to start afresh.

The data lives beside this module: organisations.py, networks.py, categories.py and the
statements_*.py modules. Everything in it is invented; any likeness to real organisations'
names is a coincidence.
"""

import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from undersigned.core.pagecache import invalidate
from undersigned.demo.content.categories import CATEGORIES
from undersigned.demo.content.cities import CITIES
from undersigned.demo.content.networks import NETWORKS
from undersigned.demo.content.organizations import ORGANIZATIONS
from undersigned.demo.content.spec import YEREVAN, Network, Org, Signers, StatementSpec
from undersigned.demo.content.statements_2019_2020 import STATEMENTS as STATEMENTS_2019_2020
from undersigned.demo.content.statements_2021_2023 import STATEMENTS as STATEMENTS_2021_2023
from undersigned.demo.content.statements_2024_2026 import STATEMENTS as STATEMENTS_2024_2026
from undersigned.organizations.models import Membership, Organization, OrganizationAlias
from undersigned.publishing.services import statement_save
from undersigned.signatures.models import Signatory
from undersigned.statements.models import Category, Statement, StatementTranslation
from undersigned.statements.search import search_index_later
from undersigned.statements.versions import statement_version_current

STATEMENTS: list[StatementSpec] = [
    *STATEMENTS_2019_2020,
    *STATEMENTS_2021_2023,
    *STATEMENTS_2024_2026,
]

# The latest date a generated membership may start (memberships spread after a founding).
_LAST_MEMBERSHIP_DATE = date(2026, 6, 1)
# Roles in order of precedence: an organisation listed twice keeps the first.
_ROLE_LISTS = (
    ("secretariat", Membership.Role.SECRETARIAT),
    ("board", Membership.Role.BOARD),
    ("founders", Membership.Role.FOUNDER),
    ("members", Membership.Role.MEMBER),
    ("observers", Membership.Role.OBSERVER),
)


@dataclass(frozen=True)
class DemoResult:
    organizations: int
    statements: int
    signatures: int
    created: int
    removed: int = 0

    def summary(self) -> str:
        state = "already loaded" if not self.created else f"{self.created} records created"
        line = (
            f"Demo content: {self.organizations} organisations, {self.statements} statements, "
            f"{self.signatures} signatures ({state})"
        )
        if self.removed:
            line = f"Removed {self.removed} demo records. {line}"
        return line


# ---------------------------------------------------------------------------------------------
# The data, resolved: who belongs where, who signed what. Pure functions of the data modules.


def network_memberships() -> dict[str, dict[str, str]]:
    """Return {network slug: {member slug: role}} as the data describes it."""
    result: dict[str, dict[str, str]] = {}
    for network in NETWORKS:
        roles: dict[str, str] = {}
        for attribute, role in _ROLE_LISTS:
            for slug in getattr(network, attribute):
                roles.setdefault(slug, role)
        result[network.slug] = roles
    for network in NETWORKS:
        if network.include_members_of:
            roles = result[network.slug]
            for coalition in network.include_members_of:
                for slug, role in sorted(result.get(coalition, {}).items()):
                    if slug != network.slug and role != Membership.Role.OBSERVER:
                        roles.setdefault(slug, Membership.Role.MEMBER)
    return result


def _membership_since(network: Network, member: str, role: str) -> date:
    if role in (Membership.Role.FOUNDER, Membership.Role.BOARD, Membership.Role.SECRETARIAT):
        return network.founded
    span = max(1, min(4 * 365, (_LAST_MEMBERSHIP_DATE - network.founded).days))
    rng = random.Random(f"demo-membership:{network.slug}:{member}")
    joined = network.founded + timedelta(days=rng.randrange(30, span + 30))
    return min(joined, _LAST_MEMBERSHIP_DATE).replace(day=1)


def _pool(entries: tuple[str, ...], memberships: dict[str, dict[str, str]]) -> set[str]:
    organizations = {org.slug: org for org in ORGANIZATIONS}
    slugs: set[str] = set()
    for entry in entries:
        prefix, _colon, value = entry.partition(":")
        if not value:
            slugs.add(entry)
        elif prefix == "members":
            slugs |= set(memberships[value])
        elif prefix == "board":
            roles = memberships[value]
            slugs |= {slug for slug, role in roles.items() if role == Membership.Role.BOARD}
        elif prefix == "kind":
            slugs |= {slug for slug, org in organizations.items() if org.kind == value}
        elif prefix == "city":
            slugs |= {slug for slug, org in organizations.items() if org.city == value}
        else:
            raise ValueError(f"Unknown signatory pool {entry!r}")
    return slugs


def signatory_slugs(
    spec: StatementSpec, memberships: dict[str, dict[str, str]] | None = None
) -> list[str]:
    """Return the statement's signatories in the order they are listed."""
    signers = spec.signers
    memberships = memberships or network_memberships()
    taken = set(signers.first)
    pool = sorted(_pool(signers.pool, memberships) - taken - set(signers.exclude))
    wanted = signers.count - len(signers.first)
    if wanted > len(pool):
        raise ValueError(f"{spec.slug}: {wanted} signatories wanted from a pool of {len(pool)}")
    rng = random.Random(f"demo:{spec.slug}")
    return [*signers.first, *rng.sample(pool, max(wanted, 0))]


def _signing_dates(spec: StatementSpec, slugs: list[str], today: date) -> dict[str, date]:
    """Return when each signed: initiators first, the others in the days before publication."""
    signers: Signers = spec.signers
    rng = random.Random(f"demo-dates:{spec.slug}")
    base = spec.published.astimezone(YEREVAN).date() if spec.published else today
    dates: dict[str, date] = {}
    for slug in slugs[: len(signers.first)]:
        dates[slug] = base - timedelta(days=12 if spec.published is None else 3)
    rest = slugs[len(signers.first) :]
    late = rest[len(rest) - signers.late :] if signers.late else []
    for slug in rest:
        if slug in late:
            dates[slug] = min(today, base + timedelta(days=rng.randint(2, 75)))
        else:
            dates[slug] = base - timedelta(days=rng.randint(0, 10 if spec.published is None else 6))
    return dates


def _listed_order(spec: StatementSpec, slugs: list[str], dates: dict[str, date]) -> list[str]:
    """Initiators first, then everyone else in the order they signed."""
    first = list(spec.signers.first)
    rest = slugs[len(first) :]
    return first + sorted(rest, key=lambda slug: (dates[slug], rest.index(slug)))


def check_data() -> None:
    """Raise ValueError when the data contradicts itself (a slug used twice, a missing one…)."""
    org_slugs = [org.slug for org in ORGANIZATIONS]
    duplicates = [slug for slug, n in Counter(org_slugs).items() if n > 1]
    if duplicates:
        raise ValueError(f"Organisation slugs used twice: {duplicates}")
    known = set(org_slugs)
    names = Counter(org.name for org in ORGANIZATIONS)
    if twice := [name for name, n in names.items() if n > 1]:
        raise ValueError(f"Organisation names used twice: {twice}")
    for org in ORGANIZATIONS:
        alias_names = [name for name, _language, _acronym in org.aliases()]
        if len(set(alias_names)) != len(alias_names) or org.name in alias_names:
            raise ValueError(f"{org.slug}: an alias repeats a name")
    for network in NETWORKS:
        listed = {network.slug}
        for attribute, _role in _ROLE_LISTS:
            listed |= set(getattr(network, attribute))
        if unknown := listed - known:
            raise ValueError(f"Network {network.slug}: unknown organisations {sorted(unknown)}")
        if network.slug in {s for a, _r in _ROLE_LISTS for s in getattr(network, a)}:
            raise ValueError(f"Network {network.slug} lists itself as a member")
    category_slugs = {category.slug for category in CATEGORIES}
    statement_slugs = [spec.slug for spec in STATEMENTS]
    if twice := [slug for slug, n in Counter(statement_slugs).items() if n > 1]:
        raise ValueError(f"Statement slugs used twice: {twice}")
    memberships = network_memberships()
    for spec in STATEMENTS:
        if unknown := set(spec.categories) - category_slugs:
            raise ValueError(f"{spec.slug}: unknown categories {sorted(unknown)}")
        signatories = signatory_slugs(spec, memberships)
        if unknown := (set(spec.publishers) | set(signatories) | set(spec.signers.notes)) - known:
            raise ValueError(f"{spec.slug}: unknown organisations {sorted(unknown)}")
        if len(set(signatories)) != len(signatories):
            raise ValueError(f"{spec.slug}: an organisation signs twice")
        if spec.original_language not in spec.texts:
            raise ValueError(f"{spec.slug}: no text in its original language")
        if (spec.published is None) != (spec.status in ("draft", "open")):
            raise ValueError(f"{spec.slug}: only drafts and open statements lack a date")


# ---------------------------------------------------------------------------------------------
# Writing it to the database.


def _deadline(spec: StatementSpec, now: datetime) -> datetime | None:
    if isinstance(spec.deadline, timedelta):
        day = now.astimezone(YEREVAN).date() + spec.deadline
        return datetime.combine(day, time(18, 0), tzinfo=YEREVAN)
    return spec.deadline


class _Loader:
    def __init__(self, now: datetime):
        self.now = now
        self.today = now.astimezone(YEREVAN).date()
        self.created = 0
        self.organizations: dict[str, Organization] = {}
        self.categories: dict[str, Category] = {}
        self.touched_organizations: set[str] = set()

    def run(self) -> None:
        self.load_categories()
        self.load_organizations()
        self.load_aliases()
        self.load_memberships()
        memberships = network_memberships()
        for spec in STATEMENTS:
            self.load_statement(spec, memberships)
        if self.touched_organizations:
            invalidate(*(f"org:{slug}" for slug in sorted(self.touched_organizations)))
            invalidate("registry", "archive")

    def load_categories(self) -> None:
        existing = {c.slug: c for c in Category.objects.filter(slug__in=_category_slugs())}
        for spec in CATEGORIES:
            if spec.slug not in existing:
                existing[spec.slug] = Category.objects.create(
                    slug=spec.slug, name_en=spec.en, name_hy=spec.hy, name_ru=spec.ru
                )
                self.created += 1
        self.categories = existing

    def load_organizations(self) -> None:
        existing = {o.slug: o for o in Organization.objects.filter(slug__in=_organization_slugs())}
        for spec in ORGANIZATIONS:
            if spec.slug not in existing:
                existing[spec.slug] = Organization.objects.create(**_organization_fields(spec))
                self.created += 1
        self.organizations = existing

    def load_aliases(self) -> None:
        ids = {org.pk for org in self.organizations.values()}
        have = set(
            OrganizationAlias.objects.filter(organization_id__in=ids).values_list(
                "organization_id", "name"
            )
        )
        new = []
        for spec in ORGANIZATIONS:
            organization = self.organizations[spec.slug]
            for name, language, is_acronym in spec.aliases():
                if (organization.pk, name) not in have and name != organization.name:
                    new.append(
                        OrganizationAlias(
                            organization=organization,
                            name=name,
                            language=language,
                            is_acronym=is_acronym,
                        )
                    )
                    self.touched_organizations.add(spec.slug)
        OrganizationAlias.objects.bulk_create(new)
        self.created += len(new)

    def load_memberships(self) -> None:
        ids = {org.pk for org in self.organizations.values()}
        have = set(
            Membership.objects.filter(network_id__in=ids).values_list("network_id", "member_id")
        )
        networks = {network.slug: network for network in NETWORKS}
        new = []
        for network_slug, roles in network_memberships().items():
            network = self.organizations[network_slug]
            for member_slug, role in roles.items():
                member = self.organizations[member_slug]
                if (network.pk, member.pk) in have:
                    continue
                since = _membership_since(networks[network_slug], member_slug, role)
                new.append(Membership(network=network, member=member, role=role, since=since))
                self.touched_organizations |= {network_slug, member_slug}
        Membership.objects.bulk_create(new)
        self.created += len(new)

    def load_statement(self, spec: StatementSpec, memberships: dict[str, dict[str, str]]) -> None:
        statement = Statement.objects.filter(slug=spec.slug).first()
        if statement is None:
            statement = Statement(
                slug=spec.slug,
                status=spec.status,
                original_language=spec.original_language,
                published_at=spec.published,
                events_start=spec.events[0] if spec.events else None,
                events_end=spec.events[1] if spec.events else None,
                open_for_joining=spec.open_for_joining,
                signature_deadline=_deadline(spec, self.now),
                signatory_order=spec.order,
            )
            # As an editor would: its deadline is booked and a recent publication announced.
            statement_save(statement=statement)
            self.created += 1

        languages = set(statement.translations.values_list("language", flat=True))
        for language, text in spec.texts.items():
            if language not in languages:
                StatementTranslation.objects.create(
                    statement=statement,
                    language=language,
                    title=text.title,
                    summary=text.summary,
                    body=text.body.strip() + "\n",
                    adoption_note=text.adoption_note,
                )
                self.created += 1

        for relation, slugs, objects in (
            (statement.categories, spec.categories, self.categories),
            (statement.publishers, spec.publishers, self.organizations),
        ):
            have = set(relation.values_list("pk", flat=True))
            missing = [objects[slug] for slug in slugs if objects[slug].pk not in have]
            if missing:
                relation.add(*missing)
                self.created += len(missing)

        self.load_signatories(statement, spec, memberships)
        if statement.status != Statement.Status.DRAFT and not statement.versions.exists():
            statement_version_current(statement=statement, change_note="Demo content.")
            self.created += 1

    def load_signatories(
        self, statement: Statement, spec: StatementSpec, memberships: dict[str, dict[str, str]]
    ) -> None:
        have = set(statement.signatories.values_list("organization_id", flat=True))
        slugs = signatory_slugs(spec, memberships)
        dates = _signing_dates(spec, slugs, self.today)
        new = []
        for position, slug in enumerate(_listed_order(spec, slugs, dates), start=1):
            organization = self.organizations[slug]
            if organization.pk in have:
                continue
            new.append(
                Signatory(
                    statement=statement,
                    organization=organization,
                    position=position,
                    signed_on=dates[slug],
                    public_note=spec.signers.notes.get(slug, ""),
                )
            )
            self.touched_organizations.add(slug)
        if new:
            # Bulk creation sends no signals: reindex and invalidate here instead.
            Signatory.objects.bulk_create(new)
            self.created += len(new)
            search_index_later(statement_id=statement.pk)
            invalidate(f"statement:{statement.slug}", "archive")


def _organization_fields(spec: Org) -> dict:
    city_hy, city_ru = CITIES.get(spec.city, ("", ""))
    return {
        "slug": spec.slug,
        "name": spec.name,
        "name_hy": spec.hy,
        "name_ru": spec.ru,
        "kind": spec.kind,
        "city": spec.city,
        "city_hy": city_hy,
        "city_ru": city_ru,
        "country": spec.country,
        "website": spec.website,
        "email_domains": spec.email_domains,
        "description": spec.description,
    }


def _organization_slugs() -> list[str]:
    return [org.slug for org in ORGANIZATIONS]


def _category_slugs() -> list[str]:
    return [category.slug for category in CATEGORIES]


def _statement_slugs() -> list[str]:
    return [spec.slug for spec in STATEMENTS]


def demo_counts() -> tuple[int, int, int]:
    """Return how many demo organisations, statements and signatures the database holds."""
    statements = Statement.objects.filter(slug__in=_statement_slugs())
    return (
        Organization.objects.filter(slug__in=_organization_slugs()).count(),
        statements.count(),
        Signatory.objects.filter(statement__in=statements).count(),
    )


def demo_remove() -> int:
    """Delete the demo content; return how many records went.

    Demo organisations and categories that other statements use are kept, with their names.
    """
    removed = 0
    count, _per_model = Statement.objects.filter(slug__in=_statement_slugs()).delete()
    removed += count
    in_use = Signatory.objects.values("organization_id")
    publishing = Statement.publishers.through.objects.values("organization_id")
    count, _per_model = (
        Organization.objects.filter(slug__in=_organization_slugs())
        .exclude(pk__in=in_use)
        .exclude(pk__in=publishing)
        .delete()
    )
    removed += count
    count, _per_model = Category.objects.filter(
        slug__in=_category_slugs(), statements__isnull=True
    ).delete()
    return removed + count


def demo_load(*, reset: bool = False, now: datetime | None = None) -> DemoResult:
    """Create the demo content that is missing (all of it, after `reset`), in one transaction."""
    check_data()
    with transaction.atomic():
        removed = demo_remove() if reset else 0
        loader = _Loader(now or timezone.now())
        loader.run()
        organizations, statements, signatures = demo_counts()
    return DemoResult(organizations, statements, signatures, loader.created, removed)
