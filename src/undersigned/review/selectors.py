"""Reads for review before opening: a link from its token, a statement's links, drafts, comments."""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from undersigned.review.models import ReviewComment, ReviewDraft, ReviewLink
from undersigned.review.paragraphs import Paragraph
from undersigned.statements.models import Statement


@dataclass(frozen=True)
class LinkLookup:
    state: str  # "active", "expired", "revoked" or "unknown" (never made here, or altered)
    link: ReviewLink | None


def review_link_by_token(*, token: str) -> LinkLookup:
    key = ReviewLink.key_of(token)
    link = ReviewLink.objects.select_related("statement").filter(key=key).first() if key else None
    if link is None:
        return LinkLookup(state="unknown", link=None)
    return LinkLookup(state=str(link.state()), link=link)


def statement_for_review(*, pk: int) -> Statement:
    statements = Statement.objects.prefetch_related("translations", "categories", "publishers")
    return get_object_or_404(statements, pk=pk)


def statement_review_links(*, statement: Statement) -> QuerySet[ReviewLink]:
    return ReviewLink.objects.filter(statement=statement).select_related("created_by", "revoked_by")


def statement_review_link(*, statement: Statement, pk: int) -> ReviewLink:
    return get_object_or_404(ReviewLink, statement=statement, pk=pk)


def statement_review_drafts(*, statement: Statement) -> QuerySet[ReviewDraft]:
    return ReviewDraft.objects.filter(statement=statement).order_by("number")


def statement_review_draft(*, statement: Statement, number: int) -> ReviewDraft | None:
    return ReviewDraft.objects.filter(statement=statement, number=number).first()


def statement_review_comment(*, statement: Statement, pk: int) -> ReviewComment:
    return get_object_or_404(ReviewComment, statement=statement, pk=pk)


@dataclass
class ParagraphWithComments:
    paragraph: Paragraph
    comments: list[ReviewComment] = field(default_factory=list)


@dataclass
class CommentsBeside:
    """The text in one language with its comments beside each paragraph, and the rest apart."""

    paragraphs: list[ParagraphWithComments]
    general: list[ReviewComment]  # on the whole text, on another language's text, or out of range
    open_count: int
    total: int


def review_comments_beside(
    *, statement: Statement, language: str, paragraphs: list[Paragraph]
) -> CommentsBeside:
    comments = list(
        ReviewComment.objects.filter(statement=statement)
        .select_related("draft", "organization", "link", "resolved_by")
        .order_by("created_at", "pk")
    )
    rows = [ParagraphWithComments(paragraph=p) for p in paragraphs]
    by_number = {row.paragraph.number: row for row in rows if row.paragraph.number is not None}
    general = []
    for comment in comments:
        row = (
            by_number.get(comment.paragraph)
            if comment.paragraph is not None and comment.language == language
            else None
        )
        if row is not None:
            row.comments.append(comment)
        else:
            general.append(comment)
    return CommentsBeside(
        paragraphs=rows,
        general=general,
        open_count=sum(1 for c in comments if c.resolved_at is None),
        total=len(comments),
    )
