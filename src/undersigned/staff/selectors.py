"""What the coordinators' home shows: their statements by stage, and what waits for them."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import Promise

from undersigned.core.languages import LANGUAGE_CODES
from undersigned.engagement.models import Comment
from undersigned.publishing.services import statement_transition_refusal
from undersigned.signatures.models import SignOnRequest
from undersigned.statements.models import Statement, StatementTranslation

Status = Statement.Status

# Stages shown in full (work in progress), and those of which only the latest are shown.
WORKING_STAGES = (Status.DRAFT, Status.IN_REVIEW, Status.OPEN)
ARCHIVE_STAGES = (Status.PUBLISHED, Status.CLOSED, Status.WITHDRAWN)
ARCHIVE_SHOWN = 10
DEADLINE_SOON = timedelta(days=7)
# The moves offered from a statement's row, in the order of its life.
TRANSITIONS = (
    Status.IN_REVIEW,
    Status.OPEN,
    Status.PUBLISHED,
    Status.CLOSED,
    Status.WITHDRAWN,
    Status.DRAFT,
)


@dataclass
class StatementRow:
    statement: Statement
    pending_count: int
    comment_count: int
    missing_languages: list[str]
    deadline_soon: bool
    scheduled: bool
    transitions: list[str]


@dataclass
class Stage:
    status: str
    label: str | Promise
    rows: list[StatementRow]
    total: int


@dataclass
class NeedsYou:
    pending: list[StatementRow] = field(default_factory=list)
    comments: list[StatementRow] = field(default_factory=list)
    translations: list[StatementRow] = field(default_factory=list)
    deadlines: list[StatementRow] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any((self.pending, self.comments, self.translations, self.deadlines))


@dataclass
class CoordinatorHome:
    stages: list[Stage]
    needs: NeedsYou


def _count(queryset: QuerySet) -> Coalesce:
    counted = (
        queryset.filter(statement=OuterRef("pk"))
        .order_by()
        .values("statement")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted), Value(0), output_field=IntegerField())


def _statements() -> QuerySet[Statement]:
    titles = StatementTranslation.objects.only("statement_id", "language", "title")
    return Statement.objects.annotate(
        pending_count=_count(SignOnRequest.objects.filter(status=SignOnRequest.Status.PENDING)),
        comment_count=_count(Comment.objects.filter(status=Comment.Status.PENDING)),
    ).prefetch_related(Prefetch("translations", queryset=titles))


def _row(statement: Statement, now) -> StatementRow:
    present = set(statement.available_languages())
    deadline = statement.signature_deadline
    takes_signatures = statement.status == Status.OPEN or (
        statement.status == Status.PUBLISHED and statement.open_for_joining
    )
    return StatementRow(
        statement=statement,
        pending_count=statement.pending_count,  # type: ignore[attr-defined]
        comment_count=statement.comment_count,  # type: ignore[attr-defined]
        missing_languages=[code for code in LANGUAGE_CODES if code not in present],
        deadline_soon=bool(takes_signatures and deadline and now < deadline <= now + DEADLINE_SOON),
        scheduled=statement.status in Statement.DATED_STATUSES and not statement.is_public,
        # Offered where the rule allows it; the form asks for what the move needs.
        transitions=[
            status
            for status in TRANSITIONS
            if statement_transition_refusal(
                statement=statement, to=status, deadline=now + DEADLINE_SOON
            )
            is None
        ],
    )


def coordinator_home() -> CoordinatorHome:
    """Return the statements by stage (the archive's latest only) and what needs the staff."""
    now = timezone.now()
    statements = _statements()
    stages = []
    for status, label in Status.choices:
        in_stage = statements.filter(status=status).order_by("-updated_at", "-pk")
        shown = list(in_stage) if status in WORKING_STAGES else list(in_stage[:ARCHIVE_SHOWN])
        total = len(shown) if status in WORKING_STAGES else in_stage.count()
        stages.append(Stage(status, label, [_row(s, now) for s in shown], total))

    # What waits for someone, in every stage (a published statement takes sign-ups too).
    waiting = statements.filter(
        Q(pending_count__gt=0)
        | Q(comment_count__gt=0)
        | Q(
            pk__in=Statement.objects.open_for_signature()
            .filter(signature_deadline__lte=now + DEADLINE_SOON)
            .values("pk")
        )
    ).order_by("signature_deadline", "-pk")
    rows = [_row(s, now) for s in waiting]
    # Texts still being prepared or taking signatures want every language.
    untranslated = [
        row
        for stage in stages
        if stage.status in (*WORKING_STAGES, Status.PUBLISHED)
        for row in stage.rows
        if row.missing_languages
    ]
    needs = NeedsYou(
        pending=[row for row in rows if row.pending_count],
        comments=[row for row in rows if row.comment_count],
        translations=untranslated,
        deadlines=[row for row in rows if row.deadline_soon],
    )
    return CoordinatorHome(stages=stages, needs=needs)
