"""Writes for statements that concern the statement alone.

Saving, publishing and closing a statement touch other apps too (the text's versions and its
signers, the newsletter): those services are in publishing, which calls these.
"""

from datetime import datetime
from functools import partial

from django.db import transaction
from django.utils import timezone

from undersigned.statements.models import Statement
from undersigned.statements.tasks import statement_deadline_pass, statement_publication_arrive


def statement_deadline_book(*, statement: Statement, previous: datetime | None = None) -> bool:
    """Book the renewal of the statement's pages for the moment its signature deadline passes.

    Booked after the commit, and only for a deadline still to come that differs from the
    previous one (which is booked already); return whether it was booked.
    """
    deadline = statement.signature_deadline
    if deadline is None or deadline <= timezone.now() or deadline == previous:
        return False
    if not statement_deadline_pass.get_backend().supports_defer:
        return False  # the page then shows the form until its next change; a POST is refused
    task = statement_deadline_pass.using(run_after=deadline)
    transaction.on_commit(partial(task.enqueue, statement_id=statement.pk))
    return True


def statement_publication_book(*, statement: Statement, previous: datetime | None = None) -> bool:
    """Book the renewal of the lists for the moment a scheduled publication comes.

    Booked after the commit, for a public status dated later than now and unlike the previous
    date (booked already); return whether it was booked.
    """
    moment = statement.published_at
    if statement.status not in Statement.DATED_STATUSES or moment is None:
        return False
    if moment <= timezone.now() or moment == previous:
        return False
    if not statement_publication_arrive.get_backend().supports_defer:
        return False  # the lists then show it from their next change
    task = statement_publication_arrive.using(run_after=moment)
    transaction.on_commit(partial(task.enqueue, statement_id=statement.pk))
    return True
