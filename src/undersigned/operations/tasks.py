"""Background work of the operations app: error reports to the administrators."""

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from undersigned.core import outbox


def _admin_addresses() -> list[str]:
    # Django 6 takes plain addresses; ("Name", "address") pairs are read too.
    return [entry if isinstance(entry, str) else entry[1] for entry in settings.ADMINS]


@task()
def admin_error_mail_send(*, signature: str, subject: str, body: str) -> int:
    """Mail an error report to each administrator through the outbox; return how many queued.

    Sent like every mail, by core's mail task (a record, its Message-ID, retries). One key per
    error, interval and administrator: a retried task queues nothing twice. Not counted against
    the recipient's hourly cap, which is there for the mail that public forms ask for.
    """
    window = int(timezone.now().timestamp()) // max(settings.ERROR_MAIL_INTERVAL_MINUTES * 60, 1)
    queued = 0
    for number, address in enumerate(_admin_addresses()):
        key = f"error:{signature[:32]}:{window}:{number}"
        if outbox.mail_exists(key=key):
            continue
        outbox.mail(
            to=address,
            template="operations/emails/error_report",
            context={"prefix": settings.EMAIL_SUBJECT_PREFIX, "subject": subject, "body": body},
            language=settings.LANGUAGE_CODE,
            kind="error_report",
            key=key,
            capped=False,
        )
        queued += 1
    return queued
