"""Error reports: to Sentry when SENTRY_DSN is set, else by mail to ADMINS through the outbox.

Both hide contact data first. The mail path subclasses Django's AdminEmailHandler for its
report (traceback, request, settings with secrets cleansed by Django's reporter filter) and
changes two things: the mail is queued as a task and sent through the site's outbox like every
other mail (a record, a Message-ID, retries by the worker), and one distinct error is mailed at
most once per ERROR_MAIL_INTERVAL_MINUTES, so a failure on a busy page does not flood the
administrator, or the outbox, with thousands of copies.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils.log import AdminEmailHandler

from undersigned.operations.scrub import scrub_data, scrub_text

logger = logging.getLogger("undersigned.operations")


def scrub_event(event: dict, hint: dict | None = None) -> dict:
    """Hide email addresses and phone numbers anywhere in a Sentry event (its before_send)."""
    return scrub_data(event)


def sentry_init() -> bool:
    """Start the Sentry SDK when SENTRY_DSN is set; return whether it was started."""
    if not settings.SENTRY_DSN:
        return False
    import sentry_sdk

    sentry_sdk.init(
        dsn=settings.SENTRY_DSN,
        environment=settings.SENTRY_ENVIRONMENT,
        release=settings.RELEASE,
        # No user identity and no request bodies (the sign-on form's contact data); what is
        # left (messages, frame variables) goes through scrub_event.
        data_collection={"user_info": False, "http_bodies": []},
        before_send=scrub_event,
        traces_sample_rate=settings.SENTRY_TRACES_SAMPLE_RATE,
    )
    return True


def error_signature(record: logging.LogRecord) -> str:
    """Name an error by where and what it is, not by its changing details (ids, times)."""
    kind = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else ""
    where = f"{record.name}:{record.pathname}:{record.lineno}:{kind}"
    if record.exc_info and record.exc_info[2] is not None:
        tb = record.exc_info[2]
        while tb.tb_next is not None:
            tb = tb.tb_next
        where += f":{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}"
    return hashlib.blake2b(where.encode(), digest_size=16).hexdigest()


class OutboxAdminEmailHandler(AdminEmailHandler):
    """Mail errors to ADMINS through the outbox, once per distinct error and interval."""

    def emit(self, record: logging.LogRecord) -> None:
        if settings.SENTRY_DSN or not settings.ADMINS:
            return
        signature = error_signature(record)
        try:
            first = cache.add(
                f"errors:mailed:{signature}", 1, timeout=settings.ERROR_MAIL_INTERVAL_MINUTES * 60
            )
        except Exception:  # the cache is down: no mail rather than one per request
            return
        if first:
            self._signature = signature
            super().emit(record)

    def send_mail(self, subject, message, *args, **kwargs) -> None:
        from undersigned.operations.tasks import admin_error_mail_send

        try:
            admin_error_mail_send.enqueue(
                signature=self._signature,
                subject=scrub_text(subject)[:250],
                body=scrub_text(message),
            )
        except Exception:
            # Never let a report of an error raise one; the console log has the error.
            logger.warning("The error report could not be queued for ADMINS.", exc_info=True)
