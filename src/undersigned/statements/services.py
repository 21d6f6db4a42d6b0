"""Writes for statements that concern the statement alone.

Saving, publishing and closing a statement touch other apps too (the text's versions and its
signers, the newsletter): those services are in publishing, which calls these.
"""

from datetime import datetime
from functools import partial

from django.db import transaction
from django.utils import timezone

from undersigned.statements.models import Statement
from undersigned.statements.tasks import statement_deadline_pass


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
