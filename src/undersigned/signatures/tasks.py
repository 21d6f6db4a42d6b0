"""Background work for sign-on: mail to signers, sent by the worker after the commit."""

from datetime import timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from undersigned.signatures.services import sign_on_mail_deliver


@task()
def sign_on_mail_send(*, sign_on_id: int, kind: str, key: str, attempt: int = 1) -> str:
    """Send a sign-on mail; on a network or SMTP failure, try again later with the same key."""
    try:
        return sign_on_mail_deliver(sign_on_id=sign_on_id, kind=kind, key=key)
    except OSError:  # smtplib's errors are OSErrors too
        if attempt >= settings.SIGNON_MAIL_ATTEMPTS:
            raise
        retry = sign_on_mail_send
        if retry.get_backend().supports_defer:
            retry = retry.using(run_after=timezone.now() + timedelta(minutes=2**attempt))
        # The key makes the retry idempotent: a mail that did go out is not sent twice.
        retry.enqueue(sign_on_id=sign_on_id, kind=kind, key=key, attempt=attempt + 1)
        raise
