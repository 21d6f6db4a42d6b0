"""Background work for sign-on: mail to signers and supporters, and the supporter count.

Every task takes ids and may run twice without doing twice: mails carry a key, and the count
marks what it counted.
"""

from datetime import timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from undersigned.signatures import reconfirmation, services, supporters


def _retry(task_, attempt: int, **kwargs) -> None:
    if attempt >= settings.SIGNON_MAIL_ATTEMPTS:
        return
    if task_.get_backend().supports_defer:
        task_ = task_.using(run_after=timezone.now() + timedelta(minutes=2**attempt))
    # The key makes the retry idempotent: a mail that did go out is not sent twice.
    task_.enqueue(attempt=attempt + 1, **kwargs)


@task()
def sign_on_mail_send(
    *, sign_on_id: int, kind: str, key: str, version_id: int | None = None, attempt: int = 1
) -> str:
    """Send a sign-on mail; on a network or SMTP failure, try again later with the same key."""
    try:
        return services.sign_on_mail_deliver(
            sign_on_id=sign_on_id, kind=kind, key=key, version_id=version_id
        )
    except OSError:  # smtplib's errors are OSErrors too
        arguments: dict = {"sign_on_id": sign_on_id, "kind": kind, "key": key}
        if version_id is not None:
            arguments["version_id"] = version_id
        _retry(sign_on_mail_send, attempt, **arguments)
        raise


@task()
def statement_version_notify(*, version_id: int, kind: str) -> int:
    """Queue the mails telling earlier signers of a new text, or asking them to re-confirm."""
    return reconfirmation.version_mail_fan_out(version_id=version_id, kind=kind)


@task()
def supporter_mail_send(*, supporter_id: int, kind: str, key: str, attempt: int = 1) -> str:
    """Send a supporter their confirmation link, or a reminder that their support counts."""
    try:
        return supporters.supporter_mail_deliver(supporter_id=supporter_id, kind=kind, key=key)
    except OSError:
        _retry(supporter_mail_send, attempt, supporter_id=supporter_id, kind=kind, key=key)
        raise


@task()
def supporter_tally_task(*, statement_id: int) -> int:
    """Add the statement's newly confirmed supporters to its count."""
    return supporters.supporter_tally_update(statement_id=statement_id)


@task()
def supporter_tallies_update_task() -> int:
    """Count the confirmations a missed batch left waiting (booked periodically by the worker)."""
    return sum(supporters.supporter_tallies_update().values())
