"""Background work of the operations app: error reports to the administrators."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.tasks import task
from django.utils import timezone
from django.utils.html import escape

from undersigned.operations.outbox import outbox_mail


def _admin_addresses() -> list[str]:
    # Django 6 takes plain addresses; ("Name", "address") pairs are read too.
    return [entry if isinstance(entry, str) else entry[1] for entry in settings.ADMINS]


@task()
def admin_error_mail_send(*, signature: str, subject: str, body: str) -> int:
    """Mail an error report to each administrator through the outbox; return how many went."""
    # One key per error, interval and administrator: a retried task sends nothing twice.
    window = int(timezone.now().timestamp()) // max(settings.ERROR_MAIL_INTERVAL_MINUTES * 60, 1)
    sent = 0
    for number, address in enumerate(_admin_addresses()):

        def compose(address: str = address) -> EmailMultiAlternatives:
            message = EmailMultiAlternatives(
                subject=f"{settings.EMAIL_SUBJECT_PREFIX}{subject}",
                body=body,
                from_email=settings.SERVER_EMAIL,
                to=[address],
                headers={"Auto-Submitted": "auto-generated"},
            )
            message.attach_alternative(f"<pre>{escape(body)}</pre>", "text/html")
            return message

        result = outbox_mail(
            key=f"error:{signature[:32]}:{window}:{number}",
            kind="error_report",
            compose=compose,
            language=settings.LANGUAGE_CODE,
        )
        sent += result == "sent"
    return sent
