"""Addresses and list headers for the readers' mail; the mail itself goes through core.outbox."""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from undersigned.core import outbox


def absolute(name: str, *, language: str, **kwargs) -> str:
    """Return the public address of a named URL in the language's prefix."""
    with translation.override(language):
        return settings.SITE_URL + reverse(name, kwargs=kwargs or None)


def list_id() -> str:
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"{settings.SITE_NAME} statements <statements.{host}>"


def list_headers(unsubscribe_url: str) -> dict[str, str]:
    """Return the headers mail programs show as an "Unsubscribe" button (RFC 2369, RFC 8058)."""
    return outbox.list_headers(unsubscribe_url=unsubscribe_url, list_id=list_id())
