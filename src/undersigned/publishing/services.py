"""Save, publish and close a statement: the editor's actions, whatever screen they start from.

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
from undersigned.statements.services import statement_deadline_book

Status = Statement.Status


class StatementActionRefused(Exception):
    """The statement is not in a state the action applies to."""


@transaction.atomic
def statement_save(
    *,
    statement: Statement,
    by: User | None = None,
    save_related: Callable[[], object] | None = None,
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
    _status_record(statement=statement, before=stored.status if stored else None, by=by)
    statement_deadline_book(
        statement=statement, previous=stored.signature_deadline if stored else None
    )
    # After the commit: a version is the text of every translation together, as committed.
    transaction.on_commit(
        partial(statement_text_changed, statement_id=statement.pk, by=_user(by)), robust=True
    )
    newsletter_statement_announce(statement=statement)
    return statement


def _user(by: User | None) -> User | None:
    return by if by is not None and by.is_authenticated else None


def _status_record(*, statement: Statement, before: str | None, by: User | None) -> None:
    """Log a change of the statement's status: its publication, its closing, and others."""
    if before == statement.status or (before is None and statement.status == Status.DRAFT):
        return
    actions = {Status.PUBLISHED: "statement.publish", Status.CLOSED: "statement.close"}
    audit_record(
        action=actions.get(Status(statement.status), "statement.status"),
        actor=by,
        statement=statement,
        details={"from": before or "", "to": statement.status},
    )


def statement_publish(
    *, statement: Statement, by: User | None = None, at: datetime | None = None
) -> Statement:
    """Publish a statement in the archive, now or at a later moment; announce it then.

    A statement keeps the publication date it has (an imported page's, say) unless another
    one is given.
    """
    if statement.status not in (Status.DRAFT, Status.OPEN):
        raise StatementActionRefused(
            _("Only a draft or a statement open for signature can be published.")
        )
    statement.status = Status.PUBLISHED
    statement.published_at = at or statement.published_at or timezone.now()
    return statement_save(statement=statement, by=by)


def statement_close(*, statement: Statement, by: User | None = None) -> Statement:
    """Close a published statement: it stays in the archive and takes no more signatures."""
    if statement.status != Status.PUBLISHED:
        raise StatementActionRefused(_("Only a published statement can be closed."))
    statement.status = Status.CLOSED
    return statement_save(statement=statement, by=by)
