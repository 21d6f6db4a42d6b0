"""Review before opening: links made and revoked, drafts recorded, comments written, resolved."""

from datetime import datetime

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone

from undersigned.core.audit import audit_record
from undersigned.organizations.selectors import organization_match
from undersigned.review.models import ReviewComment, ReviewDraft, ReviewLink
from undersigned.statements.models import Statement
from undersigned.statements.versions import content_hash, statement_texts


def review_draft_current(*, statement: Statement) -> ReviewDraft:
    """Return the draft with the statement's text as it reads now, recording it if it is new.

    Called whenever someone reads the text under review (reviewers and drafters alike), so that
    every text a comment was written on is kept and two drafts can be compared.
    """
    texts = statement_texts(statement=statement)
    digest = content_hash(texts)
    existing = ReviewDraft.objects.filter(statement=statement, content_hash=digest).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            # Lock the statement row so that two readers cannot take the same number.
            Statement.objects.select_for_update().filter(pk=statement.pk).first()
            last = ReviewDraft.objects.filter(statement=statement).order_by("-number").first()
            return ReviewDraft.objects.create(
                statement=statement,
                number=(last.number + 1) if last else 1,
                content_hash=digest,
                texts=texts,
            )
    except IntegrityError:
        # Another request recorded the same text first: theirs is ours.
        return ReviewDraft.objects.get(statement=statement, content_hash=digest)


@transaction.atomic
def review_link_create(
    *, statement: Statement, by: User, label: str, expires_at: datetime
) -> ReviewLink:
    """Create a review link for the statement's draft and log who made it, for whom, until when."""
    link = ReviewLink.objects.create(
        statement=statement, created_by=by, label=label, expires_at=expires_at
    )
    draft = review_draft_current(statement=statement)
    audit_record(
        action="review.link_created",
        actor=by,
        statement=statement,
        details={
            "link": link.pk,
            "label": label,
            "expires_at": expires_at.isoformat(),
            "draft": draft.number,
        },
    )
    return link


@transaction.atomic
def review_link_revoke(*, link: ReviewLink, by: User) -> ReviewLink:
    """Revoke a link at once (a revoked link stays revoked); log who did it."""
    link = ReviewLink.objects.select_for_update().get(pk=link.pk)
    if link.revoked_at is not None:
        return link
    link.revoked_at = timezone.now()
    link.revoked_by = by
    link.save(update_fields=["revoked_at", "revoked_by"])
    audit_record(
        action="review.link_revoked",
        actor=by,
        statement=link.statement,
        details={"link": link.pk, "label": link.label},
    )
    return link


class ReviewClosed(Exception):
    """The link stopped working between reading and sending: `state` is expired or revoked."""

    def __init__(self, state: str) -> None:
        super().__init__(state)
        self.state = state


@transaction.atomic
def review_comment_submit(
    *,
    link: ReviewLink,
    draft: ReviewDraft,
    language: str,
    name: str,
    organization_name: str,
    text: str,
    paragraph: int | None = None,
    quote: str = "",
) -> ReviewComment:
    """Record a reviewer's comment on the draft they read, matched to the registry if surely one."""
    link = ReviewLink.objects.select_for_update().get(pk=link.pk)
    if not link.is_active:
        raise ReviewClosed(str(link.state()))
    organization = None
    if organization_name:
        decided = organization_match(name=organization_name)
        if decided.decision == "same":
            organization = decided.organization
    return ReviewComment.objects.create(
        statement_id=link.statement_id,
        link=link,
        draft=draft,
        language=language,
        name=name,
        organization_name=organization_name,
        organization=organization,
        paragraph=paragraph,
        quote=quote,
        text=text,
    )


def review_comment_resolve(*, comment: ReviewComment, by: User, resolved: bool) -> ReviewComment:
    """Mark a comment resolved (dealt with by the drafters), or open it again."""
    comment.resolved_at = timezone.now() if resolved else None
    comment.resolved_by = by if resolved else None
    comment.save(update_fields=["resolved_at", "resolved_by"])
    return comment
