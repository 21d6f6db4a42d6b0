"""Give every attempt at one mail the same Message-ID, derived from the mail's key.

A mail sent again after a crash (the server took it, the worker died before recording so) then
carries the Message-ID of the first copy: mail servers and programs that collapse duplicates
show it once, and anyone reading both can see it is the same mail.
"""

import hashlib
from email.utils import parseaddr
from functools import lru_cache

from django.conf import settings
from django.core.mail.utils import DNS_NAME


def message_id_for(key: str) -> str:
    """Return the Message-ID of the mail whose idempotency key this is."""
    digest = hashlib.sha256(f"undersigned-mail:{key}".encode()).hexdigest()[:40]
    return f"<{digest}@{_domain(settings.DEFAULT_FROM_EMAIL)}>"


@lru_cache(maxsize=8)
def _domain(from_email: str) -> str:
    # Parsing the address costs more than the digest; a batch asks for hundreds of Message-IDs.
    return parseaddr(from_email)[1].rpartition("@")[2] or str(DNS_NAME)
