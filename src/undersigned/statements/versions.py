"""Versions of a statement's text: recording them, and reading the history the public sees.

A version is the text of every translation together, frozen and hashed; signatures are bound
to the version their signer saw (what signers are told of a new text is in signatures).
"""

import hashlib
import json
from dataclasses import dataclass, field
from typing import Protocol

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404

from undersigned.core.audit import audit_record
from undersigned.core.pagecache import invalidate
from undersigned.statements.models import Statement, StatementTranslation, StatementVersion

_VERSIONED_FIELDS = ("title", "summary", "body", "adoption_note")


def statement_texts(*, statement: Statement) -> dict[str, dict[str, str]]:
    """Return the statement's text in every language, as versions store it."""
    translations = StatementTranslation.objects.filter(statement=statement).order_by("language")
    return {
        t.language: {field: getattr(t, field) for field in _VERSIONED_FIELDS} for t in translations
    }


def content_hash(texts: dict[str, dict[str, str]]) -> str:
    """Return a stable SHA-256 over all translations' texts."""
    canonical = json.dumps(texts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def statement_version_current(
    *, statement: Statement, by: User | None = None, change_note: str = ""
) -> StatementVersion:
    """Return the version matching the statement's text now, recording a new one if it changed."""
    texts = statement_texts(statement=statement)
    digest = content_hash(texts)
    existing = StatementVersion.objects.filter(statement=statement, content_hash=digest).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            # Lock the statement row so that two editors cannot take the same number.
            Statement.objects.select_for_update().filter(pk=statement.pk).first()
            last = StatementVersion.objects.filter(statement=statement).order_by("-number").first()
            return StatementVersion.objects.create(
                statement=statement,
                number=(last.number + 1) if last else 1,
                content_hash=digest,
                texts=texts,
                created_by=by,
                change_note=change_note,
            )
    except IntegrityError:
        # Another request recorded the same text first: theirs is ours.
        return StatementVersion.objects.get(statement=statement, content_hash=digest)


def statement_text_hash(*, statement: Statement) -> str:
    """Return the hash of the text as it reads now, which a sign-on form carries."""
    return content_hash(statement_texts(statement=statement))


def statement_version_of_text(*, statement: Statement) -> StatementVersion | None:
    """Return the recorded version whose text is the statement's text now, if there is one."""
    return StatementVersion.objects.filter(
        statement=statement, content_hash=statement_text_hash(statement=statement)
    ).first()


def statement_version_record(
    *, statement: Statement, by: User | None = None
) -> StatementVersion | None:
    """Record the statement's text as a new version unless a recorded one has it; log it.

    The caller holds the statement's row lock (select_for_update), so that a version is new
    for one caller only.
    """
    if statement_version_of_text(statement=statement) is not None:
        return None
    version = statement_version_current(statement=statement, by=by)
    audit_record(
        action="statement.version",
        actor=by,
        actor_label="" if by else "text edited",
        statement=statement,
        details={"version": version.number},
    )
    invalidate(f"statement:{statement.slug}")
    return version


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


class SignedLine(Protocol):
    """A line on a statement's list of signatories, as far as versions are concerned."""

    version_id: int | None


@dataclass
class VersionMarks:
    """Which lines signed another text than the current one; one query for a whole list."""

    slug: str
    current_id: int | None
    numbers: dict[int, int] = field(default_factory=dict)
    asked_after: dict[int, bool] = field(default_factory=dict)

    def for_line(self, line: "SignedLine") -> SignedVersion | None:
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
