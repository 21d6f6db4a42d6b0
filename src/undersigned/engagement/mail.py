"""Compose the readers' mail: plain text, in the reader's language, from templates."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from undersigned.core.messageid import message_id_for


def absolute(name: str, *, language: str, **kwargs) -> str:
    """Return the public address of a named URL in the language's prefix."""
    with translation.override(language):
        return settings.SITE_URL + reverse(name, kwargs=kwargs or None)


def list_id() -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"{settings.SITE_NAME} statements <statements.{host}>"


def compose(
    *,
    template: str,
    context: dict,
    to: str,
    language: str,
    unsubscribe_url: str = "",
    key: str = "",
) -> EmailMessage:
    """Render engagement/emails/<template>{_subject,}.txt into a message to one address.

    A message with an unsubscribe address carries the headers mail programs show as an
    "Unsubscribe" button and may follow with one POST (RFC 2369 and RFC 8058). One with a key
    (what makes it this mail and no other) has a Message-ID derived from it: sent again after
    a worker died before recording it sent, it is recognisably the same mail.
    """
    context = {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "unsubscribe_url": unsubscribe_url,
        **context,
    }
    with translation.override(language):
        subject = " ".join(
            render_to_string(f"engagement/emails/{template}_subject.txt", context).split()
        )
        body = render_to_string(f"engagement/emails/{template}.txt", context)
    headers = {"Auto-Submitted": "auto-generated", "Content-Language": language}
    if key:
        headers["Message-ID"] = message_id_for(key)
    if unsubscribe_url:
        headers |= {
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": list_id(),
            "Precedence": "bulk",
        }
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=headers,
    )
