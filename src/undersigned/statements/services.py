"""Writes for statements."""

import hashlib
import json

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction

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
