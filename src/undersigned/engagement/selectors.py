"""Reads for readers' features: a statement's views and comments, related statements, lists."""

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from undersigned.core.languages import fallback_order
from undersigned.engagement.models import (
    Comment,
    Commenter,
    StatementEngagement,
    Subscriber,
)
from undersigned.signatures.models import Signatory
from undersigned.statements.models import SearchDocument, Statement


def statement_view_count(*, statement: Statement) -> int:
    """Return the views counted so far (those still buffered in the cache come later)."""
    return (
        StatementEngagement.objects.filter(statement=statement)
        .values_list("view_count", flat=True)
        .first()
        or 0
    )


def comments_open(*, statement: Statement) -> bool:
    """Return whether readers may comment on the statement now."""
    if not settings.COMMENTS_ENABLED or statement.status in (
        *Statement.UNPUBLIC_STATUSES,
        Statement.Status.WITHDRAWN,
    ):
        return False
    return not StatementEngagement.objects.filter(
        statement=statement, comments_closed=True
    ).exists()


@dataclass(frozen=True)
class CommentsOverview:
    """What the coordinators' dashboard shows of a statement's comments."""

    closed: bool
    counts: list[tuple[str, str, int]]  # (status, its label, how many comments)


def comments_overview(*, statement: Statement) -> CommentsOverview:
    """Return whether comments are closed and how many comments each status holds."""
    found = dict(
        Comment.objects.filter(statement=statement)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return CommentsOverview(
        closed=StatementEngagement.objects.filter(
            statement=statement, comments_closed=True
        ).exists(),
        counts=[
            (value, str(label), found.get(value, 0)) for value, label in Comment.Status.choices
        ],
    )


def statement_comments(*, statement: Statement) -> list[Comment]:
    """Return the published comments, oldest first, each with its published replies."""
    replies = Comment.objects.published().order_by("created_at", "pk")
    return list(
        Comment.objects.published()
        .filter(statement=statement, parent__isnull=True)
        .prefetch_related(Prefetch("replies", queryset=replies, to_attr="published_replies"))
        .order_by("created_at", "pk")
    )


def comment_count(comments: Iterable[Comment]) -> int:
    return sum(1 + len(comment.published_replies) for comment in comments)  # type: ignore[attr-defined,misc]


def commenter_is_trusted(*, commenter: Commenter) -> bool:
    """Return whether the address was confirmed by its owner and a moderator approved it once."""
    return (
        commenter.confirmed_at is not None
        and commenter.banned_at is None
        and commenter.comments.filter(status=Comment.Status.APPROVED).exists()
    )


def moderation_counts() -> dict[str, int]:
    """Return how many comments are in each state, for the moderation queue."""
    counts = dict(Comment.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return {status: counts.get(status, 0) for status in Comment.Status.values}


def coordinator_emails() -> list[str]:
    """Return who is told about new comments: COMMENTS_NOTIFY_EMAILS, else their moderators."""
    if settings.COMMENTS_NOTIFY_EMAILS:
        return list(settings.COMMENTS_NOTIFY_EMAILS)
    # Staff who may moderate comments (the Coordinator group, superusers), not every staff account.
    users = (
        get_user_model()
        .objects.with_perm(
            "engagement.change_comment", backend="django.contrib.auth.backends.ModelBackend"
        )
        .filter(is_staff=True)
        .exclude(email="")
    )
    return sorted(set(users.values_list("email", flat=True)))


def newsletter_recipients(*, statement: Statement) -> QuerySet[Subscriber]:
    """Return active subscribers who want this statement: all of it, or one of its categories."""
    categories = statement.categories.values("pk")
    return (
        Subscriber.objects.filter(status=Subscriber.Status.ACTIVE)
        .filter(Q(categories__isnull=True) | Q(categories__in=categories))
        .distinct()
        .order_by("pk")
    )


def subscribers_for_export() -> QuerySet[Subscriber]:
    return Subscriber.objects.prefetch_related("categories").order_by("created_at", "pk")


# Related statements.

_WORD = re.compile(r"\w{4,}", re.UNICODE)
CANDIDATES = 60


@dataclass(frozen=True)
class RelatedStatement:
    statement: Statement
    score: float
    shared_categories: int
    shared_signatories: int
    similarity: float


def _terms(text: str) -> Counter[str]:
    return Counter(word.lower() for word in _WORD.findall(text))


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(count * b[word] for word, count in a.items() if word in b)
    norm = math.sqrt(sum(c * c for c in a.values())) * math.sqrt(sum(c * c for c in b.values()))
    return dot / norm if norm else 0.0


def _documents(statement_ids: list[int]) -> dict[int, dict[str, Counter[str]]]:
    """Return each statement's word counts per language, its title counted three times."""
    texts: dict[int, dict[str, Counter[str]]] = {}
    rows = SearchDocument.objects.filter(statement_id__in=statement_ids).values_list(
        "statement_id", "language", "title", "body"
    )
    for statement_id, language, title, body in rows:
        terms = _terms(body)
        for word, count in _terms(title).items():
            terms[word] += 3 * count
        texts.setdefault(statement_id, {})[language] = terms
    return texts


def _similarity(
    own: dict[str, Counter[str]], other: dict[str, Counter[str]], language: str
) -> float:
    """Compare the two texts in the first language both have, the reader's preferred."""
    for code in fallback_order(language):
        if code in own and code in other:
            return _cosine(own[code], other[code])
    return 0.0


def related_statements(
    *, statement: Statement, language: str, limit: int = 3
) -> list[RelatedStatement]:
    """Return published statements most like this one, best first.

    Candidates share a category or a signatory, or are among the newest; each is scored by the
    share of this statement's categories it has, the overlap of the two lists of signatories,
    and the similarity of their words in the reader's language.
    """
    category_ids = list(statement.categories.values_list("pk", flat=True))
    organization_ids = list(
        Signatory.objects.filter(statement=statement).values_list("organization_id", flat=True)
    )
    through = Statement.categories.through
    shared_categories = (
        through.objects.filter(statement_id=OuterRef("pk"), category_id__in=category_ids)
        .values("statement_id")
        .annotate(n=Count("pk"))
        .values("n")  # type: ignore[misc]
    )
    shared_signatories = (
        Signatory.objects.filter(statement_id=OuterRef("pk"), organization_id__in=organization_ids)
        .values("statement_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    published = Statement.objects.published().exclude(pk=statement.pk)
    candidates = published.annotate(
        shared_categories=Coalesce(Subquery(shared_categories, output_field=IntegerField()), 0),
        shared_signatories=Coalesce(Subquery(shared_signatories, output_field=IntegerField()), 0),
        signatory_total=Count("signatories", distinct=True),
    )
    sharing = list(
        candidates.filter(Q(shared_categories__gt=0) | Q(shared_signatories__gt=0)).order_by(
            "-shared_categories", "-shared_signatories", "-published_at"
        )[:CANDIDATES]
    )
    newest = list(candidates.order_by("-published_at", "-pk")[:20])
    pool = {s.pk: s for s in [*sharing, *newest]}
    if not pool:
        return []
    texts = _documents([statement.pk, *pool])
    own_text = texts.get(statement.pk, {})
    ranked = []
    for candidate in pool.values():
        category_share = candidate.shared_categories / max(1, len(category_ids))
        signatory_overlap = candidate.shared_signatories / max(
            1, min(len(organization_ids), candidate.signatory_total)
        )
        similarity = _similarity(own_text, texts.get(candidate.pk, {}), language)
        score = 0.4 * category_share + 0.3 * signatory_overlap + 0.3 * similarity
        if score > 0.05:
            ranked.append(
                RelatedStatement(
                    statement=candidate,
                    score=score,
                    shared_categories=candidate.shared_categories,
                    shared_signatories=candidate.shared_signatories,
                    similarity=similarity,
                )
            )
    ranked.sort(key=lambda r: (-r.score, -r.statement.date.timestamp(), -r.statement.pk))
    chosen = ranked[:limit]
    # Load the texts of the chosen few only, to print their titles in the reader's language.
    with_texts = Statement.objects.prefetch_related("translations").in_bulk(
        [r.statement.pk for r in chosen]
    )
    return [
        RelatedStatement(
            statement=with_texts[r.statement.pk],
            score=r.score,
            shared_categories=r.shared_categories,
            shared_signatories=r.shared_signatories,
            similarity=r.similarity,
        )
        for r in chosen
    ]
