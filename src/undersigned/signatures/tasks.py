"""Background work for sign-on: the mails about a new text or an update, the supporter count.

Every task takes ids and may run twice without doing twice: mails carry a key, and the count
marks what it counted. The mail itself is sent by core.tasks.mail_send.
"""

from django.tasks import task

from undersigned.signatures import reconfirmation, supporters, updates


@task()
def statement_version_notify(*, version_id: int, kind: str) -> int:
    """Queue the mails telling earlier signers of a new text, or asking them to re-confirm."""
    return reconfirmation.version_mail_fan_out(version_id=version_id, kind=kind)


@task()
def supporter_tally_task(*, statement_id: int) -> int:
    """Add the statement's newly confirmed supporters to its count."""
    return supporters.supporter_tally_update(statement_id=statement_id)


@task()
def supporter_mails_task(*, statement_id: int) -> int:
    """Send the mails the statement's supporters asked for since the last batch."""
    return supporters.supporter_mails_send(statement_id=statement_id)


@task()
def supporter_tallies_update_task() -> int:
    """Send the mails and count the confirmations missed batches left waiting (periodic)."""
    supporters.supporter_mails_catch_up()
    return sum(supporters.supporter_tallies_update().values())


@task()
def statement_update_mail_task(*, update_id: int) -> int:
    """Mail a statement's update to its signatories and supporters, once each."""
    return updates.statement_update_mail(update_id=update_id)
