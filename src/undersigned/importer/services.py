"""Turn parsed statement pages into draft statements whose signatories are resolved."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import IO

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from unidecode import unidecode

from undersigned.core.audit import audit_record
from undersigned.engagement.services import comments_import
from undersigned.importer.models import ImportBatch, ImportedName, ImportRecord
from undersigned.importer.parsing import ParsedEntry, is_heading_line
from undersigned.importer.wordpress import WordpressItem, WordpressSite, wordpress_items
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
        if is_heading_line(printed):
            resolved.append(
                ResolvedName(
                    position=position,
                    printed_name=printed,
                    resolution=ImportedName.Resolution.IGNORED,
                )
            )
            continue
        decided = organization_match(name=printed, include_pending=True)
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
    batch: ImportBatch | None = None,
    guid: str = "",
    publish_on_accept: bool = False,
    extra: dict | None = None,
) -> Statement:
    """Create a draft statement from one parsed page, all or nothing.

    Categories and organisations it brings are created unseen by readers, in the batch, until
    a coordinator accepts it (import_batch_accept).
    """
    if batch is None:
        batch = ImportBatch.objects.create(source=source[:500], created_by=by)
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
        category, created = Category.objects.get_or_create(
            slug=slug,
            defaults={
                f"name_{language}": category_name,
                "name_en": category_name,
                "is_public": False,
            },
        )
        if created:
            batch.new_categories.add(category)
        statement.categories.add(category)
    if publisher is None and entry.publisher:
        decided = organization_match(name=entry.publisher)
        if decided.decision == Decision.SAME:
            publisher = decided.organization
    if publisher is not None:
        statement.publishers.add(publisher)

    record = ImportRecord.objects.create(
        statement=statement,
        batch=batch,
        source=source[:500],
        guid=guid[:500],
        publish_on_accept=publish_on_accept,
        created_by=by,
        parsed={**entry.as_json(), **(extra or {})},
    )
    # A name new to the registry that another page of this batch brought is the same one.
    batch_new = {normalize(o.name): o for o in batch.new_organizations.all()}
    organizations_by_position: dict[int, Organization | None] = {}
    for name in import_resolve_names(names=entry.signatories):
        organization = name.organization
        if name.resolution == ImportedName.Resolution.NEW:
            organization = batch_new.get(normalize(name.printed_name))
            if organization is None:
                organization = _pending_organization(name.printed_name, batch, by, source)
                batch_new[normalize(name.printed_name)] = organization
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


def _pending_organization(name: str, batch: ImportBatch, by, source: str) -> Organization:
    organization = organization_create(
        name=name[:300], needs_review=True, by=by, reason=f"import: {source}"[:200]
    )
    Organization.objects.filter(pk=organization.pk).update(is_public=False)
    organization.is_public = False
    batch.new_organizations.add(organization)
    return organization


def _body_with_footnotes(entry: ParsedEntry) -> str:
    if not entry.footnotes:
        return entry.body
    sources = "\n".join(
        note if note.startswith("[") else f"[{number}] {note}"
        for number, note in enumerate(entry.footnotes, start=1)
    )
    return f"{entry.body}\n\n{sources}"


# WordPress exports.


@dataclass
class WordpressImport:
    """What importing an export did: the batch (None when nothing was new) and what was read.

    Only ids and short summaries are kept, never the posts themselves, so memory stays flat
    however large the export; on_item (see import_wordpress) sees each post as it passes.
    """

    batch: ImportBatch | None = None
    created: list[int] = field(default_factory=list)  # statement ids
    already: int = 0  # posts imported before, left as they are
    statements: int = 0  # posts read as statements (all of them, on a dry run)
    skipped: list[dict] = field(default_factory=list)  # {"title", "source", "reason"}


class ItemOutcome:
    CREATED, ALREADY, READ, SKIPPED = "created", "already", "read", "skipped"


def import_already_imported(*, guid: str) -> bool:
    """Tell whether a WordPress post was imported before (in a batch not discarded)."""
    return (
        ImportRecord.objects.filter(guid=guid)
        .exclude(batch__status=ImportBatch.Status.DISCARDED)
        .exists()
    )


@transaction.atomic
def import_wordpress(
    *,
    source: IO[bytes],
    name: str,
    language: str = "en",
    by: User | None = None,
    dry_run: bool = False,
    on_item: Callable[[WordpressItem, str], None] | None = None,
) -> WordpressImport:
    """Import the published posts of a WordPress export into one batch, all or nothing.

    A post imported before (same GUID) is left as it is, so importing a file twice changes
    nothing; drafts, private posts, pages, attachments and menu items are skipped with the
    reason. Raises WordpressError when the file cannot be read, having saved nothing.
    """
    result = WordpressImport()
    for item in wordpress_items(source, WordpressSite()):
        outcome = _import_item(item, result, name=name, language=language, by=by, dry_run=dry_run)
        if on_item is not None:
            on_item(item, outcome)
    if result.batch is not None:
        result.batch.skipped = result.skipped
        result.batch.save(update_fields=["skipped"])
    return result


def _import_item(
    item: WordpressItem,
    result: WordpressImport,
    *,
    name: str,
    language: str,
    by: User | None,
    dry_run: bool,
) -> str:
    if item.kind != "statement" or item.entry is None:
        skipped = {"title": item.title, "source": item.guid, "reason": str(item.reason)}
        result.skipped.append(skipped)
        return ItemOutcome.SKIPPED
    result.statements += 1
    if dry_run:
        return ItemOutcome.READ
    if import_already_imported(guid=item.guid):
        result.already += 1
        return ItemOutcome.ALREADY
    if result.batch is None:
        result.batch = ImportBatch.objects.create(source=name[:500], created_by=by)
    extra = {
        "author": item.author,
        "tags": item.tags,
        "published_at": item.published_at.isoformat() if item.published_at else None,
        "comments": [
            {**c.as_json(), "id": c.comment_id, "parent": c.parent_id} for c in item.comments
        ],
        "source": item.guid,
    }
    statement = import_entry(
        entry=item.entry,
        language=language,
        source=name,
        by=by,
        batch=result.batch,
        guid=item.guid,
        publish_on_accept=True,
        extra=extra,
    )
    result.created.append(statement.pk)
    return ItemOutcome.CREATED


# Reviewing a batch.


class BatchClosed(ValueError):
    """The batch was accepted or discarded already."""


def _lock_pending(batch: ImportBatch) -> ImportBatch:
    locked = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if locked.status != ImportBatch.Status.PENDING:
        raise BatchClosed(locked.get_status_display())
    return locked


@transaction.atomic
def import_name_change(
    *, name: ImportedName, organization: Organization | None, new: bool = False, by: User
) -> ImportedName:
    """Point one signatory line at another organisation, a new one, or at none (not a name)."""
    batch = name.record.batch
    if batch is not None:
        _lock_pending(batch)
    statement = name.record.statement
    if name.organization_id is not None:
        Signatory.objects.filter(statement=statement, organization_id=name.organization_id).delete()
    if new:
        organization = _pending_organization(
            name.printed_name, batch or ImportBatch.objects.create(created_by=by), by, "review"
        )
    name.organization = organization
    name.resolution = (
        ImportedName.Resolution.NEW
        if new
        else ImportedName.Resolution.MATCHED
        if organization is not None
        else ImportedName.Resolution.IGNORED
    )
    name.reviewed = True
    name.save(update_fields=["organization", "resolution", "reviewed"])
    if organization is not None:
        Signatory.objects.get_or_create(
            statement=statement,
            organization=organization,
            defaults={
                "position": name.position,
                "signed_on": statement.published_at.date()
                if statement.published_at
                else timezone.localdate(),
            },
        )
    audit_record(
        action="statement.import.review",
        actor=by,
        statement=statement,
        details={"line": name.printed_name, "organization": organization and organization.slug},
    )
    return name


@transaction.atomic
def import_batch_accept(*, batch: ImportBatch, by: User) -> ImportBatch:
    """Make what the batch brought public at once: its categories, organisations, statements."""
    batch = _lock_pending(batch)
    _drop_unused(batch)
    batch.new_categories.update(is_public=True)
    batch.new_organizations.update(is_public=True)
    # A name an earlier batch, still waiting, brought goes public with the first to use it.
    in_batch = Statement.objects.filter(import_record__batch=batch).values("pk")
    Organization.objects.filter(signatures__statement__in=in_batch).update(is_public=True)
    Category.objects.filter(statements__in=in_batch).update(is_public=True)
    for record in batch.records.select_related("statement"):
        statement = record.statement
        if record.publish_on_accept and statement.status == Statement.Status.DRAFT:
            published = record.parsed.get("published_at")
            if published:
                statement.published_at = datetime.fromisoformat(published)
            statement.status = Statement.Status.PUBLISHED
            statement.save(update_fields=["status", "published_at"])
            # Published where it came from, long ago maybe: archived, never announced anew.
            audit_record(
                action="statement.publish",
                actor=by,
                statement=statement,
                details={"from": Statement.Status.DRAFT, "to": statement.status, "batch": batch.pk},
            )
        if comments := record.parsed.get("comments"):
            comments_import(
                statement=statement, comments=comments, language=statement.original_language
            )
    batch.status = ImportBatch.Status.ACCEPTED
    batch.decided_at, batch.decided_by = timezone.now(), by
    batch.save(update_fields=["status", "decided_at", "decided_by"])
    audit_record(action="import.accept", actor=by, details={"batch": batch.pk})
    return batch


@transaction.atomic
def import_batch_discard(*, batch: ImportBatch, by: User) -> ImportBatch:
    """Remove everything the batch brought; nothing of it was ever public."""
    batch = _lock_pending(batch)
    Statement.objects.filter(import_record__batch=batch).delete()
    # What another batch uses too stays, waiting with it.
    _drop_unused(batch)
    batch.status = ImportBatch.Status.DISCARDED
    batch.decided_at, batch.decided_by = timezone.now(), by
    batch.save(update_fields=["status", "decided_at", "decided_by"])
    audit_record(action="import.discard", actor=by, details={"batch": batch.pk})
    return batch


def _drop_unused(batch: ImportBatch) -> None:
    """Delete the batch's new organisations and categories that nothing points at any more."""
    batch.new_organizations.filter(
        signatures__isnull=True, imported_names__isnull=True, is_public=False
    ).delete()
    batch.new_categories.filter(statements__isnull=True, is_public=False).delete()


@transaction.atomic
def import_category_rename(*, category: Category, name_hy: str, name_ru: str, by: User) -> None:
    """Give a category the batch brought its Armenian and Russian names before it is public."""
    category.name_hy, category.name_ru = name_hy.strip()[:120], name_ru.strip()[:120]
    category.save(update_fields=["name_hy", "name_ru"])
    audit_record(action="import.category", actor=by, details={"category": category.slug})
