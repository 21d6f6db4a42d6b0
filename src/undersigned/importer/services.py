"""Turn parsed statement pages into draft statements whose signatories are resolved."""

from dataclasses import dataclass, field
from datetime import datetime, time

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from unidecode import unidecode

from undersigned.core.audit import audit_record
from undersigned.importer.models import ImportedName, ImportRecord
from undersigned.importer.parsing import ParsedEntry
from undersigned.organizations.matching import (
    Decision,
    Explanation,
    ReasonCode,
    normalize,
    reason,
)
from undersigned.organizations.models import Organization
from undersigned.organizations.selectors import organization_match
from undersigned.organizations.services import organization_create
from undersigned.signatures.models import Signatory
from undersigned.statements.models import Category, Statement, StatementTranslation


@dataclass
class ResolvedName:
    """How one printed signatory line maps onto the registry."""

    position: int
    printed_name: str
    resolution: str
    organization: Organization | None = None
    candidate_name: str = ""
    score: float = 0.0
    reasons: Explanation = ()
    duplicate_of: int | None = None  # the position of the line it repeats


@dataclass
class ImportPreview:
    entry: ParsedEntry
    names: list[ResolvedName] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(ImportedName.Resolution.values, 0)
        for name in self.names:
            counts[name.resolution] += 1
        return counts


def import_resolve_names(*, names: list[str]) -> list[ResolvedName]:
    """Match each printed name against the registry; a name listed twice is marked as such."""
    resolved: list[ResolvedName] = []
    seen: dict[int, int] = {}  # organisation id -> first position
    for position, printed in enumerate(names, start=1):
        decided = organization_match(name=printed)
        match = decided.candidates[0] if decided.candidates else None
        if decided.organization is not None and match is not None:
            organization = decided.organization
            duplicate_of = seen.get(organization.pk)
            if duplicate_of is not None:
                resolution = ImportedName.Resolution.DUPLICATE
            elif decided.decision == Decision.SAME:
                resolution = ImportedName.Resolution.MATCHED
            else:
                resolution = ImportedName.Resolution.PROBABLE
            seen.setdefault(organization.pk, position)
            resolved.append(
                ResolvedName(
                    position=position,
                    printed_name=printed,
                    resolution=resolution,
                    organization=organization,
                    candidate_name=organization.name,
                    score=match.score,
                    reasons=match.reasons,
                    duplicate_of=duplicate_of,
                )
            )
        else:
            resolved.append(
                ResolvedName(
                    position=position,
                    printed_name=printed,
                    resolution=ImportedName.Resolution.NEW,
                    score=match.score if match else 0.0,
                    reasons=match.reasons if match else (),
                )
            )
    # Two new names on one page may be the same organisation spelt twice.
    new_seen: dict[str, int] = {}
    for name in resolved:
        if name.resolution == ImportedName.Resolution.NEW:
            key = normalize(name.printed_name)
            if key in new_seen:
                name.resolution = ImportedName.Resolution.DUPLICATE
                name.duplicate_of = new_seen[key]
            else:
                new_seen[key] = name.position
    return resolved


def import_preview(*, entries: list[ParsedEntry]) -> list[ImportPreview]:
    """Return what importing these entries would create, without writing anything."""
    return [
        ImportPreview(entry=entry, names=import_resolve_names(names=entry.signatories))
        for entry in entries
    ]


def _unique_statement_slug(title: str, date) -> str:
    base = slugify(unidecode(title))[:120].strip("-") or "statement"
    if date:
        base = f"{base[:108]}-{date:%Y-%m-%d}".strip("-")
    slug, number = base, 2
    while Statement.objects.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


@transaction.atomic
def import_entry(
    *,
    entry: ParsedEntry,
    language: str = "en",
    publisher: Organization | None = None,
    source: str = "",
    by: User | None = None,
) -> Statement:
    """Create a draft statement from one parsed page, all or nothing."""
    statement = Statement.objects.create(
        slug=_unique_statement_slug(entry.title, entry.date),
        status=Statement.Status.DRAFT,
        original_language=language,
        events_start=None,
    )
    # The page's date is the statement's publication date once an editor publishes it.
    if entry.date:
        statement.published_at = timezone.make_aware(datetime.combine(entry.date, time(12)))
        statement.save(update_fields=["published_at"])
    StatementTranslation.objects.create(
        statement=statement,
        language=language,
        title=entry.title[:400],
        body=_body_with_footnotes(entry),
    )
    for category_name in entry.categories:
        slug = slugify(unidecode(category_name))[:80] or "category"
        category, _created = Category.objects.get_or_create(
            slug=slug, defaults={f"name_{language}": category_name, "name_en": category_name}
        )
        statement.categories.add(category)
    if publisher is None and entry.publisher:
        decided = organization_match(name=entry.publisher)
        if decided.decision == Decision.SAME:
            publisher = decided.organization
    if publisher is not None:
        statement.publishers.add(publisher)

    record = ImportRecord.objects.create(
        statement=statement, source=source[:500], created_by=by, parsed=entry.as_json()
    )
    organizations_by_position: dict[int, Organization | None] = {}
    for name in import_resolve_names(names=entry.signatories):
        organization = name.organization
        if name.resolution == ImportedName.Resolution.NEW:
            organization = organization_create(
                name=name.printed_name[:300],
                needs_review=True,
                by=by,
                reason=f"import: {source}"[:200],
            )
        elif name.duplicate_of is not None:
            organization = organizations_by_position.get(name.duplicate_of)
        organizations_by_position[name.position] = organization
        ImportedName.objects.create(
            record=record,
            position=name.position,
            printed_name=name.printed_name[:500],
            organization=organization,
            resolution=name.resolution,
            score=name.score,
            reasons=[
                r.as_json()
                for r in (
                    (reason(ReasonCode.SAME_AS_LINE, line=name.duplicate_of),)
                    if name.duplicate_of is not None
                    else name.reasons
                )
            ],
            reviewed=name.resolution == ImportedName.Resolution.MATCHED,
        )
        if organization is not None and name.resolution != ImportedName.Resolution.DUPLICATE:
            Signatory.objects.get_or_create(
                statement=statement,
                organization=organization,
                defaults={
                    "position": name.position,
                    "signed_on": entry.date or timezone.localdate(),
                },
            )
    audit_record(
        action="statement.import",
        actor=by,
        statement=statement,
        details={"source": source, "signatories": len(entry.signatories)},
    )
    return statement


def _body_with_footnotes(entry: ParsedEntry) -> str:
    if not entry.footnotes:
        return entry.body
    sources = "\n".join(
        note if note.startswith("[") else f"[{number}] {note}"
        for number, note in enumerate(entry.footnotes, start=1)
    )
    return f"{entry.body}\n\n{sources}"
