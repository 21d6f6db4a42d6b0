"""Save a statement and move it through its life: the editor's actions, whatever screen.

draft → in review → open for signature → published (now, or at a time still to come) → closed;
withdrawn from any public state; back to draft while it is not public. Each move is a service
that checks its rule first (statement_transition_refusal: in words, never a database error) and
logs who made it.

A statement's edit reaches beyond the statements app: the text's versions are bound to its
signers (signatures), and publication is announced to the newsletter's subscribers
(engagement). These services sit above all of them and do each side effect themselves, after
the commit; the admin, commands and the demo call them, no signal does it behind their back.
"""

from collections.abc import Callable
from datetime import datetime
from functools import partial

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from undersigned.core.audit import audit_record
from undersigned.engagement.services import newsletter_statement_announce
from undersigned.signatures.reconfirmation import statement_text_baseline, statement_text_changed
from undersigned.statements.models import Statement
from undersigned.statements.services import statement_deadline_book, statement_publication_book

Status = Statement.Status


class StatementActionRefused(Exception):
    """The statement is not in a state the action applies to."""


@transaction.atomic
def statement_save(
    *,
    statement: Statement,
    by: User | None = None,
    save_related: Callable[[], object] | None = None,
    reason: str = "",
) -> Statement:
    """Save a statement with the rest of its edit, then do what the edit calls for.

    save_related saves what is edited with it (translations, the list of signatories,
    categories: the admin's inline forms), after the statement itself. Then, after the commit:
    a new version of the text is recorded if a signed text changed, a signature deadline still
    to come is booked, and a statement published now is announced to the newsletter.
    """
    stored = (
        Statement.objects.select_for_update().filter(pk=statement.pk).first()
        if statement.pk is not None
        else None
    )
    if stored is not None:
        # The text signatories signed before its first recorded edit is its first version.
        statement_text_baseline(statement_id=stored.pk)
    if statement.status in Statement.DATED_STATUSES and statement.published_at is None:
        statement.published_at = timezone.now()  # a public statement is dated: today by default
    statement.save()
    if save_related is not None:
        save_related()
    _status_record(
        statement=statement, before=stored.status if stored else None, by=by, reason=reason
    )
    statement_deadline_book(
        statement=statement, previous=stored.signature_deadline if stored else None
    )
    statement_publication_book(
        statement=statement, previous=stored.published_at if stored else None
    )
    # After the commit: a version is the text of every translation together, as committed.
    transaction.on_commit(
        partial(statement_text_changed, statement_id=statement.pk, by=_user(by)), robust=True
    )
    newsletter_statement_announce(statement=statement)
    return statement


def _user(by: User | None) -> User | None:
    return by if by is not None and by.is_authenticated else None


# The audit log's name for the move to each status.
STATUS_ACTIONS = {
    Status.DRAFT: "statement.draft",
    Status.IN_REVIEW: "statement.review",
    Status.OPEN: "statement.open",
    Status.PUBLISHED: "statement.publish",
    Status.CLOSED: "statement.close",
    Status.WITHDRAWN: "statement.withdraw",
}


def _status_record(
    *, statement: Statement, before: str | None, by: User | None, reason: str = ""
) -> None:
    """Log a change of the statement's status: who moved it, from what, to what (and why)."""
    if before == statement.status or (before is None and statement.status == Status.DRAFT):
        return
    details = {"from": before or "", "to": statement.status}
    if _scheduled(statement):
        details["scheduled"] = statement.published_at.isoformat()  # type: ignore[union-attr]
    if reason:
        details["reason"] = reason
    audit_record(
        action=STATUS_ACTIONS.get(Status(statement.status), "statement.status"),
        actor=by,
        statement=statement,
        details=details,
    )


# The statuses each status may be reached from (DRAFT from PUBLISHED: while still scheduled).
ALLOWED_FROM: dict[str, tuple[str, ...]] = {
    Status.DRAFT: (Status.IN_REVIEW, Status.PUBLISHED),
    Status.IN_REVIEW: (Status.DRAFT,),
    Status.OPEN: (Status.DRAFT, Status.IN_REVIEW),
    Status.PUBLISHED: (Status.DRAFT, Status.IN_REVIEW, Status.OPEN),
    Status.CLOSED: (Status.PUBLISHED,),
    Status.WITHDRAWN: (Status.OPEN, Status.PUBLISHED, Status.CLOSED),
}


def _scheduled(statement: Statement) -> bool:
    """Whether its publication is still to come (it is not public until then)."""
    return statement.status in Statement.DATED_STATUSES and not statement.is_public


def _refusals() -> dict[str, str]:
    return {
        Status.DRAFT: _(
            "Only a statement in review, or one whose publication is still to come, can go "
            "back to draft."
        ),
        Status.IN_REVIEW: _("Only a draft can be submitted for review."),
        Status.OPEN: _("Only a draft or a statement in review can be opened for signature."),
        Status.PUBLISHED: _(
            "Only a draft, a statement in review or one open for signature can be published."
        ),
        Status.CLOSED: _("Only a published statement can be closed."),
        Status.WITHDRAWN: _(
            "Only a statement open for signature, published or closed can be withdrawn."
        ),
    }


def statement_transition_refusal(
    *,
    statement: Statement,
    to: str,
    at: datetime | None = None,
    deadline: datetime | None = None,
    reason: str | None = None,
) -> str | None:
    """Return why the statement, as stored, may not move to the status; None if it may.

    at is the publication time asked for, deadline the signature deadline, reason the
    withdrawal's (None where the caller has no place to ask for one).
    """
    now = timezone.now()
    if to not in ALLOWED_FROM:
        return _("This is not a status a statement can have.")
    if statement.status not in ALLOWED_FROM[to]:
        return _refusals()[to]
    if to == Status.DRAFT and statement.status == Status.PUBLISHED and not _scheduled(statement):
        return _("This statement is public already: close or withdraw it instead.")
    if to == Status.OPEN:
        if deadline is None:
            return _("Opening for signature needs a deadline: the date and time signing ends.")
        if deadline <= now:
            return _("This deadline has passed: choose a date and time still to come.")
    if to == Status.PUBLISHED and statement.status == Status.OPEN and at and at > now:
        return _(
            "This statement is public already (open for signature): it can be published now "
            "or dated earlier, not scheduled for later."
        )
    if to in (Status.CLOSED, Status.WITHDRAWN) and _scheduled(statement):
        return _("This statement's publication is still to come: take it back to draft instead.")
    if to == Status.WITHDRAWN and reason is not None and not reason.strip():
        return _("Say why the statement is withdrawn: the reason is kept in the audit log.")
    return None


@transaction.atomic
def _transition(
    *,
    statement: Statement,
    to: str,
    by: User | None,
    at: datetime | None = None,
    deadline: datetime | None = None,
    reason: str | None = None,
) -> Statement:
    """Move the statement, as stored now (locked), to the status if its rule allows it."""
    stored = Statement.objects.select_for_update().get(pk=statement.pk)
    if to == Status.OPEN and deadline is None:
        deadline = stored.signature_deadline
    refusal = statement_transition_refusal(
        statement=stored, to=to, at=at, deadline=deadline, reason=reason
    )
    if refusal is not None:
        raise StatementActionRefused(refusal)
    now = timezone.now()
    if to == Status.OPEN:
        stored.signature_deadline = deadline
    elif to == Status.PUBLISHED:
        # Now, unless a time is given; a past date it had already (an imported page's) is kept.
        kept = stored.published_at if stored.published_at and stored.published_at <= now else None
        stored.published_at = at or kept or now
    elif to == Status.DRAFT:
        stored.published_at = None  # a scheduled publication is called off
    stored.status = to
    statement_save(statement=stored, by=by, reason=(reason or "").strip())
    # The caller's copy (an admin list's row, a form's instance) follows.
    for name in ("status", "published_at", "signature_deadline", "updated_at"):
        setattr(statement, name, getattr(stored, name))
    return stored


def statement_submit_for_review(*, statement: Statement, by: User | None = None) -> Statement:
    """Submit a draft for review: still not public, its text ready for a second reading."""
    return _transition(statement=statement, to=Status.IN_REVIEW, by=by)


def statement_return_to_draft(*, statement: Statement, by: User | None = None) -> Statement:
    """Take a statement in review, or one whose publication is still to come, back to draft."""
    return _transition(statement=statement, to=Status.DRAFT, by=by)


def statement_open(
    *, statement: Statement, by: User | None = None, deadline: datetime | None = None
) -> Statement:
    """Open a statement for signature until a deadline still to come (its own, if none given)."""
    return _transition(statement=statement, to=Status.OPEN, by=by, deadline=deadline)


def statement_publish(
    *, statement: Statement, by: User | None = None, at: datetime | None = None
) -> Statement:
    """Publish a statement in the archive, now or at a later moment; announce it then.

    A statement keeps the publication date it has (an imported page's, say) unless another
    one is given. Published for a later moment, it is not public until then.
    """
    return _transition(statement=statement, to=Status.PUBLISHED, by=by, at=at)


def statement_close(*, statement: Statement, by: User | None = None) -> Statement:
    """Close a published statement: it stays in the archive and takes no more signatures."""
    return _transition(statement=statement, to=Status.CLOSED, by=by)


def statement_withdraw(*, statement: Statement, reason: str, by: User | None = None) -> Statement:
    """Withdraw a public statement: its page stays, marked withdrawn; the reason is logged."""
    return _transition(statement=statement, to=Status.WITHDRAWN, by=by, reason=reason)
